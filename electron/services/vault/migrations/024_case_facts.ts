import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect';
import type { SchemaMigration } from './types';

/** Settings the stored facts depend on (targets I5, withdrawal acknowledgement R1). */
const FACT_SETTINGS = `('responseTargetDays', 'responseDayCount', 'withdrawalAcknowledgement')`;

/** Child tables whose rows change what a case owes or how its clock ran: table -> columns watched on UPDATE. */
const CHILD_TABLES: Record<string, { columns: string; when?: string }> = {
  case_status_changes: { columns: 'case_id, from_state, to_state, ground, changed_at' },
  case_decisions: { columns: 'case_id, kind, outcome, grounds, reason_text' },
  letters: { columns: 'case_id, template, status' },
  money_orders: { columns: 'case_id, state' },
  case_waivers: { columns: 'case_id, obligation' },
  // Only the ticked request kinds (and whether staff confirmed what OCR read) matter.
  case_fields: { columns: 'case_id, field, value, confidence, needs_review', when: "field LIKE 'request.k%'" },
};

/**
 * Stored per-case facts (issue 13 item 10, issue 15 reports): what a case still owes (R1, F4),
 * when it was answered, its target (I5) and day 14, whether it was ever deficient, its kinds.
 * Today, the lists' "answers owed" filter and the reports read these by index instead of
 * computing every case's obligations and clock per call.
 *
 * Triggers mark a case's row dirty in the same transaction as any write that affects it,
 * whichever service writes; electron/services/facts/case-facts.ts recomputes dirty rows (with
 * the pure rules of shared/domain) before any read. Existing vaults: every case starts dirty,
 * so the first read fills the table (rebuild).
 */
export const m024: SchemaMigration = {
  version: 24,
  name: 'case_facts',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('case_facts')
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('dirty', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('received_on', 'text')
      .addColumn('kinds', 'text', (c) => c.notNull().defaultTo(''))
      // Obligations still open (shared/domain/obligations.ts) while the case is in an owing state.
      .addColumn('owes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('owed', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('answered_on', 'text')
      .addColumn('answer_days', 'integer')
      // NULL while the clock is paused now: that target moves with today and is computed live.
      .addColumn('target_on', 'text')
      .addColumn('day14_on', 'text')
      .addColumn('was_deficient', 'integer', (c) => c.notNull().defaultTo(0))
      // The decisions' outcomes and grounds (R1-R4) as one sorted key, e.g. `done;partial:business`.
      .addColumn('decided', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('case_facts_dirty').on('case_facts').column('case_id').where(sql.ref('dirty'), '=', 1).execute();
    await db.schema.createIndex('case_facts_owing').on('case_facts').columns(['received_on', 'case_id']).where(sql.ref('owes'), '>', 0).execute();
    // Reports: one covering range per year (GROUP BY month and the facts).
    await db.schema
      .createIndex('case_facts_report')
      .on('case_facts')
      .columns(['received_on', 'kinds', 'answer_days', 'answered_on', 'target_on', 'day14_on', 'was_deficient', 'decided'])
      .execute();

    const mark = (expr: string) => `UPDATE case_facts SET dirty = 1 WHERE case_id = ${expr} AND dirty = 0;`;
    const postgres = dialectOf(db) === 'postgres';
    /** One row trigger in each dialect's syntax (#16: one migration list for both back ends). */
    const trigger = async (name: string, event: string, table: string, when: string | null, body: string) => {
      if (!postgres) {
        await sql.raw(`CREATE TRIGGER ${name} ${event} ON ${table}${when ? ` WHEN ${when}` : ''} BEGIN ${body} END`).execute(db);
        return;
      }
      const pgBody = body.replace(/INSERT OR IGNORE INTO case_facts \(case_id\) VALUES \(NEW\.id\);/, 'INSERT INTO case_facts (case_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;');
      const pgWhen = when?.replace(/ IS NOT /g, ' IS DISTINCT FROM ');
      await sql.raw(`CREATE FUNCTION ${name}_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${pgBody} RETURN NULL; END $$`).execute(db);
      await sql.raw(`CREATE TRIGGER ${name} ${event} ON ${table} FOR EACH ROW${pgWhen ? ` WHEN (${pgWhen})` : ''} EXECUTE FUNCTION ${name}_fn()`).execute(db);
    };
    await trigger('case_facts_case_new', 'AFTER INSERT', 'cases', null, 'INSERT OR IGNORE INTO case_facts (case_id) VALUES (NEW.id);');
    await trigger('case_facts_case_gone', 'AFTER DELETE', 'cases', null, 'DELETE FROM case_facts WHERE case_id = OLD.id;');
    await trigger('case_facts_case_changed', 'AFTER UPDATE OF status, received_on', 'cases', null, mark('NEW.id'));
    for (const [table, { columns, when }] of Object.entries(CHILD_TABLES)) {
      const w = (row: 'NEW' | 'OLD') => (when ? `${row}.${when}` : null);
      await trigger(`case_facts_${table}_i`, 'AFTER INSERT', table, w('NEW'), mark('NEW.case_id'));
      await trigger(`case_facts_${table}_d`, 'AFTER DELETE', table, w('OLD'), mark('OLD.case_id'));
      await trigger(`case_facts_${table}_u`, `AFTER UPDATE OF ${columns}`, table, null, `${mark('OLD.case_id')} ${mark('NEW.case_id')}`);
    }
    // Outbound mail counts through its letter (delivered, in transit, returned).
    await trigger('case_facts_mail_i', 'AFTER INSERT', 'mail_items', null, `${mark('NEW.case_id')} ${mark('(SELECT case_id FROM letters WHERE id = NEW.letter_id)')}`);
    await trigger('case_facts_mail_d', 'AFTER DELETE', 'mail_items', null, `${mark('OLD.case_id')} ${mark('(SELECT case_id FROM letters WHERE id = OLD.letter_id)')}`);
    await trigger(
      'case_facts_mail_u',
      'AFTER UPDATE OF case_id, letter_id, delivered_on, proof_received_on, returned_on',
      'mail_items',
      null,
      `${mark('OLD.case_id')} ${mark('NEW.case_id')} ${mark('(SELECT case_id FROM letters WHERE id = NEW.letter_id)')} ${mark('(SELECT case_id FROM letters WHERE id = OLD.letter_id)')}`,
    );
    // A changed target or acknowledgement setting: every case again (rare; the value must differ).
    const all = 'UPDATE case_facts SET dirty = 1 WHERE dirty = 0;';
    await trigger('case_facts_settings_i', 'AFTER INSERT', 'settings', `NEW.key IN ${FACT_SETTINGS}`, all);
    await trigger('case_facts_settings_u', 'AFTER UPDATE', 'settings', `NEW.key IN ${FACT_SETTINGS} AND NEW.value IS NOT OLD.value`, all);
    await trigger('case_facts_settings_d', 'AFTER DELETE', 'settings', `OLD.key IN ${FACT_SETTINGS}`, all);
    // Existing vaults: every case, to be computed at the first read.
    await sql`INSERT INTO case_facts (case_id) SELECT id FROM cases`.execute(db);
  },
};
