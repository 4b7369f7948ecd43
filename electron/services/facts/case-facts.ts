import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import { isCaseState, pausesClock } from '@shared/domain/case-state';
import { day14Date, spansFromChanges, targetDate, type DeadlineRules } from '@shared/domain/deadlines';
import { caseObligations, type Obligation } from '@shared/domain/obligations';
import { daysBetween } from '@shared/domain/verification/date-rules';
import { caseSnapshots } from '../lifecycle/case-snapshot';
import { japanDay, readDeadlineSettings } from '../today/deadline-store';
import { kindsFor } from '../today/request-kinds';
import type { Database } from '../vault/schema';
import type { CaseFactsTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** States in which a case owes answers or notices (received/checking are still being read). */
export const OWING_STATES = ['accepted', 'deciding', 'responding', 'deficient', 'refused', 'withdrawn'] as const;

/** States that mean the final response went out (or the request ended with a refusal notice). */
export const ANSWERED_STATES = new Set(['responding', 'refused', 'closed']);

const CHUNK = 500;
/** Rows recomputed per transaction: a first fill of a large vault does not hold one long write. */
const BATCH = 5_000;

export type CaseFacts = Omit<CaseFactsTable, 'case_id' | 'dirty'>;

const pausedState = (s: string) => isCaseState(s) && pausesClock(s);

/**
 * The facts of some cases computed from scratch: status history, decisions, letters, mail,
 * money orders, waivers and kind fields through the same pure rules the case file uses
 * (caseObligations, targetDate, spansFromChanges). Nothing here depends on today: a target
 * that would (the clock is paused now) is left NULL for the reader to compute.
 */
export async function computeCaseFacts(db: Db, caseIds: readonly string[], rules?: DeadlineRules): Promise<Map<string, CaseFacts>> {
  const out = new Map<string, CaseFacts>();
  const r = rules ?? (await readDeadlineSettings(db)).rules;
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const ids = caseIds.slice(i, i + CHUNK);
    const [rows, changes, kinds, decisions] = await Promise.all([
      db.selectFrom('cases').select(['id', 'status', 'received_on']).where('id', 'in', ids).execute(),
      db.selectFrom('case_status_changes').select(['case_id', 'from_state', 'to_state', 'changed_at']).where('case_id', 'in', ids).orderBy('case_id').orderBy('changed_at').execute(),
      kindsFor(db, ids),
      db.selectFrom('case_decisions').select(['case_id', 'outcome', 'grounds']).where('case_id', 'in', ids).execute(),
    ]);
    const decided = new Map<string, string[]>();
    for (const d of decisions) {
      const grounds = JSON.parse(d.grounds) as string[];
      const key = grounds.length ? `${d.outcome}:${[...grounds].sort().join(',')}` : d.outcome;
      decided.set(d.case_id, [...(decided.get(d.case_id) ?? []), key]);
    }
    const owing = rows.filter((c) => (OWING_STATES as readonly string[]).includes(c.status)).map((c) => c.id);
    const snapshots = await caseSnapshots(db, owing);
    const history = new Map<string, { fromState: string; toState: string; at: string }[]>();
    for (const c of changes) {
      const list = history.get(c.case_id);
      const item = { fromState: c.from_state, toState: c.to_state, at: c.changed_at };
      if (list) list.push(item);
      else history.set(c.case_id, [item]);
    }
    for (const c of rows) {
      const h = history.get(c.id) ?? [];
      const answered = h.find((x) => ANSWERED_STATES.has(x.toState));
      const answeredOn = answered ? japanDay(answered.at) : null;
      const snapshot = snapshots.get(c.id);
      const owed: Obligation[] = snapshot ? caseObligations(snapshot) : [];
      out.set(c.id, {
        received_on: c.received_on,
        kinds: kinds.get(c.id) ?? '',
        owes: owed.length,
        owed: JSON.stringify(owed),
        answered_on: answeredOn,
        answer_days: answeredOn ? daysBetween(c.received_on, answeredOn) : null,
        target_on: pausedState(c.status) ? null : targetDate(c.received_on, r, spansFromChanges(h, pausedState, japanDay)),
        day14_on: day14Date(c.received_on),
        was_deficient: h.some((x) => x.toState === 'deficient') ? 1 : 0,
        decided: (decided.get(c.id) ?? []).sort().join(';'),
      });
    }
  }
  return out;
}

/**
 * Recomputes every case whose row a trigger marked dirty (migration 024). Each batch is one
 * transaction: the rows read dirty, computed and written clean with nothing in between. Cheap
 * when nothing changed (one read of a partial index). Returns the number of cases computed.
 */
export async function refreshCaseFacts(db: Kysely<Database>): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const dirty = await trx.selectFrom('case_facts').select('case_id').where('dirty', '=', 1).limit(BATCH).execute();
      if (dirty.length === 0) return 0;
      await storeFacts(trx, dirty.map((d) => d.case_id));
      return dirty.length;
    });
    done += n;
    if (n < BATCH) return done;
  }
}

/** Computes and writes the given cases' facts inside the caller's transaction. */
export async function storeFacts(trx: Transaction<Database>, caseIds: readonly string[]): Promise<void> {
  const facts = await computeCaseFacts(trx, caseIds);
  for (const id of caseIds) {
    const f = facts.get(id);
    // A case deleted since it was marked (an empty shell discarded) has no row to fill.
    if (!f) await trx.deleteFrom('case_facts').where('case_id', '=', id).execute();
    else await trx.updateTable('case_facts').set({ ...f, dirty: 0 }).where('case_id', '=', id).execute();
  }
}

/** Recomputes every case's facts (after a rule change in a new version, or by hand). */
export async function rebuildCaseFacts(db: Kysely<Database>): Promise<number> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('case_facts').columns(['case_id']).expression(
        trx
          .selectFrom('cases')
          .select('id')
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('case_facts').select('case_facts.case_id').whereRef('case_facts.case_id', '=', 'cases.id')))),
      )
      .execute();
    await trx.updateTable('case_facts').set({ dirty: 1 }).execute();
  });
  return refreshCaseFacts(db);
}

/**
 * For the case lists' "answers owed" filter (issue 13 item 1): a condition on `cases` that holds
 * when the case owes an answer or a notice. Call `refreshCaseFacts(db)` once before the query.
 *
 *   await refreshCaseFacts(db);
 *   db.selectFrom('cases').where(owesAnswers)...
 */
export function owesAnswers(eb: ExpressionBuilder<Database, 'cases'>) {
  return eb.exists(eb.selectFrom('case_facts').select('case_facts.case_id').whereRef('case_facts.case_id', '=', 'cases.id').where('case_facts.owes', '>', 0));
}

/** The stored obligations of some cases (after refreshCaseFacts): id -> what it owes. */
export async function owedOf(db: Db, caseIds: readonly string[]): Promise<Map<string, Obligation[]>> {
  const out = new Map<string, Obligation[]>();
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const rows = await db.selectFrom('case_facts').select(['case_id', 'owed']).where('case_id', 'in', caseIds.slice(i, i + CHUNK)).where('owes', '>', 0).execute();
    for (const r of rows) out.set(r.case_id, JSON.parse(r.owed) as Obligation[]);
  }
  return out;
}
