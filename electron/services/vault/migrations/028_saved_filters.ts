import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/** #13 item 1: filters a staff member named and saved for a list (services/worklists/saved-filters.ts). */
export const m028: SchemaMigration = {
  version: 28,
  name: 'saved_filters',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('saved_filters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
      // Which list the filter is for ('cases'); the filter itself as JSON, checked by zod on the way in and out.
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('filter', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('saved_filters_owner').unique().on('saved_filters').columns(['staff_id', 'list', 'name']).execute();
  },
};
