import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect';
import type { SchemaMigration } from './types';

/**
 * #16 item 2: "starts with" search over sealed name keys and case numbers on an office database.
 * The desk writes HMAC(index key, prefix) for every prefix of the value (office/sealed-store.ts,
 * in the same statement as the row); the server holds MACs and row ids only. A deleted row's
 * MACs go with it (trigger: deleting needs no key). The SQLite vault searches the plain keys by
 * range and gets nothing here.
 */
export const m046: SchemaMigration = {
  version: 46,
  name: 'name_prefixes',
  async up(db: Kysely<unknown>) {
    if (dialectOf(db) !== 'postgres') return;
    await db.schema
      .createTable('name_prefixes')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('column_name', 'text', (c) => c.notNull())
      .addColumn('mac', 'bytea', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('name_prefixes_pk', ['table_name', 'column_name', 'mac', 'row_id'])
      .execute();
    await db.schema.createIndex('name_prefixes_row').on('name_prefixes').columns(['table_name', 'row_id']).execute();
    await sql`CREATE OR REPLACE FUNCTION kaiji_forget_prefixes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN DELETE FROM name_prefixes WHERE table_name = TG_TABLE_NAME AND row_id = OLD.id; RETURN OLD; END $$`.execute(db);
    await sql`CREATE TRIGGER cases_forget_prefixes AFTER DELETE ON cases FOR EACH ROW EXECUTE FUNCTION kaiji_forget_prefixes()`.execute(db);
  },
};
