import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../web/host';
import { readStatic } from '../web/static-files';
import { contentSecurityPolicy, htmlWithStyleNonce, newStyleNonce } from '../web/style-nonce';

export const APP_ORIGIN = 'app://kaiji';

/** Must run before `app.ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from app://kaiji/ with the same traversal guard as web mode. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'kaiji') return new Response('Not found', { status: 404 });
    const file = await readStatic(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    // Finding 12: each page load gets its own style nonce (see style-nonce.ts).
    const nonce = file.type.startsWith('text/html') ? newStyleNonce() : null;
    const body = nonce ? htmlWithStyleNonce(file.body, nonce) : file.body;
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': file.type,
        'content-security-policy': nonce ? contentSecurityPolicy(nonce) : CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
