import { sql, type Kysely, type Transaction } from 'kysely';
import type { CasePage, CaseSummary } from '@shared/contract';
import { forbiddenDetails, mayTransition, transitionAction } from '@shared/domain/case-permissions';
import { canTransition, caseStateLabel, isCaseState, type CaseState } from '@shared/domain/case-state';
import { isoDateInJapan } from '@shared/domain/dates';
import { WITHDRAWAL_WAYS } from '@shared/domain/obligations';
import { caseSearchField, nameKey } from '@shared/domain/names';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import { auditIfDenied, guardClose } from '../lifecycle/guard';
import { conflict } from '../concurrency/versions';
import { prefixRange } from '../vault/query';
import { DeadlineStore, caseUrgency } from '../today/deadline-store';
import type { CasesTable, Database } from '../vault/schema';
import { newRowId } from '../core/row-id';

export interface NewCase {
  receivedOn?: string;
  subjectName: string;
  subjectKana: string;
  subjectBirthDate?: string;
  subjectAddress?: string;
}

export interface CaseQuery {
  query?: string;
  /** 'urgency': stored deadlines first (I5, services/today/deadline-store.ts). */
  sort?: 'received' | 'urgency';
  limit: number;
  offset: number;
}

/** One status change, as the hooks see it (inside the change's transaction). */
export interface StatusChange {
  caseId: string;
  caseNo: string;
  from: CaseState;
  to: CaseState;
  reason?: string;
  at: string;
  /** The envelope that caused the change (a re-sent set attached at intake, I4). */
  envelopeId?: string;
  /** The ground of a decision (e.g. 'repeated', R3). */
  ground?: string;
}

/** What caused a status change beyond the actor's choice (stored and audited with it). */
export interface StatusCause {
  envelopeId?: string;
  ground?: string;
  /** Earlier cases a refusal as repeated relies on (R3). */
  earlierCaseNos?: readonly string[];
  /**
   * A move made by hand (cases.transition, a manual close): the actor's role must allow it
   * (shared/domain/case-permissions.ts). Moves that follow an action (the first decision, an
   * issued answer, a delivery) are checked by that action's own rule.
   */
  manual?: boolean;
  /** Closing may waive what is still owed (administrators, with the reason; issue #10 item 2). */
  waive?: boolean;
}

/**
 * Work that must happen atomically with a status change (e.g. storing the deficiency list,
 * R5). Runs inside the transaction: use `trx` only, never the service's own db handle.
 */
export type StatusHook = (trx: Transaction<Database>, actor: Actor, change: StatusChange) => Promise<void>;

/** The case file (one application = one case). Mail intake grows it; this is its core. */
export class CaseService {
  private readonly statusHooks: StatusHook[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    /** Stored deadlines (I5) behind the list's urgency column; the Today view shares this one. */
    readonly deadlines: DeadlineStore = new DeadlineStore(db, now),
  ) {}

  /** Registers work done in the same transaction as every status change (wired in workspace.ts). */
  addStatusHook(hook: StatusHook): void {
    this.statusHooks.push(hook);
  }

  async create(actor: Actor, input: NewCase): Promise<CaseSummary> {
    return this.db.transaction().execute((trx) => this.insertIn(trx, actor, input));
  }

  /**
   * Many cases in one transaction per chunk (demo data, imports); each still audited. 5,000 a
   * commit, not 1,000 (#14): each commit writes every page it dirtied (hot index leaves of
   * names, readings, deadlines) to the WAL through the cipher; 100k audited inserts moved
   * 1,526 -> 908 MB through it.
   */
  async createMany(actor: Actor, inputs: readonly NewCase[], chunk = 5_000): Promise<number> {
    for (let i = 0; i < inputs.length; i += chunk) {
      await this.db.transaction().execute(async (trx) => {
        for (const input of inputs.slice(i, i + chunk)) await this.insertIn(trx, actor, input);
      });
    }
    return inputs.length;
  }

  /** Lists or searches cases. Showing names is a view of personal data: audited (S3). */
  async list(actor: Actor, q: CaseQuery): Promise<CasePage> {
    const text = q.query?.trim();
    // Stored deadlines (I5) current before the list sorts or colours by them.
    await this.deadlines.ensureCurrent();
    let query = this.db.selectFrom('cases');
    let ordered;
    if (text) {
      // One index range per search: by case number, by reading, or by written name.
      const field = caseSearchField(text);
      const column = field === 'case_no' ? 'case_no' : field === 'kana' ? 'subject_kana_key' : 'subject_name_key';
      const [lo, hi] = prefixRange(field === 'case_no' ? text.normalize('NFKC').trim() : nameKey(text));
      query = query.where(column, '>=', lo).where(column, '<', hi);
      ordered = query.selectAll().orderBy(column).orderBy('received_on', 'desc');
    } else if (q.sort === 'urgency') {
      ordered = query.selectAll().orderBy('urgency_sort').orderBy('case_no');
    } else {
      ordered = query.selectAll().orderBy('received_on', 'desc').orderBy('case_no', 'desc');
    }
    const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await ordered.limit(q.limit).offset(q.offset).execute();
    if (rows.length > 0) {
      await this.audit.append(this.db, actor, {
        action: text ? 'case.searched' : 'case.listed',
        recordType: 'case',
        summary: { shown: rows.map((r) => r.case_no) },
      });
    }
    const today = isoDateInJapan(this.now());
    return { cases: rows.map((r) => ({ ...toSummary(r), deadline: caseUrgency(r, today) })), total: Number(n) };
  }

  async get(actor: Actor, id: string): Promise<CaseSummary> {
    const row = await this.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    await this.audit.append(this.db, actor, { action: 'case.viewed', recordType: 'case', recordId: id, summary: { caseNo: row.case_no } });
    return toSummary(row);
  }

  /**
   * Moves a case along its life (shared/domain/case-state.ts): the one place where states
   * change, so an illegal move is refused whatever the UI shows.
   */
  async setStatus(actor: Actor, id: string, to: CaseState, reason?: string, cause: StatusCause = {}): Promise<CaseSummary> {
    try {
      return await this.db.transaction().execute((trx) => this.setStatusIn(trx, actor, id, to, reason, cause));
    } catch (error) {
      await auditIfDenied(this.db, this.audit, actor, error, { caseId: id });
      throw error;
    }
  }

  /** setStatus inside the caller's transaction (a re-sent envelope attached at intake, I4). */
  async setStatusIn(trx: Transaction<Database>, actor: Actor, id: string, to: CaseState, reason?: string, cause: StatusCause = {}): Promise<CaseSummary> {
    const row = await trx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    const from = row.status as CaseState;
    if (!isCaseState(from) || !canTransition(from, to)) {
      throw new KaijiError('ILLEGAL_TRANSITION', { from, to, fromJa: caseStateLabel(from).ja, fromEn: caseStateLabel(from).en, toJa: caseStateLabel(to).ja, toEn: caseStateLabel(to).en });
    }
    // Roles as rules (issue #10 item 5): a move by hand is the action it amounts to.
    if (cause.manual && !mayTransition(actor.role, from, to)) {
      const action = transitionAction(from, to);
      if (!action) throw new KaijiError('MOVE_FOLLOWS_ACTION', { to, toJa: caseStateLabel(to).ja, toEn: caseStateLabel(to).en });
      throw new KaijiError('ROLE_FORBIDS', forbiddenDetails(action));
    }
    if (cause.manual) {
      // A refusal states its reason (R3, Art. 36); a withdrawal how it came (letter, phone, other).
      if (to === 'refused' && !reason?.trim()) throw new KaijiError('INVALID_INPUT', { issues: [{ path: 'reason', code: 'required' }] });
      if (to === 'withdrawn' && !(WITHDRAWAL_WAYS as readonly string[]).includes(cause.ground ?? '')) throw new KaijiError('INVALID_INPUT', { issues: [{ path: 'ground', code: 'required' }] });
    }
    const at = this.now().toISOString();
    // R1: whatever the path, a case closes only when nothing is owed or the owed is waived.
    if (to === 'closed') await guardClose(trx, this.audit, actor, { id, caseNo: row.case_no, from }, { waive: !!cause.waive, reason, at });
    // #16 item 3: only from the state this move was checked against. Two desks moving one case
    // at once on the office database: the second waits for the first's row lock, then matches
    // nothing and is told, instead of overwriting the first desk's move.
    const updated = await trx
      .updateTable('cases')
      .set({ status: to, status_since: at, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', from)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw conflict('case');
    // The history, not only the audit trail, because deadlines (I5) sum the paused spans.
    await trx
      .insertInto('case_status_changes')
      .values({ id: newRowId(), case_id: id, from_state: from, to_state: to, reason: reason ?? null, ground: cause.ground ?? null, changed_by: actor.id, changed_at: at })
      .execute();
    await this.audit.append(trx, actor, {
      action: 'case.status_changed',
      recordType: 'case',
      recordId: id,
      summary: { caseNo: row.case_no, from, to, ...(reason ? { reason } : {}), ...(cause.envelopeId ? { envelopeId: cause.envelopeId } : {}), ...(cause.ground ? { ground: cause.ground } : {}), ...(cause.earlierCaseNos ? { earlierCaseNos: cause.earlierCaseNos } : {}) },
    });
    for (const hook of this.statusHooks) {
      await hook(trx, actor, { caseId: id, caseNo: row.case_no, from, to, reason, at, envelopeId: cause.envelopeId, ground: cause.ground });
    }
    return toSummary(updated);
  }

  /** Inserts a case inside the caller's transaction (e.g. with the envelope it came in). */
  async insertIn(trx: Transaction<Database>, actor: Actor, input: NewCase): Promise<CaseSummary> {
    const at = this.now();
    const receivedOn = input.receivedOn ?? isoDateInJapan(at);
    const caseNo = await nextCaseNo(trx, Number(receivedOn.slice(0, 4)));
    const row: CasesTable = {
      id: newRowId(),
      case_no: caseNo,
      status: 'received',
      received_on: receivedOn,
      subject_name: input.subjectName,
      subject_kana: input.subjectKana,
      subject_birth_date: input.subjectBirthDate ?? null,
      subject_address: input.subjectAddress ?? null,
      subject_name_key: nameKey(input.subjectName),
      subject_kana_key: nameKey(input.subjectKana),
      status_since: at.toISOString(),
      created_by: actor.id,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    };
    await trx.insertInto('cases').values(row).execute();
    await this.audit.append(trx, actor, {
      action: 'case.created',
      recordType: 'case',
      recordId: row.id,
      summary: { caseNo, receivedOn },
    });
    return toSummary(row);
  }
}

/**
 * Case numbers staff can write on paper: year and a four-digit running number (2026-0001).
 * #16 item 3: taken in one statement inside the creating transaction, so desks creating cases
 * at once on the office database each get their own number: the first holds the year's counter
 * row until it commits, the next waits and counts on from there (no read-then-write gap); a
 * transaction that fails gives its number back with the rollback, so the year stays gap-free.
 * The unique index on case_no (migration 002) refuses a duplicate whatever happens.
 */
export async function nextCaseNo(trx: Transaction<Database>, year: number): Promise<string> {
  const { last } = await trx
    .insertInto('case_counters')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`case_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}-${String(last).padStart(4, '0')}`;
}

export function toSummary(row: CasesTable): CaseSummary {
  return {
    id: row.id,
    caseNo: row.case_no,
    status: row.status,
    receivedOn: row.received_on,
    subjectName: row.subject_name,
    subjectKana: row.subject_kana,
    version: row.version ?? 1,
  };
}
