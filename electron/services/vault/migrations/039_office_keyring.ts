import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect';
import type { SchemaMigration } from './types';

/**
 * #16 item 2: the office data key's slots (office/office-keyring.ts), one row. Office databases
 * only: a single-desk vault keeps its slots in vault.json beside the encrypted file.
 */
export const m039: SchemaMigration = {
  version: 39,
  name: 'office_keyring',
  async up(db: Kysely<unknown>) {
    if (dialectOf(db) !== 'postgres') return;
    await db.schema
      .createTable('office_keyring')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('keyring', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
