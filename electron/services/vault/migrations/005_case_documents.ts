import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/** What staff record from enclosed ID copies and agent proofs (D1-D5, D7). */
export const m005: SchemaMigration = {
  version: 5,
  name: 'case_documents',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('case_documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('page_id', 'text')
      .addColumn('party', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text')
      .addColumn('issued_on', 'text')
      .addColumn('valid_until', 'text')
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_documents_case').on('case_documents').column('case_id').execute();
  },
};
