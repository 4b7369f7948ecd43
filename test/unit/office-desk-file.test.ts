// #16 item 1: what the connection screen's "save and use" writes is exactly what the next start
// reads (office-desk.ts), for any password the contract accepts (pgpass escaping of `:` and `\`,
// any Unicode), always owner-only, with no password in office.json; a CA saved once and then
// dropped leaves no stale file. And the contract's host field never lets a URL, a path, a user or
// spaces through.
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { officeConnectionInput } from '../../shared/contract/channels/office';
import { connectFailure, DESK_CA_FILE, DESK_OFFICE_FILE, DESK_PGPASS_FILE, officeAtStart, saveDeskOffice } from '../../electron/services/office/desk-connection';

const dir = mkdtempSync(join(tmpdir(), 'kaiji-office-desk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CA = readFileSync(join(import.meta.dirname, '../fixtures/office-tls/ca-a.pem'), 'utf8');

describe('the desk office files (#16 item 1)', () => {
  it('save then start: the same connection for any accepted password, owner-only files, no password in office.json', () => {
    const password = fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }).filter((p) => officeConnectionInput.shape.password.safeParse(p).success);
    const host = fc.constantFrom('127.0.0.1', '::1', 'localhost', 'db.office.example', '10.0.0.7', 'fe80::1');
    fc.assert(
      fc.property(host, fc.integer({ min: 1, max: 65535 }), password, fc.boolean(), (h, port, pw, withCa) => {
        const remote = !['127.0.0.1', '::1', 'localhost'].includes(h);
        const input = officeConnectionInput.parse({ host: h, port, database: 'kaiji', user: 'kaiji_app', password: pw, caPem: remote || withCa ? CA : '' });
        const saved = saveDeskOffice(dir, input);
        const started = officeAtStart(dir, { env: {} });
        expect(started.source).toBe('desk');
        expect(started.connection).toEqual(saved);
        expect(saved).toMatchObject({ host: h, port, database: 'kaiji', user: 'kaiji_app', password: pw });
        const files = [DESK_OFFICE_FILE, DESK_PGPASS_FILE, ...(saved.caFile ? [DESK_CA_FILE] : [])];
        for (const f of files) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
        expect(existsSync(join(dir, DESK_CA_FILE))).toBe(Boolean(saved.caFile));
        if (saved.caFile) expect(readFileSync(saved.caFile, 'utf8').trim()).toBe(CA.trim());
        const json = JSON.parse(readFileSync(join(dir, DESK_OFFICE_FILE), 'utf8')) as Record<string, unknown>;
        expect(Object.keys(json).sort()).toEqual(['database', 'host', 'passwordFile', 'port', 'user', ...(saved.caFile ? ['caFile'] : [])].sort());
      }),
      { numRuns: 40 },
    );
    // `--office FILE` (web mode) and KAIJI_OFFICE win over the data folder's own file.
    expect(officeAtStart(dir, { flag: join(dir, DESK_OFFICE_FILE), env: {} }).source).toBe('start');
    expect(officeAtStart(dir, { env: { KAIJI_OFFICE: join(dir, DESK_OFFICE_FILE) } }).source).toBe('start');
    expect(officeAtStart(mkdtempSync(join(dir, 'empty-')), { env: {} })).toEqual({ source: 'none' });
  });

  it('the host field takes host names and addresses only', () => {
    const host = officeConnectionInput.shape.host;
    for (const ok of ['db.office.example', '127.0.0.1', '::1', 'fe80::1', 'localhost', 'a']) expect(host.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['postgres://db', 'db/kaiji', 'user@db', 'db office', '-db', 'db.', '', 'db:5432', '[::1]']) expect(host.safeParse(bad).success, bad).toBe(false);
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = host.safeParse(s);
        if (r.success) expect(r.data).toMatch(/^[A-Za-z0-9.:-]+$/);
      }),
    );
  });

  it('driver and TLS failures become typed errors without the driver text', () => {
    const cases: [unknown, string][] = [
      [Object.assign(new Error('password authentication failed for user "kaiji_app"'), { code: '28P01' }), 'OFFICE_WRONG_PASSWORD'],
      [Object.assign(new Error('no pg_hba.conf entry for host "10.0.0.7"'), { code: '28000' }), 'OFFICE_LOGIN_REFUSED'],
      [Object.assign(new Error('database "x" does not exist'), { code: '3D000' }), 'OFFICE_NO_DATABASE'],
      [Object.assign(new Error('unable to verify the first certificate'), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }), 'OFFICE_WRONG_CA'],
      [Object.assign(new Error("Hostname/IP does not match certificate's altnames"), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' }), 'OFFICE_WRONG_CA'],
      [new Error('The server does not support SSL connections'), 'OFFICE_NO_TLS'],
      [Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' }), 'OFFICE_UNREACHABLE'],
      [new Error('timeout expired'), 'OFFICE_UNREACHABLE'],
    ];
    for (const [error, code] of cases) {
      const e = connectFailure(error);
      expect(e.code).toBe(code);
      expect(e.message).not.toMatch(/kaiji_app|10\.0\.0\.7|"x"/);
    }
  });
});
