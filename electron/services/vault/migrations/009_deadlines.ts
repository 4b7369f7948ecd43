import { sql, type Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/**
 * Stored deadlines (I5) so the Today view and the case list find urgent cases by index
 * instead of computing every case's clock per query (electron/services/today/deadline-store.ts
 * keeps them current; `deadline_computed` NULL marks a case to recompute: new cases and every
 * status change). The dates themselves stay derivable from received_on, the settings and
 * case_status_changes.
 */
export const m009: SchemaMigration = {
  version: 9,
  name: 'deadlines',
  async up(db: Kysely<unknown>) {
    // Target date while the clock runs (open and not paused), else NULL.
    await db.schema.alterTable('cases').addColumn('due_on', 'text').execute();
    // Art. 39 day-14 marker while the case is open, else NULL.
    await db.schema.alterTable('cases').addColumn('day14_on', 'text').execute();
    // One key for "most urgent first": running by target, then paused, then final cases.
    await db.schema.alterTable('cases').addColumn('urgency_sort', 'text').execute();
    await db.schema.alterTable('cases').addColumn('deadline_computed', 'integer').execute();
    await db.schema.createIndex('cases_due_on').on('cases').column('due_on').execute();
    await db.schema.createIndex('cases_day14_on').on('cases').column('day14_on').execute();
    await db.schema.createIndex('cases_urgency_sort').on('cases').columns(['urgency_sort', 'case_no']).execute();
    await db.schema.createIndex('cases_deadline_pending').on('cases').column('deadline_computed').where('deadline_computed', 'is', null).execute();
    // Deficient cases waiting too long: status + since when.
    await db.schema.createIndex('cases_status_since').on('cases').columns(['status', 'status_since']).execute();
    // The monthly chart (requests received and closed per kind) from two covering indexes:
    // the ticked kinds (request.k1..k6) copied onto the case as e.g. `K1,K3`, and the day
    // (Japan) a closed case was closed.
    await db.schema.alterTable('cases').addColumn('request_kinds', 'text').execute();
    await db.schema.alterTable('cases').addColumn('closed_on', 'text').execute();
    await db.schema.createIndex('cases_received_kinds').on('cases').columns(['received_on', 'request_kinds']).execute();
    await db.schema.createIndex('cases_closed_kinds').on('cases').columns(['closed_on', 'request_kinds']).execute();
    // Kind fields written since the last look (every field write sets updated_at).
    await db.schema.createIndex('case_fields_changed').on('case_fields').columns(['field', 'updated_at']).execute();
    // Issued letters without an outbound mail item ("letters to send").
    await db.schema.createIndex('mail_items_letter').on('mail_items').column('letter_id').execute();
    // Outbound items still waiting for their proof of delivery (M2), oldest first.
    await db.schema
      .createIndex('mail_items_proof_pending')
      .on('mail_items')
      .column('sent_on')
      .where(sql.ref('proof_requested'), '=', 1)
      .where(sql.ref('proof_received_on'), 'is', null)
      .where(sql.ref('returned_on'), 'is', null)
      .execute();
    // The settings the stored dates were computed with; a change recomputes open cases.
    await db.schema
      .createTable('deadline_basis')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('basis', 'text', (c) => c.notNull())
      // Newest case_fields.updated_at of a kind field already copied onto its case.
      .addColumn('kinds_through', 'text')
      .execute();
  },
};
