import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/**
 * #13 items 1 and 2a: the person in charge of a case (担当者) and the indexes the paged case
 * list sorts and filters by (services/worklists/case-list.ts). Every sort ends in case_no, the
 * unique tie-breaker, so each index carries it.
 */
export const m027: SchemaMigration = {
  version: 27,
  name: 'case_assignee',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('cases').addColumn('assignee_id', 'text', (c) => c.references('staff.id')).execute();
    // "My cases" and the person-in-charge filter: assignee, then state, then the default order.
    await db.schema.createIndex('cases_assignee').on('cases').columns(['assignee_id', 'status', 'received_on', 'case_no']).execute();
    // Default order (newest arrival first) and the state filter in the same order.
    await db.schema.createIndex('cases_received').on('cases').columns(['received_on', 'case_no']).execute();
    await db.schema.createIndex('cases_status_received').on('cases').columns(['status', 'received_on', 'case_no']).execute();
    // Overdue: a target date while the clock runs (due_on), sorted by it.
    await db.schema.createIndex('cases_due_case_no').on('cases').columns(['due_on', 'case_no']).execute();
  },
};
