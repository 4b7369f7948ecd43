import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/**
 * Issue #14: three indexes of `cases` that another index already serves, each one more B-tree
 * written (and, in the vault, encrypted) on every case insert and state change:
 * `cases_received` is `cases_received_on` again (migration 027 added it twice), `cases_status`
 * is the first column of `cases_status_received`, `cases_due_on` that of `cases_due_case_no`.
 * Every query that used them is served by the longer index (its leading columns).
 */
export const m058: SchemaMigration = {
  version: 58,
  name: 'redundant_case_indexes',
  async up(db: Kysely<unknown>) {
    for (const name of ['cases_received', 'cases_status', 'cases_due_on']) await db.schema.dropIndex(name).ifExists().execute();
  },
};
