import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/**
 * Issue #10 item 2: what an administrator waived when closing a case that still owed
 * something (applicant moved, letter returned twice): one row per obligation, with the
 * written reason. The obligations rule (shared/domain/obligations.ts) reads them back, so a
 * closed case owes nothing.
 */
export const m010: SchemaMigration = {
  version: 10,
  name: 'case_waivers',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('case_waivers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      // obligationKey(): code and the kind or notice it concerns, e.g. 'deliver:K2'.
      .addColumn('obligation', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('waived_by', 'text')
      .addColumn('waived_by_name', 'text')
      .addColumn('waived_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_waivers_case').on('case_waivers').columns(['case_id', 'obligation']).execute();
  },
};
