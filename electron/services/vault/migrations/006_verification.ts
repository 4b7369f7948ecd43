import { sql, type Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/**
 * Decisions on acceptance and what they leave behind: every status change (the clock's
 * pauses are computed from it, I5), the stored deficiency list (R5/I4) and the record of
 * each masking (D6; the unmasked pixels themselves are gone).
 */
export const m006: SchemaMigration = {
  version: 6,
  name: 'verification',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('cases').addColumn('status_since', 'text').execute();
    await sql`UPDATE cases SET status_since = updated_at`.execute(db);
    await db.schema
      .createTable('case_status_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('from_state', 'text', (c) => c.notNull())
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      // The ground of a decision when it has one (e.g. 'repeated' for an R3 refusal).
      .addColumn('ground', 'text')
      .addColumn('changed_by', 'text')
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_status_changes_case').on('case_status_changes').columns(['case_id', 'changed_at']).execute();
    await db.schema
      .createTable('case_deficiencies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('notice', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .addColumn('resolved_envelope_id', 'text')
      .execute();
    await db.schema.createIndex('case_deficiencies_case').on('case_deficiencies').columns(['case_id', 'created_at']).execute();
    await db.schema
      .createTable('page_masks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('page_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text')
      .addColumn('rects', 'text', (c) => c.notNull())
      .addColumn('masked_by', 'text')
      .addColumn('masked_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('page_masks_page').on('page_masks').column('page_id').execute();
  },
};
