// #16 item 2: the sealing plugin's transforms, compiled for PostgreSQL without a server: what a
// write turns into, which filters are rewritten, which are refused, and how results are opened.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { KaijiError } from '../../shared/errors';
import { officeKeys } from '../../electron/services/office/office-sealing';
import { ANY_ROW, isSealed, openStored, primaryKeyOf, sealFor } from '../../electron/services/office/sealed-codec';
import { startsWith } from '../../electron/services/office/sealed-search';
import { SealedQueryError, SealingPlugin } from '../../electron/services/office/sealed-store';
import { COLUMN_CLASSES, type ColumnClass } from '../../electron/services/office/personal-columns';
import { migrate } from '../../electron/services/vault/migrator';
import { contains } from '../../electron/services/vault/query';

const keys = officeKeys(randomBytes(32), 1);
const plugin = new SealingPlugin(keys);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table
const db = new Kysely<any>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
  plugins: [plugin],
});
const place = (table: string, column: string, rowId = 'r1') => ({ table, column, rowId });

function refused(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(SealedQueryError);
    return (e as Error).message;
  }
  throw new Error('not refused');
}

describe('stored forms (sealed-codec.ts)', () => {
  const cls = fc.constantFrom<ColumnClass>('sealed', 'indexed', 'blob');
  const value = fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)));

  it('open to what was written, in the same place, for any value and class', () => {
    fc.assert(
      fc.property(cls, value, fc.string({ minLength: 1, maxLength: 20 }), (c, v, rowId) => {
        const stored = sealFor(keys, c, place('cases', 'subject_name', rowId), v);
        expect(isSealed(stored)).toBe(true);
        expect(openStored(keys, stored as string, { table: 'cases', column: 'subject_name', rowId })).toEqual(v);
      }),
    );
  });

  it('indexed values are equal exactly when the values are (per column); others never repeat', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const at = place('cases', 'case_no', '');
        expect(sealFor(keys, 'indexed', at, a) === sealFor(keys, 'indexed', at, b)).toBe(a === b);
        expect(sealFor(keys, 'indexed', at, a)).not.toBe(sealFor(keys, 'indexed', place('envelopes', 'tracking_no', ''), a));
        expect(sealFor(keys, 'sealed', place('cases', 'subject_name'), a)).not.toBe(sealFor(keys, 'sealed', place('cases', 'subject_name'), a));
      }),
    );
  });

  it('refuses another place, another row, a changed mode or kind byte, and any flipped byte', () => {
    const stored = sealFor(keys, 'sealed', place('cases', 'subject_name', 'c1'), '山田太郎') as string;
    const code = (run: () => unknown) => {
      try {
        run();
        return 'opened';
      } catch (e) {
        return (e as KaijiError).code;
      }
    };
    expect(code(() => openStored(keys, stored, { table: 'cases', column: 'subject_kana', rowId: 'c1' }))).toBe('SEALED_VALUE_DAMAGED');
    expect(code(() => openStored(keys, stored, { table: 'cases', column: 'subject_name', rowId: 'c2' }))).toBe('SEALED_VALUE_DAMAGED');
    expect(code(() => openStored(officeKeys(randomBytes(32), 1), stored))).toBe('SEALED_VALUE_DAMAGED');
    const envelope = Buffer.from(stored.slice(4), 'base64');
    fc.assert(
      fc.property(fc.nat({ max: envelope.length - 1 }), fc.integer({ min: 1, max: 255 }), (i, x) => {
        const bad = Buffer.from(envelope);
        bad[i]! ^= x;
        expect(code(() => openStored(keys, `\u0001ks1${bad.toString('base64')}`))).toBe('SEALED_VALUE_DAMAGED');
      }),
    );
    // A value written without its row (bulk update) opens in any row of its column, and only there.
    const bulk = sealFor(keys, 'sealed', place('case_documents', 'name', ANY_ROW), '') as string;
    expect(openStored(keys, bulk, { table: 'case_documents', column: 'name', rowId: 'd9' })).toBe('');
    expect(code(() => openStored(keys, bulk, { table: 'case_documents', column: 'address', rowId: 'd9' }))).toBe('SEALED_VALUE_DAMAGED');
  });

  it('pads blobs to 4 KiB steps', () => {
    const a = sealFor(keys, 'blob', place('pages', 'image'), Buffer.alloc(10)) as Buffer;
    const b = sealFor(keys, 'blob', place('pages', 'image'), Buffer.alloc(4000)) as Buffer;
    expect(a.length).toBe(b.length);
  });

  it('knows the key of every table (checked against the schema)', async () => {
    const handle = new Database(':memory:');
    const lite = new Kysely<never>({ dialect: new SqliteDialect({ database: handle }) });
    await migrate(lite as never);
    for (const table of Object.keys(COLUMN_CLASSES)) {
      const cols = handle.prepare(`pragma table_info("${table}")`).all() as { name: string; pk: number }[];
      const key = cols.filter((c) => c.pk > 0).sort((x, y) => x.pk - y.pk).map((c) => c.name);
      expect(primaryKeyOf(table), table).toEqual(key);
    }
    await lite.destroy();
  });
});

describe('the plugin`s transforms', () => {
  it('seals inserted values bound to the row, and writes the prefix MACs of name keys in the same statement', () => {
    const q = db
      .insertInto('cases')
      .values({ id: 'c1', case_no: '2026-0001', status: 'received', subject_name: '山田太郎', subject_name_key: 'やまだたろう', subject_birth_date: null })
      .compile();
    expect(q.sql).toMatch(/^with "__kseal_d0" as \(delete from "name_prefixes"/);
    expect(q.sql).toContain('insert into "name_prefixes"');
    const params = q.parameters as unknown[];
    expect(params).toContain('c1');
    expect(params).toContain('received');
    expect(params).toContain(null);
    expect(JSON.stringify(params)).not.toMatch(/山田|やまだ/);
    // The case number is a plain case fact (sorted by the server) that still gets prefix MACs.
    expect(params).toContain('2026-0001');
    const name = params.find((p) => typeof p === 'string' && isSealed(p) && openStored(keys, p) === '山田太郎') as string;
    expect(openStored(keys, name, { table: 'cases', column: 'subject_name', rowId: 'c1' })).toBe('山田太郎');
  });

  it('binds an update to the row its WHERE names, else to the column only; name keys need the row', () => {
    const one = db.updateTable('case_documents').set({ name: '佐藤' }).where('id', '=', 'd1').where('case_id', '=', 'c1').compile();
    const v1 = (one.parameters as unknown[]).find(isSealed) as string;
    expect(() => openStored(keys, v1, { table: 'case_documents', column: 'name', rowId: 'd2' })).toThrow(KaijiError);
    expect(openStored(keys, v1, { table: 'case_documents', column: 'name', rowId: 'd1' })).toBe('佐藤');
    const bulk = db.updateTable('case_documents').set({ name: '' }).where('case_id', '=', 'c1').compile();
    const v2 = (bulk.parameters as unknown[]).find(isSealed) as string;
    expect(openStored(keys, v2, { table: 'case_documents', column: 'name', rowId: 'any' })).toBe('');
    refused(() => db.updateTable('cases').set({ subject_name_key: 'x' }).where('status', '=', 'received').compile());
  });

  it('seals an upsert`s update for the inserted row, keeps excluded.x, and opens what RETURNING gives back', async () => {
    const q = db
      .insertInto('settings')
      .values({ key: 'companyName', value: '株式会社テスト' })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: '株式会社サンプル' }))
      .returning(['key', 'value'])
      .compile();
    const [inserted, updated] = (q.parameters as unknown[]).filter(isSealed) as string[];
    expect(openStored(keys, updated!, { table: 'settings', column: 'value', rowId: 'companyName' })).toBe('株式会社サンプル');
    const result = await plugin.transformResult({ queryId: q.queryId, result: { rows: [{ key: 'companyName', value: inserted }] } });
    expect(result.rows).toEqual([{ key: 'companyName', value: '株式会社テスト' }]);
    await expect(plugin.transformResult({ queryId: q.queryId, result: { rows: [{ key: 'other', value: inserted }] } })).rejects.toMatchObject({ code: 'SEALED_VALUE_DAMAGED' });
    const kept = db
      .insertInto('settings')
      .values({ key: 'k', value: 'v' })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .compile();
    expect(kept.sql).toContain('"value" = "excluded"."value"');
    expect((kept.parameters as unknown[]).filter(isSealed)).toHaveLength(1);
  });

  it('rewrites indexed operands in deletes and subqueries too', () => {
    const q = db
      .deleteFrom('case_notes')
      .where('case_id', 'in', (eb: any) => eb.selectFrom('money_orders').select('case_id').where('certificate_no', '=', '12-345678'))
      .compile();
    expect(q.parameters).toEqual([sealFor(keys, 'indexed', place('money_orders', 'certificate_no', ''), '12-345678')]);
  });

  it('rewrites equality operands on indexed columns (aliases, or, in) and leaves plain ones', () => {
    const q = db
      .selectFrom('do_not_provide as d')
      .select('d.id')
      .where((eb) => eb.or([eb('d.name_key', 'in', ['やまだ', 'たなか']), eb('d.kana_key', '=', 'やまだ')]))
      .where('d.recipient', '=', '株式会社')
      .compile();
    const [a, b, c, recipient] = q.parameters as string[];
    expect(recipient).toBe('株式会社');
    expect(a).toBe(sealFor(keys, 'indexed', place('do_not_provide', 'name_key', ''), 'やまだ'));
    expect(b).toBe(sealFor(keys, 'indexed', place('do_not_provide', 'name_key', ''), 'たなか'));
    expect(c).toBe(sealFor(keys, 'indexed', place('do_not_provide', 'kana_key', ''), 'やまだ'));
  });

  it('refuses what cannot work on ciphertext', () => {
    expect(refused(() => db.selectFrom('cases').selectAll().orderBy('subject_name_key').compile())).toContain('cases.subject_name_key');
    refused(() => db.selectFrom('cases').selectAll().where('subject_name_key', '>=', 'や').compile());
    refused(() => db.selectFrom('cases').selectAll().where(sql.ref('cases.subject_name_key'), '<', 'や').compile());
    refused(() => db.selectFrom('contacts').select((eb) => eb.fn.max('name').as('m')).compile());
    refused(() => db.selectFrom('contacts').selectAll().where('name', 'like', '山田%').compile());
    refused(() => db.selectFrom('case_fields').selectAll().where('value', '=', 'x').compile());
    refused(() => sql`insert into cases (id, subject_name) values (${'c'}, ${'山田'})`.compile(db));
    // vault/query.ts `contains` (the audit trail's text search) is raw SQL: caught too.
    expect(refused(() => db.selectFrom('audit_log').selectAll().where(contains('summary', '山田')).compile())).toContain('audit_log.summary');
    expect(() => db.selectFrom('audit_log').selectAll().where(contains('action', 'case.')).compile()).not.toThrow();
    refused(() => db.insertInto('case_notes').columns(['id', 'body']).expression(db.selectFrom('cases').select(['id', 'subject_name'])).compile());
    // Plain columns keep every operator.
    expect(() => db.selectFrom('cases').selectAll().where('received_on', '>=', '2026-01-01').orderBy('received_on').compile()).not.toThrow();
  });

  it('selects the key itself when a sealed column is asked for without it, and hides it in the result', async () => {
    const q = db.selectFrom('cases').select(['subject_name as who']).where('case_no', '=', '2026-0001').compile();
    expect(q.sql).toContain('"cases"."id" as "__kseal_0_0"');
    const stored = sealFor(keys, 'sealed', place('cases', 'subject_name', 'c7'), '山田太郎');
    const result = await plugin.transformResult({ queryId: q.queryId, result: { rows: [{ who: stored, __kseal_0_0: 'c7' }] } });
    expect(result.rows).toEqual([{ who: '山田太郎' }]);
    await expect(plugin.transformResult({ queryId: q.queryId, result: { rows: [{ who: stored, __kseal_0_0: 'c8' }] } })).rejects.toThrow(KaijiError);
    // Aggregates and DISTINCT get no extra column; their values still open by the place they carry.
    const n = db.selectFrom('cases').select((eb) => [eb.fn.countAll().as('n')]).compile();
    expect(n.sql).not.toContain('__kseal');
  });

  it('opens the rows of a UNION by the place each value carries', async () => {
    const q = db
      .selectFrom('case_notes')
      .select(['case_id', 'body as text'])
      .union(db.selectFrom('case_waivers').select(['case_id', 'reason as text']))
      .compile();
    const note = sealFor(keys, 'sealed', place('case_notes', 'body', 'n1'), 'メモ');
    const waiver = sealFor(keys, 'sealed', place('case_waivers', 'reason', 'w1'), '理由');
    const result = await plugin.transformResult({ queryId: q.queryId, result: { rows: [{ case_id: 'c1', text: note }, { case_id: 'c1', text: waiver }] } });
    expect(result.rows.map((r) => r.text)).toEqual(['メモ', '理由']);
  });

  it('startsWith is the old index range without the plugin and a MAC lookup with it', () => {
    const lite = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    const onLite = lite.selectFrom('cases').select('id').where(startsWith(lite, { table: 'cases', column: 'subject_name_key' }, 'やま')).compile();
    expect(onLite.sql).toContain('"cases"."subject_name_key" >= ? and "cases"."subject_name_key" < ?');
    expect(onLite.parameters).toEqual(['やま', 'やま\uffff']);
    const onPg = db.selectFrom('cases').select('id').where(startsWith(db, { table: 'cases', column: 'subject_name_key' }, 'やま')).compile();
    expect(onPg.sql).toContain('"cases"."id" in (select row_id from name_prefixes');
    expect(JSON.stringify(onPg.parameters)).not.toContain('やま');
    void lite.destroy();
  });
});
