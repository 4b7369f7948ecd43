import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/** Legal holds and the disposal register (#15 item 2, S4). */
export const m021: SchemaMigration = {
  version: 21,
  name: 'retention',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('legal_holds')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('placed_by', 'text')
      .addColumn('placed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('disposal_register')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('batch_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('case_no', 'text', (c) => c.notNull())
      .addColumn('classes', 'text', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('pages_erased', 'integer', (c) => c.notNull())
      .addColumn('disposed_by', 'text')
      .addColumn('disposed_by_name', 'text')
      .addColumn('disposed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('disposal_register_case').on('disposal_register').columns(['case_id', 'disposed_at']).execute();
    await db.schema.createIndex('disposal_register_batch').on('disposal_register').column('batch_id').execute();
  },
};
