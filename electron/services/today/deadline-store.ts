import type { Kysely, Transaction } from 'kysely';
import type { Settings } from '@shared/contract';
import type { CaseDeadlineView, CaseUrgency } from '@shared/contract/today-types';
import { FINAL_STATES, isCaseState, isFinal, pausesClock } from '@shared/domain/case-state';
import { caseDeadline, day14Date, spansFromChanges, daysLeft, targetDate, urgencyOf, type DeadlineRules, type PausedSpan } from '@shared/domain/deadlines';
import { isoDateInJapan } from '@shared/domain/dates';
import { KaijiError } from '@shared/errors';
import { DEFAULT_SETTINGS } from '../settings/settings-service';
import type { Database } from '../vault/schema';
import { isJapaneseHoliday } from './holidays';
import { kindsFor, refreshChangedKinds } from './request-kinds';

type Db = Kysely<Database> | Transaction<Database>;

const JST_MS = 9 * 3_600_000;
/** A timestamp's calendar day in Japan (UTC+9, no daylight saving since 1951); cheap enough for bulk use. */
export const japanDay = (timestamp: string): string => new Date(Date.parse(timestamp) + JST_MS).toISOString().slice(0, 10);

const CHUNK = 500;

export interface DeadlineSettings {
  rules: DeadlineRules;
  /** Identifies the settings the stored dates depend on. */
  basis: string;
}

/** The response target settings (I5) straight from the settings table. */
export async function readDeadlineSettings(db: Db): Promise<DeadlineSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', ['responseTargetDays', 'responseDayCount']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown])) as Partial<Settings>;
  const targetDays = stored.responseTargetDays ?? DEFAULT_SETTINGS.responseTargetDays;
  const dayCount = stored.responseDayCount ?? DEFAULT_SETTINGS.responseDayCount;
  return { rules: { targetDays, dayCount, isHoliday: isJapaneseHoliday }, basis: `${targetDays}:${dayCount}` };
}

interface StoredColumns {
  due_on: string | null;
  day14_on: string | null;
  urgency_sort: string;
  request_kinds: string;
  closed_on: string | null;
  deadline_computed: number;
}

interface ClockRow {
  id: string;
  status: string;
  received_on: string;
  status_since: string | null;
}

/** Descending arrival order inside an ascending key: 3 + (99991231 - yyyymmdd). */
const descendingDay = (iso: string) => String(99_991_231 - Number(iso.replaceAll('-', ''))).padStart(8, '0');

/**
 * Keeps the stored deadline columns of `cases` current (migration 009) and computes one case's
 * clock live for the case file. Stored dates are an index for "what is urgent" only; the case
 * file always recomputes from the status history.
 *
 * A case is recomputed when its `deadline_computed` is NULL (new cases, and CaseService.setStatus
 * clears it) and all open cases are when the target settings change (compared with the stored
 * basis at every read through ensureCurrent, so no settings code path needs to know).
 */
export class DeadlineStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  today(): string {
    return isoDateInJapan(this.now());
  }

  /**
   * Brings the stored columns up to date: all open cases when the target settings changed,
   * cases never computed or whose status changed, and the request kinds of cases whose kind
   * fields were written since the last look. Cheap (three small reads) when nothing changed.
   */
  async ensureCurrent(): Promise<number> {
    // Both reads at once (#16: on an office database each is a round trip).
    const [settings, stored] = await Promise.all([readDeadlineSettings(this.db), this.db.selectFrom('deadline_basis').selectAll().where('id', '=', 1).executeTakeFirst()]);
    if (stored && stored.basis !== settings.basis) {
      await this.db.updateTable('cases').set({ deadline_computed: null }).where('status', 'not in', [...FINAL_STATES]).execute();
    }
    // Kind fields written since the last look ('' the first time: all of them) onto computed
    // cases; the mark is taken before pending cases read their fields, so a later write is seen
    // next time.
    const through = await refreshChangedKinds(this.db, stored?.kinds_through ?? '', this.now());
    let done = 0;
    for (;;) {
      const pending = await this.db.selectFrom('cases').select(['id', 'status', 'received_on', 'status_since']).where('deadline_computed', 'is', null).limit(5_000).execute();
      if (pending.length === 0) break;
      await this.db.transaction().execute((trx) => this.store(trx, pending, settings.rules));
      done += pending.length;
    }
    if (stored?.basis !== settings.basis || (stored?.kinds_through ?? null) !== through) {
      await this.db
        .insertInto('deadline_basis')
        .values({ id: 1, basis: settings.basis, kinds_through: through })
        .onConflict((oc) => oc.column('id').doUpdateSet({ basis: settings.basis, kinds_through: through }))
        .execute();
    }
    return done;
  }

  /** CaseService status hook: the changed case's stored dates, in the change's own transaction. */
  readonly onStatusChange = async (trx: Transaction<Database>, _actor: unknown, change: { caseId: string }): Promise<void> => {
    const row = await trx.selectFrom('cases').select(['id', 'status', 'received_on', 'status_since']).where('id', '=', change.caseId).executeTakeFirst();
    if (row) await this.store(trx, [row], (await readDeadlineSettings(trx)).rules);
  };

  private async store(trx: Transaction<Database>, rows: readonly ClockRow[], rules: DeadlineRules): Promise<void> {
    const today = this.today();
    // Without pauses the target depends on the arrival day alone: computed once per day.
    const plain = new Map<string, string>();
    const plainTarget = (arrival: string) => {
      let t = plain.get(arrival);
      if (t === undefined) plain.set(arrival, (t = targetDate(arrival, rules)));
      return t;
    };
    // Rows with the same stored values are written by one UPDATE ... WHERE id IN (...): cases
    // without pauses share their values with every case that arrived on the same day.
    const groups = new Map<string, { values: StoredColumns; ids: string[] }>();
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const spans = await pausedSpans(
        trx,
        chunk.filter((r) => !finalState(r.status)).map((r) => r.id),
      );
      const kinds = await kindsFor(trx, chunk.map((r) => r.id));
      for (const row of chunk) {
        const final = finalState(row.status);
        const paused = pausedState(row.status);
        const caseSpans = spans.get(row.id) ?? [];
        const due = final || paused ? null : caseSpans.length ? targetDate(row.received_on, rules, caseSpans, today) : plainTarget(row.received_on);
        const values: StoredColumns = {
          due_on: due,
          day14_on: final ? null : day14Date(row.received_on),
          urgency_sort: due ? `1${due}` : paused ? `2${row.status_since ?? row.received_on}` : `3${descendingDay(row.received_on)}`,
          request_kinds: kinds.get(row.id) ?? '',
          closed_on: row.status === 'closed' && row.status_since ? japanDay(row.status_since) : null,
          deadline_computed: 1,
        };
        const key = JSON.stringify(values);
        const group = groups.get(key);
        if (group) group.ids.push(row.id);
        else groups.set(key, { values, ids: [row.id] });
      }
    }
    for (const g of groups.values()) {
      for (let i = 0; i < g.ids.length; i += CHUNK) {
        await trx
          .updateTable('cases')
          .set(g.values)
          .where('id', 'in', g.ids.slice(i, i + CHUNK))
          .execute();
      }
    }
  }

  /** One case's clock as of today, from its status history (the case file's deadline panel). */
  async caseDeadline(caseId: string): Promise<CaseDeadlineView> {
    const row = await this.db.selectFrom('cases').select(['id', 'status', 'received_on']).where('id', '=', caseId).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    const { rules } = await readDeadlineSettings(this.db);
    const spans = (await pausedSpans(this.db, [caseId])).get(caseId) ?? [];
    const clock = { final: finalState(row.status), paused: pausedState(row.status) };
    return { ...caseDeadline(row.received_on, rules, spans, clock, this.today()), dayCount: rules.dayCount, targetDays: rules.targetDays, status: row.status };
  }
}

/** The case list's urgency columns from a stored row (after ensureCurrent). */
export function caseUrgency(row: { status: string; received_on: string; due_on?: string | null; day14_on?: string | null }, today: string): CaseUrgency {
  const clock = { final: finalState(row.status), paused: pausedState(row.status) };
  const due = row.due_on ?? null;
  return { dueOn: due, day14On: row.day14_on ?? null, daysLeft: due ? daysLeft(due, today) : null, urgency: urgencyOf(due ?? today, today, clock) };
}

const finalState = (s: string) => isCaseState(s) && isFinal(s);
const pausedState = (s: string) => isCaseState(s) && pausesClock(s);

/** Paused spans per case from case_status_changes (only cases that ever had a change appear). */
async function pausedSpans(db: Db, caseIds: readonly string[]): Promise<Map<string, PausedSpan[]>> {
  const out = new Map<string, PausedSpan[]>();
  if (caseIds.length === 0) return out;
  const changes = await db
    .selectFrom('case_status_changes')
    .select(['case_id', 'from_state', 'to_state', 'changed_at'])
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('changed_at')
    .execute();
  const byCase = new Map<string, { fromState: string; toState: string; at: string }[]>();
  for (const c of changes) {
    const list = byCase.get(c.case_id) ?? [];
    list.push({ fromState: c.from_state, toState: c.to_state, at: c.changed_at });
    byCase.set(c.case_id, list);
  }
  for (const [id, list] of byCase) {
    const spans = spansFromChanges(list, pausedState, japanDay);
    if (spans.length) out.set(id, spans);
  }
  return out;
}
