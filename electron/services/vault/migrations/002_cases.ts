import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/** The case file's first columns; mail intake adds parties, pages and envelopes. */
export const m002: SchemaMigration = {
  version: 2,
  name: 'cases',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('case_counters')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('last', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_no', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('subject_name', 'text', (c) => c.notNull())
      .addColumn('subject_kana', 'text', (c) => c.notNull())
      .addColumn('subject_birth_date', 'text')
      .addColumn('subject_address', 'text')
      .addColumn('subject_name_key', 'text', (c) => c.notNull())
      .addColumn('subject_kana_key', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // Search ranges by key, then newest first, straight from the index.
    await db.schema.createIndex('cases_name_key').on('cases').columns(['subject_name_key', 'received_on']).execute();
    await db.schema.createIndex('cases_kana_key').on('cases').columns(['subject_kana_key', 'received_on']).execute();
    await db.schema.createIndex('cases_received_on').on('cases').columns(['received_on', 'case_no']).execute();
    await db.schema.createIndex('cases_status').on('cases').column('status').execute();
  },
};
