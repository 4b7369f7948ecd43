import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/**
 * Issue #13 item 2b: the second administrator's approval (決裁) of letters and the decisions
 * they carry. `approval` is the last act ('approved' | 'sent_back', null = awaiting); any change
 * to the letter or a decision it carries clears it. `prepared_by` lists everyone who drafted or
 * changed the text (JSON staff ids): none of them may approve it.
 */
export const m029: SchemaMigration = {
  version: 29,
  name: 'approval',
  async up(db: Kysely<unknown>) {
    for (const [name, type] of [
      ['approval', 'text'],
      ['approval_by', 'text'],
      ['approval_by_name', 'text'],
      ['approval_at', 'text'],
      ['approval_reason', 'text'],
    ] as const) {
      await db.schema.alterTable('letters').addColumn(name, type).execute();
    }
    await db.schema.alterTable('letters').addColumn('prepared_by', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  },
};
