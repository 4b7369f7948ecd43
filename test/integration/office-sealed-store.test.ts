// #16 item 2 on a real PostgreSQL: the sealing store layer (office/sealed-store.ts) under plain
// kysely queries. Every table with personal columns round-trips random rows; equality filters and
// "starts with" on indexed columns find exactly what the SQLite vault finds; a ciphertext moved
// to another row or column does not open; the server's own view (raw SELECT) holds no plaintext.
import { randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KaijiError } from '../../shared/errors';
import { poolConfig, type OfficeConnection } from '../../electron/services/office/office-database';
import { officeKeys } from '../../electron/services/office/office-sealing';
import { COLUMN_CLASSES } from '../../electron/services/office/personal-columns';
import { isSealed, primaryKeyOf } from '../../electron/services/office/sealed-codec';
import { pageTokenCandidates, replacePageTokens, startsWith } from '../../electron/services/office/sealed-search';
import { SealingPlugin } from '../../electron/services/office/sealed-store';
import { migrate } from '../../electron/services/vault/migrator';
import { useOfficeServer } from '../helpers/office-pg';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every table, generically
type AnyDb = Kysely<any>;

const office = useOfficeServer();
const keys = officeKeys(randomBytes(32), 1);
let sealedApp: AnyDb; // the app role, through the plugin: what a desk uses
let sealedRaw: AnyDb; // superuser without foreign keys or triggers (random rows for any table), through the plugin
let raw: pg.Pool; // the server's own view: no plugin
const columnTypes = new Map<string, { column: string; type: string; nullable: boolean }[]>();

function pool(c: OfficeConnection, options?: string): pg.Pool {
  return new pg.Pool({ ...poolConfig(c, 2), options });
}

beforeAll(async () => {
  const o = office();
  sealedApp = new Kysely({ dialect: new PostgresDialect({ pool: pool(o.app) }), plugins: [new SealingPlugin(keys)] });
  // Replica mode skips foreign keys and triggers, so one row of any table can be written alone.
  sealedRaw = new Kysely({
    dialect: new PostgresDialect({ pool: pool(o.superuser, '-c search_path=kaiji -c session_replication_role=replica') }),
    plugins: [new SealingPlugin(keys)],
  });
  raw = pool(o.superuser, '-c search_path=kaiji');
  const { rows } = await raw.query(
    `select table_name, column_name, data_type, is_nullable from information_schema.columns where table_schema = 'kaiji' order by table_name, ordinal_position`,
  );
  for (const r of rows) {
    const list = columnTypes.get(r.table_name) ?? [];
    list.push({ column: r.column_name, type: r.data_type, nullable: r.is_nullable === 'YES' });
    columnTypes.set(r.table_name, list);
  }
});

afterAll(async () => {
  await sealedApp?.destroy();
  await sealedRaw?.destroy();
  await raw?.end();
});

const sealedTables = Object.entries(COLUMN_CLASSES)
  .filter(([, cols]) => Object.values(cols).some((c) => c !== 'plain'))
  .map(([t]) => t);

/** Any text a person could type (any Unicode, NUL included: PostgreSQL refuses NUL in text, a sealed value carries it). */
const personalText = fc.string({ unit: 'grapheme', maxLength: 40 });
const plainText = fc.stringMatching(/^[a-z0-9-]{1,16}$/);

function valueFor(table: string, col: { column: string; type: string; nullable: boolean }, seq: number): fc.Arbitrary<unknown> {
  const cls = COLUMN_CLASSES[table]![col.column]!;
  const base: fc.Arbitrary<unknown> =
    col.type === 'bytea'
      ? fc.uint8Array({ maxLength: cls === 'blob' ? 9000 : 200 }).map((a) => Buffer.from(a))
      : col.type === 'integer' || col.type === 'bigint'
        ? primaryKeyOf(table).includes(col.column)
          ? fc.constant(seq)
          : fc.integer({ min: -1000, max: 1_000_000 })
        : col.type === 'real' || col.type === 'double precision'
          ? fc.integer({ min: 0, max: 1000 }).map((n) => n / 4)
          : primaryKeyOf(table).includes(col.column)
            ? fc.constant(`${col.column}-${seq}-${randomUUID()}`)
            : cls === 'plain'
              ? plainText
              : personalText;
  return col.nullable && !primaryKeyOf(table).includes(col.column) ? fc.option(base, { nil: null }) : base;
}

function normalise(v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  if (typeof v === 'bigint') return Number(v);
  return v;
}

describe('the sealing store layer on PostgreSQL', () => {
  it('round-trips random rows of every table with personal columns, and the server sees only sealed values', async () => {
    let seq = 1;
    for (const table of sealedTables) {
      const cols = columnTypes.get(table)!;
      expect(cols, table).toBeDefined();
      await fc.assert(
        fc.asyncProperty(fc.record(Object.fromEntries(cols.map((c) => [c.column, valueFor(table, c, seq++)]))), async (row) => {
          try {
            await sealedRaw.insertInto(table).values(row).execute();
            const key = primaryKeyOf(table);
            let q = sealedRaw.selectFrom(table).selectAll();
            for (const k of key) q = q.where(k, '=', row[k]);
            const back = await q.executeTakeFirstOrThrow();
            for (const c of cols) expect(normalise(back[c.column]), `${table}.${c.column}`).toEqual(normalise(row[c.column]));
            // The server's own view: every personal value is sealed (tagged), whatever it was.
            const { rows } = await raw.query(`select * from "${table}"`);
            for (const c of cols) {
              if (COLUMN_CLASSES[table]![c.column] === 'plain' || row[c.column] === null) continue;
              expect(isSealed(rows[0][c.column]), `${table}.${c.column}`).toBe(true);
            }
          } finally {
            await sql`delete from ${sql.table(table)}`.execute(sealedRaw);
            await sql`delete from name_prefixes`.execute(sealedRaw); // replica mode: the delete trigger is off
          }
        }),
        { numRuns: 4 },
      );
    }
  }, 120_000);

  describe('lookups on indexed columns answer as on the SQLite vault', () => {
    let lite: AnyDb;
    beforeAll(async () => {
      lite = new Kysely({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
      await migrate(lite as never);
    });
    afterAll(async () => lite?.destroy());

    // Few characters, so equal keys and shared prefixes are common; BMP only (see README's note on ranges).
    const key = fc.array(fc.constantFrom(...'やまだたろう山田髙橋ab1-'), { minLength: 0, maxLength: 5 }).map((a) => a.join(''));
    const caseRow = fc.record({ name: key, kana: key, caseNo: key, tracking: fc.option(key, { nil: null }) });

    it('=, <>, in, not in and is null find the same rows; so does startsWith after any updates', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(caseRow, { minLength: 1, maxLength: 8 }),
          fc.array(fc.tuple(fc.nat(), key), { maxLength: 3 }),
          key,
          fc.array(key, { maxLength: 3 }),
          async (cases, renames, probe, probes) => {
            const now = '2026-12-07T00:00:00Z';
            const rows = cases.map((c, i) => ({
              id: `c${i}`,
              // Case numbers are unique: the key plus the row's place keeps them so while sharing prefixes.
              case_no: `${c.caseNo}#${i}`,
              status: 'received',
              received_on: '2026-12-01',
              subject_name: `名前${i}`,
              subject_kana: 'かな',
              subject_name_key: c.name,
              subject_kana_key: c.kana,
              created_at: now,
              updated_at: now,
            }));
            const envelopes = cases.map((c, i) => ({
              id: `e${i}`, arrived_on: '2026-12-01', delivery: 'registered', tracking_no: c.tracking, tracking_status: 'valid', red_marking: 0,
              sender_name: 's', sender_address: 'a', note: '', created_at: now,
            }));
            try {
              for (const db of [lite, sealedApp]) {
                await db.insertInto('cases').values(rows).execute();
                await db.insertInto('envelopes').values(envelopes).execute();
                for (const [n, name] of renames) {
                  await db.updateTable('cases').set({ subject_name_key: name, updated_at: now }).where('id', '=', `c${n % rows.length}`).execute();
                }
              }
              const ids = async (db: AnyDb, build: (q: any) => any, table = 'cases') =>
                ((await build(db.selectFrom(table).select('id')).execute()) as { id: string }[]).map((r) => r.id).sort();
              const queries: ((db: AnyDb, q: any) => any)[] = [
                (_, q) => q.where('subject_name_key', '=', probe),
                (_, q) => q.where('subject_name_key', '<>', probe),
                (_, q) => q.where('subject_kana_key', 'in', [probe, ...probes]),
                (_, q) => q.where('subject_kana_key', 'not in', [probe, ...probes]),
                (_, q) => q.where((eb: any) => eb.or([eb('subject_name_key', '=', probe), eb('subject_kana_key', '=', probe)])),
                (_, q) => q.where('case_no', '=', `${probe}#0`),
                (db, q) => q.where(startsWith(db, { table: 'cases', column: 'subject_name_key' }, probe)),
                (db, q) => q.where(startsWith(db, { table: 'cases', column: 'case_no' }, probe)),
                (db, q) => q.where(startsWith(db, { table: 'cases', column: 'subject_kana_key', alias: 'cases' }, probes[0] ?? '')),
              ];
              for (const [i, build] of queries.entries()) {
                // startsWith asks the Kysely it runs on: each side builds with its own.
                const onLite = await ids(lite, (q) => build(lite, q));
                const onPg = await ids(sealedApp, (q) => build(sealedApp, q));
                expect(onPg, `query ${i}`).toEqual(onLite);
              }
              for (const build of [(q: any) => q.where('tracking_no', '=', probe), (q: any) => q.where('tracking_no', 'is', null), (q: any) => q.where('tracking_no', 'in', probes.length ? probes : [probe])]) {
                expect(await ids(sealedApp, build, 'envelopes')).toEqual(await ids(lite, build, 'envelopes'));
              }
              // A repeat-request style lookup (R3): the opened keys come back as written.
              const back = await sealedApp.selectFrom('cases').select(['id', 'subject_name_key']).orderBy('id').execute();
              const expected = await lite.selectFrom('cases').select(['id', 'subject_name_key']).orderBy('id').execute();
              expect(back).toEqual(expected);
            } finally {
              for (const db of [lite, sealedApp]) {
                await db.deleteFrom('envelopes').execute();
                await db.deleteFrom('cases').execute();
              }
            }
            // Deleting the cases took their prefix MACs with them (migration 046's trigger).
            expect((await raw.query('select count(*)::int as n from name_prefixes')).rows[0].n).toBe(0);
          },
        ),
        { numRuns: 25 },
      );
    }, 120_000);
  });

  it('a ciphertext moved to another row or column, or altered, does not open; the error names table and column only', async () => {
    const now = '2026-12-07T00:00:00Z';
    const marker = (i: number) => `MARKER髙橋一郎${i}`;
    await sealedApp
      .insertInto('cases')
      .values([1, 2].map((i) => ({
        id: `m${i}`, case_no: `2026-900${i}`, status: 'received', received_on: '2026-12-01', subject_name: marker(i), subject_kana: 'たかはし',
        subject_address: `東京都千代田区${i}`, subject_name_key: `たかはし${i}`, subject_kana_key: `たかはし${i}`, created_at: now, updated_at: now,
      })))
      .execute();
    const name = async (id: string) => (await sealedApp.selectFrom('cases').select('subject_name').where('id', '=', id).executeTakeFirstOrThrow()).subject_name;
    expect(await name('m1')).toBe(marker(1));
    // The server's view holds no marker in any column.
    const dump = JSON.stringify((await raw.query(`select * from cases where id in ('m1', 'm2')`)).rows);
    expect(dump).not.toContain('MARKER');
    expect(dump).not.toContain('髙橋');
    expect(dump).not.toContain('千代田');

    const refusal = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (e) {
        return e;
      }
      return null;
    };
    // Another row: m1's name copied into m2 (the plugin selects the key itself to check the row).
    await raw.query(`update cases set subject_name = (select subject_name from cases where id = 'm1') where id = 'm2'`);
    const moved = await refusal(() => name('m2'));
    expect(moved).toBeInstanceOf(KaijiError);
    expect((moved as KaijiError).code).toBe('SEALED_VALUE_DAMAGED');
    expect((moved as KaijiError).details).toEqual({ table: 'cases', column: 'subject_name' });
    expect(JSON.stringify((moved as KaijiError).toInfo())).not.toContain('MARKER');
    // Through a join and an alias too.
    const joined = await refusal(() =>
      sealedApp.selectFrom('cases as c').innerJoin('cases as d', 'd.id', 'c.id').select(['d.subject_name as who']).where('c.id', '=', 'm2').execute(),
    );
    expect((joined as KaijiError).code).toBe('SEALED_VALUE_DAMAGED');
    // Another column of the same row.
    await raw.query(`update cases set subject_address = subject_name where id = 'm1'`);
    const column = await refusal(() => sealedApp.selectFrom('cases').selectAll().where('id', '=', 'm1').execute());
    expect((column as KaijiError).details).toEqual({ table: 'cases', column: 'subject_address' });
    // One flipped character of the ciphertext.
    await raw.query(`update cases set subject_kana = overlay(subject_kana placing (case when substr(subject_kana, 20, 1) = 'A' then 'B' else 'A' end) from 20 for 1) where id = 'm1'`);
    const flipped = await refusal(() => sealedApp.selectFrom('cases').select(['id', 'subject_kana']).where('id', '=', 'm1').execute());
    expect((flipped as KaijiError).details).toEqual({ table: 'cases', column: 'subject_kana' });
    await sealedApp.deleteFrom('cases').where('id', 'in', ['m1', 'm2']).execute();
  });

  it('scanned text is searchable by keyed trigram MACs only', async () => {
    const text = '開示請求書 山田　太郎 東京都港区芝公園4-2-8';
    await replacePageTokens(sealedApp, 'p1', text);
    await replacePageTokens(sealedApp, 'p2', '別の文書です');
    expect(await pageTokenCandidates(sealedApp, '山田太郎', 10)).toEqual(['p1']);
    expect(await pageTokenCandidates(sealedApp, '芝公園', 10)).toEqual(['p1']);
    expect(await pageTokenCandidates(sealedApp, '文書で', 10)).toEqual(['p2']);
    expect(await pageTokenCandidates(sealedApp, '田中花子', 10)).toEqual([]);
    expect(await pageTokenCandidates(sealedApp, '山田', 10)).toBeNull();
    const stored = JSON.stringify((await raw.query(`select page_id, encode(mac, 'escape') as m from page_tokens`)).rows);
    expect(stored).not.toContain('山田');
    await replacePageTokens(sealedApp, 'p1', '');
    expect(await pageTokenCandidates(sealedApp, '山田太郎', 10)).toEqual([]);
  });
});
