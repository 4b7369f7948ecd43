import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/services/core/dispatch';
import { REQUEST_TIMEOUTS, startWebHost, type WebHost } from '../../electron/web/host';
import { useCores } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

/** Issue 11, finding 11: typed errors for bad JSON, and no request held open for minutes. */
const tempDir = useTempDirs();
const makeCore = useCores();
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

async function host(timeouts?: Parameters<typeof startWebHost>[0]['timeouts']) {
  const dataDir = tempDir();
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Kaiji</title>');
  const { core } = makeCore({ dataDir: join(dataDir, 'vault') });
  const h = await startWebHost({ dispatch: createDispatch(core), rendererDir, port: 0, timeouts });
  hosts.push(h);
  const token = new URL(h.url).searchParams.get('token')!;
  return { h, port: h.port, cookie: `kaiji_${h.port}=${token}` };
}

function post(port: number, cookie: string, body: string): Promise<{ status: number; type: string; csp: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/vault.status', method: 'POST', headers: { host: `127.0.0.1:${port}`, cookie, 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, type: String(res.headers['content-type']), csp: String(res.headers['content-security-policy']), body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('web mode: bad requests (issue 11, finding 11)', () => {
  it('invalid JSON gets the typed bilingual error with status 400', async () => {
    const { port, cookie } = await host();
    for (const body of ['{', 'not json', '{"a":1,}', '\u0000']) {
      const reply = await post(port, cookie, body);
      expect(reply.status).toBe(400);
      expect(reply.type).toContain('application/json');
      expect(JSON.parse(reply.body)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: { ja: expect.stringContaining('入力'), en: expect.stringContaining('input') }, details: { issues: [{ code: 'invalid_json' }] } },
      });
    }
    // Valid JSON still goes through.
    expect(JSON.parse((await post(port, cookie, '{}')).body)).toMatchObject({ ok: true });
  });

  it('uses timeouts sized for a desk app, not Node’s 300 s', async () => {
    const { h } = await host();
    expect(h.server.requestTimeout).toBe(REQUEST_TIMEOUTS.requestMs);
    expect(h.server.headersTimeout).toBe(REQUEST_TIMEOUTS.headersMs);
    expect(REQUEST_TIMEOUTS.requestMs).toBeLessThanOrEqual(30_000);
    expect(REQUEST_TIMEOUTS.headersMs).toBeLessThanOrEqual(10_000);
  });

  it('an authenticated request whose body never finishes is cut off', async () => {
    const { port, cookie } = await host({ requestMs: 300, headersMs: 200, checkEveryMs: 50 });
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (d) => (received += d.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      `POST /api/vault.status HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`,
    );
    // Never sends the rest: the server answers 408 and closes (the test's own timeout bounds this).
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('web mode: styles under a nonce (issue 11, finding 12)', () => {
  it('each page gets its own nonce in the CSP header and the page; nothing allows unsafe-inline', async () => {
    const { port, cookie } = await host();
    const get = (path: string) =>
      new Promise<{ csp: string; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, cookie } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ csp: String(res.headers['content-security-policy']), body: Buffer.concat(chunks).toString() }));
        });
        req.on('error', reject);
        req.end();
      });
    const [a, b] = [await get('/'), await get('/')];
    const nonceOf = (csp: string) => /style-src 'self' 'nonce-([A-Za-z0-9+/=]{24})'/.exec(csp)?.[1];
    expect(nonceOf(a.csp)).toBeTruthy();
    expect(nonceOf(a.csp)).not.toBe(nonceOf(b.csp));
    expect(a.body).toContain(`<meta name="kaiji-style-nonce" content="${nonceOf(a.csp)}" />`);
    const api = await post(port, cookie, '{}');
    expect(api.csp).toContain("style-src 'self';");
    for (const csp of [a.csp, b.csp, api.csp]) expect(csp).not.toContain('unsafe-inline');
  });
});
