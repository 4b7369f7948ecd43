import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/**
 * ID copies and agent proofs read at import become SUGGESTED document records (issue 12 item 3):
 * `suggested` = 1 until staff confirm the values (documents.confirm), so the checklist can flag
 * an expired licence or a stale 住民票 before anybody types, and still asks for confirmation.
 */
export const m018: SchemaMigration = {
  version: 18,
  name: 'document_suggestions',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('case_documents').addColumn('suggested', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.createIndex('case_documents_page').on('case_documents').column('page_id').execute();
  },
};
