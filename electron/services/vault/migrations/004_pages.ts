import type { Kysely } from 'kysely';
import { createPageTextIndex } from '../fulltext';
import { blobType } from './dialect';
import type { SchemaMigration } from './types';

/** Scanned pages (stored inside the encrypted database), their OCR, imports, form fields and notes. */
export const m004: SchemaMigration = {
  version: 4,
  name: 'pages',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('imports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_name', 'text', (c) => c.notNull())
      .addColumn('source_sha256', 'text', (c) => c.notNull())
      .addColumn('envelope_id', 'text')
      .addColumn('case_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('error_code', 'text')
      .addColumn('page_count', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('imports_sha256').on('imports').column('source_sha256').execute();
    await db.schema
      .createTable('pages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.references('cases.id'))
      .addColumn('envelope_id', 'text', (c) => c.references('envelopes.id'))
      .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id'))
      .addColumn('source_page', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('kind_confirmed', 'integer', (c) => c.notNull())
      .addColumn('auto_rotation', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('image', blobType(db), (c) => c.notNull())
      .addColumn('thumbnail', blobType(db), (c) => c.notNull())
      .addColumn('ocr_status', 'text', (c) => c.notNull())
      .addColumn('ocr_text', 'text', (c) => c.notNull())
      .addColumn('ocr_confidence', 'real')
      .addColumn('ocr_words', 'text', (c) => c.notNull())
      .addColumn('form_id', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pages_case').on('pages').columns(['case_id', 'position']).execute();
    await db.schema.createIndex('pages_envelope').on('pages').column('envelope_id').execute();
    await db.schema
      .createTable('case_fields')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('confidence', 'real')
      .addColumn('source_page_id', 'text')
      .addColumn('zone', 'text')
      .addColumn('needs_review', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_fields_pk', ['case_id', 'field'])
      .execute();
    await db.schema
      .createTable('case_notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_by_name', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_notes_case').on('case_notes').columns(['case_id', 'created_at']).execute();
    await createPageTextIndex(db);
  },
};
