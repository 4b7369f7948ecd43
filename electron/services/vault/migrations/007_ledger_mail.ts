import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/**
 * The money-order ledger (F1-F4) and the outbound registered-mail log (M2). Inbound items
 * stay in `envelopes` (M1); the mail log shows both.
 */
export const m007: SchemaMigration = {
  version: 7,
  name: 'ledger_mail',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('money_orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('certificate_no', 'text', (c) => c.notNull())
      .addColumn('face_value', 'integer', (c) => c.notNull())
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('issuing_office', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      // Stored (issue date + 6 months, F2) so the Today view can find lapsing orders by index.
      .addColumn('payable_until', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('cashed_on', 'text')
      .addColumn('deposit_ref', 'text')
      .addColumn('returned_on', 'text')
      .addColumn('return_letter_id', 'text')
      .addColumn('lapsed_on', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('money_orders_case').on('money_orders').column('case_id').execute();
    await db.schema.createIndex('money_orders_state_until').on('money_orders').columns(['state', 'payable_until']).execute();
    // F1: a certificate number is recorded once (unless the order went back and came again, I4).
    await db.schema.createIndex('money_orders_certificate').on('money_orders').column('certificate_no').execute();
    await db.schema
      .createTable('mail_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('letter_id', 'text')
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('tracking_no', 'text')
      .addColumn('tracking_status', 'text', (c) => c.notNull())
      .addColumn('tracking_override_reason', 'text')
      .addColumn('proof_requested', 'integer', (c) => c.notNull())
      .addColumn('sent_on', 'text', (c) => c.notNull())
      .addColumn('delivered_on', 'text')
      .addColumn('proof_received_on', 'text')
      .addColumn('returned_on', 'text')
      // Set when this item carries the final response: its delivery closes the case (M2).
      .addColumn('closes_case', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mail_items_case').on('mail_items').column('case_id').execute();
    await db.schema.createIndex('mail_items_awaiting').on('mail_items').columns(['proof_received_on', 'sent_on']).execute();
  },
};
