import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/**
 * Issue #13 item 3: a deleted page or letter draft goes to the trash first. The row stays
 * (encrypted in the vault like everything else) with when and by whom it was trashed; it is
 * purged for good N days later (settings.trashDays) through the page store's own delete.
 */
export const m030: SchemaMigration = {
  version: 30,
  name: 'trash',
  async up(db: Kysely<unknown>) {
    for (const table of ['pages', 'letters'] as const) {
      await db.schema.alterTable(table).addColumn('trashed_at', 'text').execute();
      await db.schema.alterTable(table).addColumn('trashed_by', 'text').execute();
      await db.schema.createIndex(`${table}_trashed_at`).on(table).column('trashed_at').where('trashed_at', 'is not', null).execute();
    }
  },
};
