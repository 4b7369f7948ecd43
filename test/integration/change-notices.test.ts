// #16 item 3, the single-desk side of change notices: the dispatcher publishes one notice per
// successful change (never for reads or refusals, never a value), and web mode streams them as
// server-sent events behind the same cookie and Host checks as the API.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/services/core/dispatch';
import { startWebHost, type WebHost } from '../../electron/web/host';
import { formatNotice, noticeMatches, parseNotice, type ChangeNotice } from '../../shared/contract/change-notice';
import { ADMIN, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

function open(port: number, path: string, headers: Record<string, string>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

describe('change notices on the single-desk vault', () => {
  it('one notice per successful change, with the ids of its input; none for reads, refusals or sessions', async () => {
    const { core, call } = makeCore({ dataDir: tempDir(), ocrWorkers: 1 });
    const heard: ChangeNotice[] = [];
    core.changes.subscribe((n) => heard.push(n));
    value(await call('vault.setup', ADMIN));
    expect(heard).toEqual([]);
    const { id } = value(await call('envelopes.log', { arrivedOn: '2026-11-20', delivery: 'futsu', redMarking: true, senderName: '山田 太郎' })).cases[0]!;
    expect(heard.splice(0)).toEqual([{ table: 'envelopes', ids: [] }]);
    value(await call('cases.detail', { id }));
    value(await call('cases.list', { limit: 10 }));
    expect(heard).toEqual([]);
    value(await call('cases.setFields', { id, fields: [{ field: 'subject.name', value: '山田 太郎' }] }));
    expect(heard.splice(0)).toEqual([{ table: 'cases', ids: [id] }]);
    // A refused edit changed nothing: no notice.
    expect(await call('cases.setFields', { id, version: 1, fields: [{ field: 'subject.name', value: '佐藤 花子' }] })).toMatchObject({ error: { code: 'CONFLICT' } });
    value(await call('vault.lock', {}));
    expect(heard).toEqual([]);
  }, 60_000);

  it('web mode streams them at /events to a window holding the cookie, and to nobody else', async () => {
    const dataDir = tempDir();
    const rendererDir = join(dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Kaiji</title>');
    const { core, call } = makeCore({ dataDir: join(dataDir, 'vault'), ocrWorkers: 1 });
    const h = await startWebHost({ dispatch: call as never, rendererDir, port: 0, changes: core.changes });
    hosts.push(h);
    const token = new URL(h.url).searchParams.get('token')!;
    const cookie = `kaiji_${h.port}=${token}`;

    const refused = await open(h.port, '/events', {});
    expect(refused.statusCode).toBe(403);
    refused.resume();
    const wrongHost = await open(h.port, '/events', { cookie, host: `evil.example:${h.port}` });
    expect(wrongHost.statusCode).toBe(421);
    wrongHost.resume();

    const stream = await open(h.port, '/events', { cookie });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    let text = '';
    stream.on('data', (c: Buffer) => (text += c.toString()));
    value(await call('vault.setup', ADMIN));
    const { id } = value(await call('envelopes.log', { arrivedOn: '2026-11-20', delivery: 'futsu', redMarking: true })).cases[0]!;
    value(await call('cases.setFields', { id, fields: [{ field: 'subject.name', value: '山田 太郎' }] }));
    const expected = `event: change\ndata: cases:${id}\n\n`;
    while (!text.includes(expected)) await new Promise((r) => setTimeout(r, 5));
    expect(text).toContain('event: change\ndata: envelopes\n\n');
    expect(text).not.toContain('山田');
    stream.destroy();
  }, 60_000);
});

describe('notice format and matching', () => {
  const ident = fc.stringMatching(/^[a-z_][a-z_]{0,20}$/);
  const id = fc.uuid();

  it('what the triggers and the desk send parses back to the same notice', () => {
    fc.assert(
      fc.property(ident, fc.array(id, { maxLength: 2 }), (table, ids) => {
        expect(parseNotice(formatNotice({ table, ids }))).toEqual({ table, ids });
      }),
    );
    // A row of no case (an unsorted page) ends in an empty id: dropped, not matched against.
    expect(parseNotice('pages:p1:')).toEqual({ table: 'pages', ids: ['p1'] });
    expect(parseNotice('')).toBeNull();
    expect(parseNotice('Robert"); drop:1')).toBeNull();
  });

  it('a query about records refetches only for a notice naming one of them; a list for any notice', () => {
    fc.assert(
      fc.property(ident, fc.array(id, { minLength: 1, maxLength: 2 }), fc.array(fc.array(id, { maxLength: 2 }), { minLength: 1, maxLength: 3 }), (table, ids, reads) => {
        const notice = { table, ids };
        const expected = reads.some((r) => r.length === 0 || r.some((x) => ids.includes(x)));
        expect(noticeMatches(notice, reads)).toBe(expected);
        // Naming one of the query's records always matches; "anything changed" always does.
        expect(noticeMatches({ table, ids: [reads[0]![0] ?? ids[0]!] }, reads)).toBe(true);
        expect(noticeMatches({ table: '*', ids: [] }, reads)).toBe(true);
      }),
    );
  });
});
