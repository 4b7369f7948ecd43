import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/** The third-party provision register, its imports, the do-not-provide list and K6 matches (T1, T2). */
export const m023: SchemaMigration = {
  version: 23,
  name: 'provisions',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('provision_imports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('file_sha256', 'text', (c) => c.notNull())
      .addColumn('rows_total', 'integer', (c) => c.notNull())
      .addColumn('rows_added', 'integer', (c) => c.notNull())
      .addColumn('rows_duplicate', 'integer', (c) => c.notNull())
      .addColumn('rows_rejected', 'integer', (c) => c.notNull())
      .addColumn('imported_by', 'text')
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('provision_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('provided_on', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('recipient_key', 'text', (c) => c.notNull())
      .addColumn('subject_name', 'text', (c) => c.notNull())
      .addColumn('subject_kana', 'text', (c) => c.notNull())
      .addColumn('subject_birth_date', 'text')
      .addColumn('subject_address', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('kana_key', 'text', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('import_id', 'text', (c) => c.references('provision_imports.id'))
      .addColumn('source_row', 'integer')
      .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
      .addColumn('keep_until', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('provision_records_name').on('provision_records').column('name_key').execute();
    await db.schema.createIndex('provision_records_kana').on('provision_records').column('kana_key').execute();
    await db.schema.createIndex('provision_records_date').on('provision_records').columns(['provided_on', 'id']).execute();
    // T1: contract entries are kept one year from the last provision of that person to that recipient.
    await db.schema.createIndex('provision_records_contract').on('provision_records').columns(['basis', 'recipient_key', 'name_key']).execute();
    await db.schema.createIndex('provision_records_keep').on('provision_records').column('keep_until').execute();
    await db.schema
      .createTable('do_not_provide')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.references('cases.id'))
      .addColumn('subject_name', 'text', (c) => c.notNull())
      .addColumn('subject_kana', 'text', (c) => c.notNull())
      .addColumn('subject_birth_date', 'text')
      .addColumn('subject_address', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('kana_key', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text')
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // One list entry per K5 case (a replaced decision updates it).
    await db.schema.createIndex('do_not_provide_case').on('do_not_provide').column('case_id').unique().execute();
    await db.schema.createIndex('do_not_provide_name').on('do_not_provide').column('name_key').execute();
    await db.schema.createIndex('do_not_provide_kana').on('do_not_provide').column('kana_key').execute();
    await db.schema
      .createTable('provision_matches')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
      .addColumn('record_ids', 'text', (c) => c.notNull())
      .addColumn('confirmed_by', 'text')
      .addColumn('confirmed_by_name', 'text')
      .addColumn('confirmed_at', 'text', (c) => c.notNull())
      .execute();
  },
};
