import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/**
 * Issue #10 item 5: a clerk who changes the text of a letter that answers a decision (or
 * refuses) leaves it waiting for the administrator: 1 until an administrator approves, edits
 * or issues it.
 */
export const m011: SchemaMigration = {
  version: 11,
  name: 'letter_approval',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('letters').addColumn('needs_approval', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
};
