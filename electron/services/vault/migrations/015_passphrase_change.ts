import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/** Staff who must change a passphrase an administrator set (#13 item 8; staff/schema.ts). */
export const m015: SchemaMigration = {
  version: 15,
  name: 'passphrase_change_required',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('passphrase_change_required')
      .addColumn('staff_id', 'text', (c) => c.primaryKey().references('staff.id'))
      .addColumn('since', 'text', (c) => c.notNull())
      .execute();
  },
};
