// #16 item 2: every column the migrations create is classified for the office database, so a
// new column cannot reach the server readable because nobody thought about it.
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BACKEND_ONLY_TABLES, COLUMN_CLASSES } from '../../electron/services/office/personal-columns';
import { migrate } from '../../electron/services/vault/migrator';

async function schemaColumns(): Promise<Map<string, string[]>> {
  const handle = new Database(':memory:');
  const db = new Kysely<never>({ dialect: new SqliteDialect({ database: handle }) });
  await migrate(db as never);
  const tables = handle
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
    .all() as { name: string }[];
  const out = new Map<string, string[]>();
  for (const { name } of tables) {
    if (BACKEND_ONLY_TABLES.has(name) || [...BACKEND_ONLY_TABLES].some((t) => name.startsWith(`${t}_`))) continue;
    out.set(name, (handle.prepare(`pragma table_info("${name}")`).all() as { name: string }[]).map((c) => c.name));
  }
  await db.destroy();
  return out;
}

describe('the office column map', () => {
  it('names every column of every table, and nothing that does not exist', async () => {
    const schema = await schemaColumns();
    const unclassified = [...schema].flatMap(([t, cols]) => cols.filter((c) => !COLUMN_CLASSES[t]?.[c]).map((c) => `${t}.${c}`));
    expect(unclassified).toEqual([]);
    const stale = Object.entries(COLUMN_CLASSES).flatMap(([t, cols]) => Object.keys(cols).filter((c) => !schema.get(t)?.includes(c)).map((c) => `${t}.${c}`));
    expect(stale).toEqual([]);
  });

  it('seals what names, locates or describes a person', () => {
    const mustNotBePlain = [
      'cases.subject_name', 'cases.subject_address', 'cases.subject_birth_date', 'cases.subject_name_key',
      'pages.image', 'pages.ocr_text', 'letters.pdf', 'letters.draft', 'case_fields.value', 'envelopes.tracking_no',
      'contacts.contact_detail', 'provision_records.fingerprint', 'imports.source_name', 'staff.login',
    ];
    for (const id of mustNotBePlain) {
      const [t, c] = id.split('.') as [string, string];
      expect(COLUMN_CLASSES[t]?.[c], id).toBeDefined();
      expect(COLUMN_CLASSES[t]![c], id).not.toBe('plain');
    }
  });
});
