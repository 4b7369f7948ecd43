// #16 item 1 on a real PostgreSQL (the "postgres" project's embedded server): several desks, each
// its own core and data folder, on one office database. Key slots, throttle counts and unlock
// attempts live in the database; slot writes commit with their staff row; SQLCipher-only
// operations are refused with their own messages; scanned text is searched through keyed MACs and
// confirmed at the desk.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { OfficeConnection } from '../../electron/services/office/office-database';
import { OfficeDeskError, readOfficeDesk } from '../../electron/services/office/office-desk';
import type { OfficeKeyring } from '../../electron/services/office/office-keyring';
import { officeKeysOf } from '../../electron/services/office/office-keys-plugin';
import { queryTokens } from '../../electron/services/office/office-sealing';
import { indexPageText, searchPageText } from '../../electron/services/vault/fulltext';
import { bucketOf } from '../../electron/services/vault/vault';
import { ADMIN, officeOfTest, useCores, value } from '../helpers/core';
import { importAndWait } from '../helpers/imports';
import { drawPage } from '../helpers/ocr-pages';
import { superuserOf } from '../helpers/office-test-server';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

function desk() {
  return makeCore({ dataDir: tempDir(), ocrWorkers: 1, scannerPollMs: 3_600_000 });
}

async function asSuperuser<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const office = officeOfTest()!;
  const client = new pg.Client(superuserOf(inject('kaijiOffice')!, office.database));
  await client.connect();
  try {
    await client.query('set search_path = kaiji');
    return await run(client);
  } finally {
    await client.end();
  }
}

async function keyring(): Promise<OfficeKeyring> {
  return asSuperuser(async (c) => JSON.parse((await c.query('select keyring from office_keyring')).rows[0].keyring) as OfficeKeyring);
}

const CLERK = { displayName: '受付 次郎', login: 'jiro', role: 'clerk' as const, passphrase: 'clerk passphrase at the office' };

describe.skipIf(process.env.KAIJI_TEST_BACKEND !== 'postgres')('desks on one office database (#16 item 1)', () => {
  it('a second desk sees the office set up at the first, unlocks with the same passphrase and sees its cases', async () => {
    const a = desk();
    const b = desk();
    expect(value(await b.call('vault.status', {})).state).toBe('uninitialized');
    value(await a.call('vault.setup', ADMIN));
    const logged = value(await a.call('envelopes.log', { arrivedOn: '2026-11-20', delivery: 'futsu', redMarking: false }));
    expect(value(await b.call('vault.status', {})).state).toBe('locked');
    expect(await b.call('vault.setup', ADMIN)).toMatchObject({ ok: false, error: { code: 'ALREADY_INITIALIZED' } });
    value(await b.call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    const seen = value(await b.call('cases.get', { id: logged.cases[0]!.id }));
    expect(seen.caseNo).toBe(logged.cases[0]!.caseNo);
    // Nothing of the office is kept at a desk: its folder holds the desk lock only.
    expect(a.core.vault.kind).toBe('office');
  });

  it('staff slots live in the database: a member added at one desk signs in at another; disabled, removed and re-enabled as one', async () => {
    const a = desk();
    const b = desk();
    value(await a.call('vault.setup', ADMIN));
    const added = value(await a.call('staff.add', { ...CLERK, passphrase: `${CLERK.passphrase} (temporary)` }));
    // Slot and row commit together: one staff slot per member, plus the recovery slot.
    expect((await keyring()).slots.filter((s) => s.kind === 'staff').map((s) => s.staffId).sort()).toEqual(
      [added.id, (await keyring()).slots.find((s) => s.kind === 'staff' && s.staffId !== added.id)!.staffId].sort(),
    );
    value(await b.call('vault.unlock', { login: CLERK.login, passphrase: `${CLERK.passphrase} (temporary)` }));
    value(await b.call('session.changePassphrase', { current: `${CLERK.passphrase} (temporary)`, next: CLERK.passphrase }));
    value(await b.call('vault.lock', {}));
    // The old passphrase no longer opens anything, at either desk.
    expect(await a.call('vault.unlock', { login: CLERK.login, passphrase: `${CLERK.passphrase} (temporary)` })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    value(await a.call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    value(await a.call('staff.setStatus', { id: added.id, status: 'disabled' }));
    expect(await b.call('vault.unlock', { login: CLERK.login, passphrase: CLERK.passphrase })).toMatchObject({ error: { code: 'ACCOUNT_DISABLED' } });
    value(await a.call('staff.setStatus', { id: added.id, status: 'active' }));
    value(await b.call('vault.unlock', { login: CLERK.login, passphrase: CLERK.passphrase }));
    value(await a.call('staff.remove', { id: added.id }));
    expect((await keyring()).slots.some((s) => s.staffId === added.id)).toBe(false);
    expect(await b.call('vault.unlock', { login: CLERK.login, passphrase: CLERK.passphrase })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    // The keyring names no login and holds no passphrase or display name.
    const stored = JSON.stringify(await keyring());
    for (const marker of [ADMIN.adminLogin, CLERK.login, CLERK.displayName, ADMIN.passphrase, CLERK.passphrase]) expect(stored).not.toContain(marker);
  }, 120_000);

  it('the throttle counts per login across desks, and attempts made while locked reach the audit trail', async () => {
    const a = desk();
    const b = desk();
    value(await a.call('vault.setup', ADMIN));
    const ring = await keyring();
    // Logins share a count when they share a one-byte bucket (1 office in 256): pick a clerk login outside the administrator's.
    const file = { ...ring, pendingRekey: null };
    const login = Array.from({ length: 64 }, (_, i) => `clerk${i}`).find((l) => bucketOf(file, l) !== bucketOf(file, ADMIN.adminLogin))!;
    await a.call('staff.add', { ...CLERK, login, passphrase: CLERK.passphrase });
    value(await a.call('vault.lock', {}));
    for (let i = 0; i < 3; i++) expect(await a.call('vault.unlock', { login: ADMIN.adminLogin, passphrase: `wrong ${i}` })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    // Another desk does not start the count again.
    expect(await b.call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase })).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
    expect(await b.core.vault.retryAfterMs(ADMIN.adminLogin)).toBeGreaterThan(0);
    // Someone else's login is not slowed.
    value(await b.call('vault.unlock', { login, passphrase: CLERK.passphrase }));
    const actions = await asSuperuser(async (c) => (await c.query(`select action from audit_log order by seq`)).rows.map((r) => r.action as string));
    expect(actions.filter((x) => x === 'vault.unlock_failed')).toHaveLength(3);
    expect(actions.filter((x) => x === 'vault.unlock_refused')).toHaveLength(1);
    // Moved into the chain once: nothing is left waiting.
    expect(await asSuperuser(async (c) => Number((await c.query('select count(*) as n from office_pending_audit')).rows[0].n))).toBe(0);
  }, 120_000);

  it('the recovery key opens the office at any desk; a rotated one retires the old', async () => {
    const a = desk();
    const b = desk();
    const { recoveryKey } = value(await a.call('vault.setup', ADMIN));
    value(await b.call('vault.recover', { recoveryKey, login: ADMIN.adminLogin, newPassphrase: 'a new administrator passphrase' }));
    const rotated = value(await b.call('vault.rotateRecoveryKey', {}));
    value(await a.call('vault.lock', {}));
    expect(await a.call('vault.recover', { recoveryKey, login: ADMIN.adminLogin, newPassphrase: 'another new passphrase here' })).toMatchObject({
      error: { code: 'WRONG_RECOVERY_KEY' },
    });
    value(await a.call('vault.recover', { recoveryKey: rotated.recoveryKey, login: ADMIN.adminLogin, newPassphrase: 'another new passphrase here' }));
  }, 120_000);

  it('refuses what only the SQLite vault does, each with its own message: rekey, backups from the desk', async () => {
    const a = desk();
    value(await a.call('vault.setup', ADMIN));
    const rekey = await a.call('vault.rekey', {});
    expect(rekey).toMatchObject({ ok: false, error: { code: 'OFFICE_NOT_HERE' } });
    const backup = await a.call('backup.start', {});
    expect(backup).toMatchObject({ ok: false, error: { code: 'OFFICE_BACKUP_BY_SERVER' } });
    if (!backup.ok) expect(backup.error.message.ja).toContain('pg_dump');
    // No intent was written for the refused rekey, and no failed backup run.
    const { intents, runs } = await asSuperuser(async (c) => ({
      intents: Number((await c.query(`select count(*) as n from audit_log where action like 'vault.rekey%'`)).rows[0].n),
      runs: Number((await c.query('select count(*) as n from backup_runs')).rows[0].n),
    }));
    expect({ intents, runs }).toEqual({ intents: 0, runs: 0 });
  });

  it('refuses an office database older than the build until its owner upgrades it, changing nothing', async () => {
    const a = desk();
    value(await a.call('vault.setup', ADMIN));
    value(await a.call('vault.lock', {}));
    const last = await asSuperuser(async (c) => (await c.query('delete from schema_migrations where version = (select max(version) from schema_migrations) returning version, name, applied_at')).rows[0]);
    try {
      expect(await a.call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase })).toMatchObject({ ok: false, error: { code: 'OFFICE_SCHEMA_OLD' } });
    } finally {
      await asSuperuser((c) => c.query('insert into schema_migrations (version, name, applied_at) values ($1, $2, $3)', [last.version, last.name, last.applied_at]));
    }
    value(await a.call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
  });

  it('an office server that cannot be reached says so in both languages', async () => {
    const office = officeOfTest()!;
    const { call } = makeCore({ dataDir: tempDir(), office: { ...office, password: 'not the password' } });
    const status = await call('vault.status', {});
    expect(status).toMatchObject({ ok: false, error: { code: 'OFFICE_UNREACHABLE' } });
  });

  it('scanned text: the server holds 16-byte MACs only; candidates that share every trigram but not the text are dropped at the desk', async () => {
    const a = desk();
    value(await a.call('vault.setup', ADMIN));
    const logged = value(await a.call('envelopes.log', { arrivedOn: '2026-11-20', delivery: 'futsu', redMarking: false }));
    const status = await importAndWait(a.call, [{ name: 'letter.png', bytes: drawPage(['開示請求書', '山田太郎']) }], { caseId: logged.cases[0]!.id });
    const pageId = status.files[0]!.pageIds[0]!;
    const db = a.core.requireSession().ws.db;
    // The query 港区東京 has the trigrams 港区東 and 区東京; this page holds both (港区東口, 山区東京)
    // but not the query itself: the server offers it as a candidate, the desk drops it.
    const text = '申請者 港区東口 と 山区東京 在住';
    await db.updateTable('pages').set({ ocr_text: text }).where('id', '=', pageId).execute();
    await indexPageText(db, pageId, text);
    const macs = await asSuperuser(async (c) => (await c.query('select mac from page_tokens where page_id = $1', [pageId])).rows.map((r) => r.mac as Buffer));
    expect(macs.length).toBeGreaterThan(3);
    expect(macs.every((m) => m.length === 16)).toBe(true);
    const tokensText = macs.map((m) => m.toString('utf8')).join('');
    for (const part of ['港区', '東京', '申請']) expect(tokensText).not.toContain(part);
    const wanted = queryTokens(officeKeysOf(db)!, '港区東京');
    expect(wanted).toHaveLength(2);
    expect(wanted.every((w) => macs.some((m) => m.equals(w)))).toBe(true);
    expect(await searchPageText(db, '港区東京', 10)).toEqual([]);
    expect(await searchPageText(db, '山区東京', 10)).toEqual([pageId]);
    // One or two characters have no trigram: the desk reads the text itself.
    expect(await searchPageText(db, '在住', 10)).toEqual([pageId]);
    expect(value(await a.call('search.text', { query: '港区東口' })).map((h) => h.pageId)).toEqual([pageId]);
  }, 180_000);
});

describe('desk settings: office.json (#16 item 1)', () => {
  it('reads host, port, database, role and a pgpass line beside it; refuses a file others can read and a remote host without the CA', () => {
    const dir = tempDir();
    const file = join(dir, 'office.json');
    writeFileSync(join(dir, 'kaiji.pgpass'), 'db.example:5432:kaiji:kaiji_app:s3cret:with\\:colon\n*:*:*:other:nope\n', { mode: 0o600 });
    writeFileSync(file, JSON.stringify({ host: '127.0.0.1', port: 5544, database: 'kaiji', user: 'kaiji_app', passwordFile: 'kaiji.pgpass' }), { mode: 0o600 });
    expect(() => readOfficeDesk(file)).toThrow(OfficeDeskError); // no line for 127.0.0.1
    writeFileSync(join(dir, 'kaiji.pgpass'), '127.0.0.1:*:kaiji:kaiji_app:s3cret\\:x\n', { mode: 0o600 });
    expect(readOfficeDesk(file)).toEqual({ host: '127.0.0.1', port: 5544, database: 'kaiji', user: 'kaiji_app', password: 's3cret:x', caFile: undefined });
    chmodSync(file, 0o644);
    expect(() => readOfficeDesk(file)).toThrow(/chmod 600/);
    chmodSync(file, 0o600);
    writeFileSync(file, JSON.stringify({ host: 'db.example', passwordFile: 'kaiji.pgpass' }), { mode: 0o600 });
    expect(() => readOfficeDesk(file)).toThrow(/CA file/);
    writeFileSync(file, JSON.stringify({ host: 'db.example', caFile: 'missing.pem', passwordFile: 'kaiji.pgpass' }), { mode: 0o600 });
    expect(() => readOfficeDesk(file)).toThrow(/CA file/);
    mkdirSync(join(dir, 'ca'));
    writeFileSync(join(dir, 'ca', 'office.pem'), '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
    writeFileSync(join(dir, 'kaiji.pgpass'), 'db.example:5432:kaiji:kaiji_app:pw\n', { mode: 0o600 });
    writeFileSync(file, JSON.stringify({ host: 'db.example', caFile: 'ca/office.pem', passwordFile: 'kaiji.pgpass' }), { mode: 0o600 });
    expect(readOfficeDesk(file)).toMatchObject({ host: 'db.example', port: 5432, database: 'kaiji', user: 'kaiji_app', password: 'pw', caFile: join(dir, 'ca', 'office.pem') });
    const conn: OfficeConnection = readOfficeDesk(file);
    expect(conn.caFile).toBeDefined();
  });
});
