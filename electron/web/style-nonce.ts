import { randomBytes } from 'node:crypto';

/**
 * Finding 12: styles by nonce instead of 'unsafe-inline'. Mantine writes its CSS variables
 * and responsive style props into <style> elements at run time; it puts the nonce from
 * MantineProvider's `getStyleNonce` on each of them. Every HTML response gets a fresh
 * nonce, in its CSP header, its CSP meta tag and a meta tag the renderer reads
 * (renderer/src/main.tsx). Style attributes React sets go through the CSSOM, which CSP
 * does not restrict. The development server (Vite) keeps index.html's 'unsafe-inline'.
 */
export const STYLE_NONCE_META = 'kaiji-style-nonce';

export function contentSecurityPolicy(styleNonce: string): string {
  return (
    `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${styleNonce}'; font-src 'self' data:; ` +
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
  );
}

export const newStyleNonce = (): string => randomBytes(18).toString('base64');

/** The page with its own nonce: CSP meta tightened and the nonce handed to the renderer. */
export function htmlWithStyleNonce(html: Buffer, nonce: string): Buffer {
  const meta = `<meta name="${STYLE_NONCE_META}" content="${nonce}" />`;
  const text = html.toString('utf8').replace(/style-src 'self' 'unsafe-inline'/g, `style-src 'self' 'nonce-${nonce}'`);
  const head = /<head[^>]*>/i.exec(text);
  const at = head ? head.index + head[0].length : (/^<!doctype[^>]*>/i.exec(text)?.[0].length ?? 0);
  return Buffer.from(`${text.slice(0, at)}\n    ${meta}${text.slice(at)}`, 'utf8');
}
