import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/services/core/dispatch';
import { startWebHost, type WebHost } from '../../electron/web/host';
import { useCores } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

async function host() {
  const dataDir = tempDir();
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Kaiji</title>');
  writeFileSync(join(dataDir, 'outside.txt'), 'secret outside the renderer');
  const { core } = makeCore({ dataDir: join(dataDir, 'vault') });
  const h = await startWebHost({ dispatch: createDispatch(core), rendererDir, port: 0 });
  hosts.push(h);
  const token = new URL(h.url).searchParams.get('token')!;
  const cookie = `kaiji_${h.port}=${token}`;
  return { h, token, cookie, port: h.port };
}

describe('web mode host: loopback only, per-run secret, Host/Origin checks', () => {
  it('listens on 127.0.0.1 only and prints a URL that carries the secret', async () => {
    const { h, token } = await host();
    expect(h.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses requests without the secret, with a wrong one, or with a foreign Host or Origin', async () => {
    const { port, cookie } = await host();
    expect((await send(port, '/')).status).toBe(403);
    expect((await send(port, '/?token=wrong')).status).toBe(403);
    expect((await send(port, '/', { headers: { cookie: `kaiji_${port}=wrong` } })).status).toBe(403);
    const apiCall = { method: 'POST', body: '{}', headers: { cookie, 'content-type': 'application/json' } };
    expect((await send(port, '/api/vault.status', { ...apiCall, headers: { ...apiCall.headers, host: `evil.example:${port}` } })).status).toBe(421);
    expect((await send(port, '/api/vault.status', { ...apiCall, headers: { ...apiCall.headers, origin: 'http://evil.example' } })).status).toBe(403);
    expect((await send(port, '/api/vault.status', { ...apiCall, headers: { ...apiCall.headers, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    const refused = await send(port, '/');
    expect(refused.body).toContain('拒否');
    expect(refused.body).toContain('refused');
  });

  it('trades the start URL for an HttpOnly SameSite cookie, then serves the renderer and the API', async () => {
    const { port, token, cookie } = await host();
    const start = await send(port, `/?token=${token}`);
    expect(start.status).toBe(303);
    expect(start.headers.location).toBe('/');
    expect(String(start.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);

    const page = await send(port, '/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('<title>Kaiji</title>');

    const api = await send(port, '/api/vault.status', {
      method: 'POST',
      body: '{}',
      headers: { cookie, 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
    });
    expect(JSON.parse(api.body)).toEqual({ ok: true, value: { state: 'uninitialized', retryAfterMs: 0 } });
  });

  it('keeps file requests inside the renderer folder', async () => {
    const { port, cookie } = await host();
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/..%2foutside.txt', '/%2e%2e%2foutside.txt']) {
      const r = await send(port, path, { headers: { cookie } });
      expect(r.body).not.toContain('secret outside');
    }
  });

  it('answers unknown channels and invalid input with typed bilingual errors that do not echo the input', async () => {
    const { port, cookie } = await host();
    const post = (path: string, body: unknown) =>
      send(port, path, { method: 'POST', body: JSON.stringify(body), headers: { cookie, 'content-type': 'application/json' } });
    expect(JSON.parse((await post('/api/nope.nothing', {})).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const bad = JSON.parse((await post('/api/vault.unlock', { login: 'x'.repeat(200), passphrase: 'シークレット' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: { ja: expect.any(String), en: expect.any(String) } } });
    expect(JSON.stringify(bad)).not.toContain('シークレット');
    expect(JSON.parse((await post('/api/staff.list', {})).body)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});
