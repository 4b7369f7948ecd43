import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorInfo } from '@shared/errors';
import { formatNotice, type ChangeNotice } from '@shared/contract/change-notice';
import type { Dispatch } from '../services/core/dispatch';
import { readStatic } from './static-files';
import { contentSecurityPolicy, htmlWithStyleNonce, newStyleNonce } from './style-nonce';

/**
 * The CSP of every response that is not a page: no inline styles at all. Pages get their
 * own nonce (style-nonce.ts), the same way Electron's app:// protocol serves them.
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy('none').replace(" 'nonce-none'", '');

const MAX_BODY = 64 * 1024 * 1024;

/**
 * Finding 11: one desk on loopback. The largest request (an import of 64 MB) arrives in
 * well under a second, so a request still incomplete after 30 s, or headers after 10 s,
 * is not a user's: its connection is closed instead of being held for Node's 300 s.
 */
export const REQUEST_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, checkEveryMs: 1_000 };

export interface WebHostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port: number;
  /** Fixed only by tests; normally random per run. */
  secret?: string;
  /** Only tests shorten these. */
  timeouts?: Partial<typeof REQUEST_TIMEOUTS>;
  /** #16 item 3: the desk's change notices, streamed to each open tab at `/events`. */
  changes?: { subscribe(listener: (notice: ChangeNotice) => void): () => void };
}

export interface WebHost {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * Web mode: the renderer and the same handler map, on 127.0.0.1 only. Every request
 * must carry the per-run secret (first as `?token=` in the start URL, which sets an
 * HttpOnly SameSite=Strict cookie) and name this host in Host and Origin, so neither
 * other local users' browsers nor web pages (DNS rebinding, CSRF) can reach it.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  let port = options.port;
  const cookieName = () => `kaiji_${port}`;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const timeouts = { ...REQUEST_TIMEOUTS, ...options.timeouts };
  const server = createServer({ requestTimeout: timeouts.requestMs, headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkEveryMs, keepAliveTimeout: timeouts.keepAliveMs }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 421);
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return refuse(res, 403);
    if (req.headers['sec-fetch-site'] === 'cross-site') return refuse(res, 403);

    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const token = url.searchParams.get('token');
    if (token !== null) {
      if (!same(token, secret)) return refuse(res, 403);
      // Trade the token for a cookie and drop it from the address bar.
      res.writeHead(303, {
        location: '/',
        'set-cookie': `${cookieName()}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      });
      return void res.end();
    }
    if (!same(readCookie(req, cookieName()) ?? '', secret)) return refuse(res, 403);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405);
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415);
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch {
        return sendError(res, 413, 'body_too_large');
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        // The same typed, bilingual result the renderer gets for any bad input.
        return sendError(res, 400, 'invalid_json');
      }
      const result = await options.dispatch(url.pathname.slice('/api/'.length), input);
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
    }
    if (url.pathname === '/events') {
      if (req.method !== 'GET' || !options.changes) return refuse(res, 405);
      return streamNotices(req, res, options.changes);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405);
    const file = await readStatic(options.rendererDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    if (file.type.startsWith('text/html')) {
      const nonce = newStyleNonce();
      return send(res, 200, file.type, htmlWithStyleNonce(file.body, nonce), contentSecurityPolicy(nonce));
    }
    return send(res, 200, file.type, file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${secret}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Server-sent events (#16 item 3): one `change` event per notice, behind the same secret cookie
 * and Host/Origin checks as the API. Notices carry table names and random ids only.
 */
function streamNotices(req: IncomingMessage, res: ServerResponse, changes: NonNullable<WebHostOptions['changes']>): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': kaiji change notices\n\n');
  const stop = changes.subscribe((notice) => res.write(`event: change\ndata: ${formatNotice(notice)}\n\n`));
  req.on('close', stop);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendError(res: ServerResponse, status: number, code: string): void {
  const result = { ok: false, error: errorInfo('INVALID_INPUT', { issues: [{ path: '', code }] }) };
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

function refuse(res: ServerResponse, status: number): void {
  send(
    res,
    status,
    'text/plain; charset=utf-8',
    'Kaiji: このアクセスは拒否されました。起動時に表示された URL を開いてください。\n' +
      'Kaiji: access refused. Open the URL printed when Kaiji started.\n',
  );
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, csp = CONTENT_SECURITY_POLICY): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  });
  res.end(body);
}
