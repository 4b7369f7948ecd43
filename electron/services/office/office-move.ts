import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { KaijiError } from '@shared/errors';
import { AuditLog, type Actor } from '../audit/audit-log';
import { PageFiles } from '../pages/page-files';
import { randomKey, box } from '../vault/crypto';
import { acquireDirLock, ensureDataDir } from '../vault/data-dir';
import { openSqlCipher, toKysely } from '../vault/database';
import { indexPageText } from '../vault/fulltext';
import { dbKeyAad, readKeySlotFile, writeKeySlotFile, type KeySlotFile } from '../vault/keyslot-file';
import { LATEST_SCHEMA_VERSION, migrate } from '../vault/migrator';
import type { Database } from '../vault/schema';
import { DB_FILE, Vault } from '../vault/vault';
import { officeConnectionPool, upgradeOfficeSchema, type OfficeConnection } from './office-database';
import { keyringFromVault, loadKeyring, openKeyring, saveKeyring, type OfficeKeyring } from './office-keyring';
import type { OfficeNames } from './office-roles';
import { officeKeys } from './office-sealing';
import { COLUMN_CLASSES } from './personal-columns';
import { primaryKeyOf, rowIdOf } from './sealed-codec';
import { replacePageTokens } from './sealed-search';
import { SealingPlugin } from './sealed-store';

/**
 * Moving in and out (#16 item 4): a single-desk vault into a new office database, and an office
 * database into a new single-desk vault. Every table is copied in batches (one transaction per
 * batch) through the sealing layer; page images move between encrypted files beside the vault
 * and sealed blobs in `pages.image`; then every row and every page is read back through the
 * opening layer and compared by SHA-256 with the source. A mismatch stops the move, naming the
 * table and the row id (ids are random, never personal). The office key ring is written first
 * without any box and completed last, so a move that stopped leaves a database no desk can open
 * nor set up again (drop and re-create it, then move again).
 */
export type MoveCredentials = { login: string; passphrase: string } | { recoveryKey: string };

export interface MoveProgress {
  (step: { phase: 'copy' | 'verify'; table: string; done: number; total: number }): void;
}

export interface MoveReport {
  tables: number;
  rows: number;
  pages: number;
  auditEntries: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of every table, generically
type Row = Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** The tables both back ends have and the move carries (the migration record belongs to each side). */
const MOVED_TABLES = Object.keys(COLUMN_CLASSES).filter((t) => t !== 'schema_migrations');
const FACTS = 'case_facts';

/** Inserts a batch; case_facts rows replace the ones the triggers made. */
async function insertRows(db: AnyDb, table: string, rows: Row[]): Promise<void> {
  let q = db.insertInto(table).values(rows);
  if (table === FACTS) {
    const set = Object.fromEntries(Object.keys(COLUMN_CLASSES[FACTS]!).filter((c) => c !== 'case_id').map((c) => [c, sql.ref(`excluded.${c}`)]));
    q = q.onConflict((oc) => oc.column('case_id').doUpdateSet(set));
  }
  await q.execute();
}

/** Page image columns: compared as images (files on the vault, sealed blobs on the office database). */
const IMAGE_COLUMNS = new Set(['image', 'image_file', 'image_key']);

/**
 * Rows per batch: PostgreSQL takes at most 65,535 parameters a statement. Cases also write their
 * prefix MACs (up to 3 columns × 64 prefixes × 4 parameters each); pages and letters carry
 * images and PDFs, so their batches stay small in memory.
 */
function batchSize(table: string): number {
  if (table === 'pages') return 8;
  if (table === 'letters' || table === 'contact_letters') return 20;
  if (table === 'cases') return 40;
  return 500;
}

/** Parents before children: the order foreign keys allow (read from the vault's schema). */
async function copyOrder(lite: AnyDb): Promise<string[]> {
  const parents = new Map<string, Set<string>>();
  for (const t of MOVED_TABLES) {
    const { rows } = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${t})`.execute(lite);
    parents.set(t, new Set(rows.map((r) => r.table).filter((p) => p !== t)));
  }
  const order: string[] = [];
  const placed = new Set<string>();
  // Migration 024's triggers make and mark case_facts rows as cases and their children arrive:
  // copied last, over what the triggers made, so the stored facts end as the source has them.
  parents.set(FACTS, new Set(MOVED_TABLES.filter((t) => t !== FACTS)));
  while (order.length < MOVED_TABLES.length) {
    const next = MOVED_TABLES.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !MOVED_TABLES.includes(p)));
    if (next.length === 0) throw new Error('the schema`s foreign keys form a cycle');
    for (const t of next) {
      order.push(t);
      placed.add(t);
    }
  }
  return order;
}

/** A value as the digest sees it: types that both back ends give back alike. */
function canon(v: unknown): string {
  if (v === null || v === undefined) return 'N';
  if (v instanceof Uint8Array) return `B${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  if (typeof v === 'number' || typeof v === 'bigint') return `D${String(v)}`;
  if (typeof v === 'boolean') return `D${v ? 1 : 0}`;
  return `S${String(v)}`;
}

function rowDigest(table: string, row: Row): string {
  const h = createHash('sha256');
  for (const column of Object.keys(COLUMN_CLASSES[table]!).sort()) {
    if (table === 'pages' && IMAGE_COLUMNS.has(column)) continue;
    h.update(column).update('\u0000').update(canon(row[column]), 'utf8').update('\u0000');
  }
  return h.digest('hex');
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Only the table's columns (a driver may add none, but the digest must not depend on it). */
function pick(table: string, row: Row): Row {
  const out: Row = {};
  for (const c of Object.keys(COLUMN_CLASSES[table]!)) out[c] = row[c];
  return out;
}

/** Rows of a vault table in rowid order. */
async function* vaultBatches(lite: AnyDb, table: string): AsyncGenerator<Row[]> {
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const { rows } = await sql<Row>`select rowid as "__rowid", * from ${sql.table(table)} where rowid > ${after} order by rowid limit ${batchSize(table)}`.execute(lite);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.__rowid as number;
    yield rows.map((r) => pick(table, r));
  }
}

/** Rows of an office table in key order (keyset paging; key columns are never sealed). */
async function* officeBatches(db: AnyDb, table: string): AsyncGenerator<Row[]> {
  const key = primaryKeyOf(table);
  let last: unknown[] | null = null;
  for (;;) {
    let q = db.selectFrom(table).selectAll();
    if (last) {
      const values = last;
      q = q.where(sql<boolean>`(${sql.join(key.map((k) => sql.ref(k)))}) > (${sql.join(values)})`);
    }
    for (const k of key) q = q.orderBy(k);
    const rows = (await q.limit(batchSize(table)).execute()) as Row[];
    if (rows.length === 0) return;
    last = key.map((k) => rows[rows.length - 1]![k]);
    yield rows.map((r) => pick(table, r));
  }
}

/** The rows of `table` on `db` with the same keys as `rows`, by row id. */
async function rowsWithKeys(db: AnyDb, table: string, rows: Row[]): Promise<Map<string, Row>> {
  const key = primaryKeyOf(table);
  const firsts = [...new Set(rows.map((r) => r[key[0]!]))];
  const found = (await db.selectFrom(table).selectAll().where(key[0]!, 'in', firsts).execute()) as Row[];
  return new Map(found.map((r) => [rowIdOf(key.map((k) => r[k])), r]));
}

async function count(db: AnyDb, table: string): Promise<number> {
  const { n } = (await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()) as { n: number | string };
  return Number(n);
}

function mismatch(table: string, rowId: string): KaijiError {
  return new KaijiError('MIGRATE_MISMATCH', { table, row: rowId });
}

function officePool(c: OfficeConnection): PostgresDialect {
  return new PostgresDialect({ pool: officeConnectionPool(c, 2) });
}

async function refuseNonEmptyOffice(db: AnyDb, label: string): Promise<void> {
  for (const t of [...MOVED_TABLES, 'office_keyring']) {
    const row = await db.selectFrom(t).select(sql<number>`1`.as('x')).limit(1).executeTakeFirst();
    if (row) throw new KaijiError('MIGRATE_TARGET_NOT_EMPTY', { target: label });
  }
}

/** Who moved the data, for the audit entry written on the target (S3). */
async function moverOf(db: AnyDb, staffId: string | null): Promise<Actor> {
  if (!staffId) return { id: null, name: null };
  const s = (await db.selectFrom('staff').select(['display_name']).where('id', '=', staffId).executeTakeFirst()) as { display_name: string } | undefined;
  return { id: staffId, name: s?.display_name ?? null };
}

/** Compares every row and page of `table` on both sides (source order); throws MIGRATE_MISMATCH. */
async function verifyTable(
  table: string,
  source: AsyncGenerator<Row[]>,
  target: AnyDb,
  images: { source: (row: Row) => Buffer; target: (row: Row) => Buffer },
  expected: number,
  progress: MoveProgress,
): Promise<{ rows: number; pages: number }> {
  const key = primaryKeyOf(table);
  let rows = 0;
  let pages = 0;
  if ((await count(target, table)) !== expected) throw mismatch(table, '*');
  for await (const batch of source) {
    const there = await rowsWithKeys(target, table, batch);
    for (const row of batch) {
      const id = rowIdOf(key.map((k) => row[k]));
      const other = there.get(id);
      if (!other || rowDigest(table, row) !== rowDigest(table, pick(table, other))) throw mismatch(table, id);
      if (table === 'pages') {
        if (sha256(images.source(row)) !== sha256(images.target(other))) throw mismatch(table, id);
        pages++;
      }
      rows++;
    }
    progress({ phase: 'verify', table, done: rows, total: expected });
  }
  if (rows !== expected) throw mismatch(table, '*');
  return { rows, pages };
}

/**
 * `npm run office -- migrate --from DIR --to postgres://…`: the vault at `from` into the office
 * database `to` (provisioned, empty; its schema is created or upgraded here with `names`).
 */
export async function moveVaultIn(options: {
  from: string;
  to: OfficeConnection;
  names: OfficeNames;
  credentials: MoveCredentials;
  progress?: MoveProgress;
  now?: () => Date;
}): Promise<MoveReport> {
  const progress = options.progress ?? (() => {});
  const now = options.now ?? (() => new Date());
  if (!readKeySlotFile(options.from)) throw new KaijiError('NOT_INITIALIZED');
  const release = acquireDirLock(options.from);
  const vault = new Vault({ dataDir: options.from });
  try {
    const c = options.credentials;
    const open = 'recoveryKey' in c ? await vault.unlockWithRecoveryKey(c.recoveryKey) : await vault.unlock(c.login, c.passphrase);
    const lite = open.db as AnyDb;
    const { dataKey, keyring } = keyringFromVault(readKeySlotFile(options.from)!);
    const keys = officeKeys(dataKey, keyring.keyVersion);
    dataKey.fill(0);
    await upgradeOfficeSchema(options.to, options.names);
    const target: AnyDb = new Kysely({ dialect: officePool(options.to), plugins: [new SealingPlugin(keys)] });
    try {
      await refuseNonEmptyOffice(target, `${options.to.host}/${options.to.database}`);
      // A key ring without any box first: a desk sees an office nobody can open yet (not one to set
      // up anew over the rows arriving); the boxes follow once every row and page has been checked.
      await saveKeyring(target as Kysely<unknown>, { ...keyring, slots: keyring.slots.map((slot) => ({ ...slot, dbKey: null })) });
      const files = new PageFiles(options.from);
      const vaultImage = (row: Row): Buffer => (row.image_file ? files.read(row.image_file, row.image_key) : Buffer.from(row.image ?? []));
      const order = await copyOrder(lite);
      const totals = new Map<string, number>();
      for (const table of order) {
        const total = await count(lite, table);
        totals.set(table, total);
        let done = 0;
        for await (const batch of vaultBatches(lite, table)) {
          const rows: Row[] = table === 'pages' ? batch.map((r) => ({ ...r, image: vaultImage(r), image_file: null, image_key: null })) : batch;
          await target.transaction().execute(async (trx) => {
            await insertRows(trx, table, rows);
            if (table === 'pages') for (const p of rows) await replacePageTokens(trx, p.id, p.ocr_text ?? '');
          });
          done += rows.length;
          progress({ phase: 'copy', table, done, total });
        }
      }
      const report: MoveReport = { tables: order.length, rows: 0, pages: 0, auditEntries: 0 };
      for (const table of order) {
        const r = await verifyTable(table, vaultBatches(lite, table), target, { source: vaultImage, target: (row) => Buffer.from(row.image) }, totals.get(table)!, progress);
        report.rows += r.rows;
        report.pages += r.pages;
      }
      const before = await new AuditLog(lite as Kysely<Database>, now).verify();
      const after = await new AuditLog(target as Kysely<Database>, now).verify();
      if (before.ok && !after.ok) throw mismatch('audit_log', String(after.problems[0]?.seq ?? '*'));
      await new AuditLog(target as Kysely<Database>, now).append(target as Kysely<Database>, await moverOf(target, open.staffId), {
        action: 'office.moved_in',
        summary: { tables: report.tables, rows: report.rows, pages: report.pages },
      });
      report.auditEntries = after.checked + 1;
      // Last: until the boxes are there, no desk can open the new office database.
      await saveKeyring(target as Kysely<unknown>, keyring);
      return report;
    } finally {
      await target.destroy();
    }
  } finally {
    await vault.lock();
    release();
  }
}

/**
 * `npm run office -- migrate --from postgres://… --to DIR`: a new single-desk vault at `to` (an
 * empty or missing folder) from the office database. The vault keeps the office's key slots (every
 * member's passphrase and the recovery key keep working) with a new database key boxed to them.
 */
export async function moveOfficeOut(options: {
  from: OfficeConnection;
  to: string;
  credentials: MoveCredentials;
  progress?: MoveProgress;
  now?: () => Date;
}): Promise<MoveReport> {
  const progress = options.progress ?? (() => {});
  const now = options.now ?? (() => new Date());
  if (existsSync(options.to) && readdirSync(options.to).length > 0) throw new KaijiError('MIGRATE_TARGET_NOT_EMPTY', { target: options.to });
  const bare: AnyDb = new Kysely({ dialect: officePool(options.from) });
  try {
    const { version } = (await bare.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('version')).executeTakeFirstOrThrow()) as { version: number };
    if (Number(version) !== LATEST_SCHEMA_VERSION) throw new KaijiError('MIGRATE_SCHEMA_MISMATCH', { found: Number(version), expected: LATEST_SCHEMA_VERSION });
    const keyring = await loadKeyring(bare as Kysely<unknown>);
    if (!keyring) throw new KaijiError('NOT_INITIALIZED');
    const opened = await openKeyring(keyring, options.credentials);
    if (!opened) throw new KaijiError('recoveryKey' in options.credentials ? 'WRONG_RECOVERY_KEY' : 'WRONG_PASSPHRASE');
    const keys = officeKeys(opened, keyring.keyVersion);
    opened.fill(0);
    const source = bare.withPlugin(new SealingPlugin(keys));
    const staffId = await moverId(source, keyring, options.credentials);

    ensureDataDir(options.to);
    const release = acquireDirLock(options.to);
    const dbKey = randomKey();
    const handle = openSqlCipher(join(options.to, DB_FILE), dbKey);
    const lite: AnyDb = toKysely(handle);
    try {
      await migrate(lite as Kysely<Database>);
      const files = new PageFiles(options.to);
      const order = await copyOrder(lite);
      const totals = new Map<string, number>();
      for (const table of order) {
        const total = await count(source, table);
        totals.set(table, total);
        let done = 0;
        for await (const batch of officeBatches(source, table)) {
          await lite.transaction().execute(async (trx) => {
            for (const row of batch) {
              if (table === 'pages') {
                const file = files.write(Buffer.from(row.image));
                await trx.insertInto('pages').values({ ...row, image: Buffer.alloc(0), image_file: file.name, image_key: file.key }).execute();
                await indexPageText(trx as never, row.id, row.ocr_text ?? '');
              } else await insertRows(trx, table, [row]);
            }
          });
          done += batch.length;
          progress({ phase: 'copy', table, done, total });
        }
      }
      const report: MoveReport = { tables: order.length, rows: 0, pages: 0, auditEntries: 0 };
      for (const table of order) {
        const r = await verifyTable(
          table,
          officeBatches(source, table),
          lite,
          { source: (row) => Buffer.from(row.image), target: (row) => files.read(row.image_file, row.image_key) },
          totals.get(table)!,
          progress,
        );
        report.rows += r.rows;
        report.pages += r.pages;
      }
      const before = await new AuditLog(source as Kysely<Database>, now).verify();
      const after = await new AuditLog(lite as Kysely<Database>, now).verify();
      if (before.ok && !after.ok) throw mismatch('audit_log', String(after.problems[0]?.seq ?? '*'));
      await new AuditLog(lite as Kysely<Database>, now).append(lite as Kysely<Database>, await moverOf(lite, staffId), {
        action: 'office.moved_out',
        summary: { tables: report.tables, rows: report.rows, pages: report.pages },
      });
      report.auditEntries = after.checked + 1;
      // Last, as a new vault's setup does: without its key-slot file the folder is no vault yet.
      writeKeySlotFile(options.to, vaultFileFrom(keyring, dbKey, now()));
      return report;
    } finally {
      dbKey.fill(0);
      await lite.destroy();
      release();
    }
  } finally {
    await bare.destroy();
  }
}

/** The member whose slot opened the key ring (null for the recovery key). */
async function moverId(db: AnyDb, keyring: OfficeKeyring, credentials: MoveCredentials): Promise<string | null> {
  if ('recoveryKey' in credentials) return null;
  // The slot that opened is found again per staff slot (one scrypt each would be slow): the login is an indexed column.
  const s = (await db.selectFrom('staff').select('id').where('login', '=', credentials.login).executeTakeFirst()) as { id: string } | undefined;
  return s && keyring.slots.some((slot) => slot.staffId === s.id) ? s.id : null;
}

/** vault.json for the moved-out vault: the office's slots, the new database key boxed to each. */
function vaultFileFrom(keyring: OfficeKeyring, dbKey: Buffer, at: Date): KeySlotFile {
  const keyVersion = 1;
  return {
    format: keyring.format,
    vaultId: keyring.vaultId,
    createdAt: at.toISOString(),
    keyVersion,
    auditPublicKey: keyring.auditPublicKey,
    lookup: keyring.lookup,
    freeUnlockAttempts: keyring.freeUnlockAttempts,
    failures: {},
    pendingRekey: null,
    slots: keyring.slots.map((slot) => ({ ...slot, dbKey: slot.dbKey ? box(slot.publicKey, dbKey, dbKeyAad(keyring, slot.id, keyVersion)) : null })),
  };
}
