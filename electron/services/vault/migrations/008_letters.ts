import type { Kysely } from 'kysely';
import { blobType, refuseChangesOnceIssued } from './dialect';
import type { SchemaMigration } from './types';

/**
 * Decisions per requested kind (R1-R4) and the letters written from them (R1, R5). An issued
 * letter keeps its PDF inside the encrypted database and never changes again: the service
 * refuses, and two triggers refuse too (defence in depth; each dialect's syntax, dialect.ts).
 */
export const m008: SchemaMigration = {
  version: 8,
  name: 'letters',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('case_decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('grounds', 'text', (c) => c.notNull())
      .addColumn('reason_text', 'text', (c) => c.notNull())
      .addColumn('alternative_measure', 'text')
      .addColumn('enclosures', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_by_name', 'text')
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_decisions_case_kind').unique().on('case_decisions').columns(['case_id', 'kind']).execute();
    await db.schema
      .createTable('letters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('draft', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text')
      .addColumn('issued_at', 'text')
      .addColumn('issued_by', 'text')
      .addColumn('pdf', blobType(db))
      .addColumn('sha256', 'text')
      .addColumn('page_count', 'integer')
      .addColumn('reprint_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_reprinted_at', 'text')
      .addColumn('money_order_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema.createIndex('letters_case').on('letters').columns(['case_id', 'created_at']).execute();
    await db.schema.createIndex('letters_status_issued').on('letters').columns(['status', 'issued_at']).execute();
    await refuseChangesOnceIssued(db, 'letters', { frozen: 'letters_issued_frozen', kept: 'letters_issued_kept' }, [
      'case_id', 'template', 'lang', 'draft', 'recipient', 'status', 'issued_on', 'issued_at', 'issued_by', 'pdf', 'sha256', 'page_count', 'money_order_ids',
    ]);
  },
};
