import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/** Envelopes as they arrive (I1, I2, M1) and the cases each one holds. */
export const m003: SchemaMigration = {
  version: 3,
  name: 'envelopes',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('envelopes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('arrived_on', 'text', (c) => c.notNull())
      .addColumn('delivery', 'text', (c) => c.notNull())
      .addColumn('tracking_no', 'text')
      .addColumn('tracking_status', 'text', (c) => c.notNull())
      .addColumn('tracking_override_reason', 'text')
      .addColumn('red_marking', 'integer', (c) => c.notNull())
      .addColumn('sender_name', 'text', (c) => c.notNull())
      .addColumn('sender_address', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('envelopes_arrived_on').on('envelopes').column('arrived_on').execute();
    await db.schema.createIndex('envelopes_tracking_no').on('envelopes').column('tracking_no').execute();
    await db.schema
      .createTable('case_envelopes')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('envelope_id', 'text', (c) => c.notNull().references('envelopes.id'))
      .addPrimaryKeyConstraint('case_envelopes_pk', ['case_id', 'envelope_id'])
      .execute();
    await db.schema.createIndex('case_envelopes_envelope').on('case_envelopes').column('envelope_id').execute();
  },
};
