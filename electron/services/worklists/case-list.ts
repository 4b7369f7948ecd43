import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { CasePage, ChannelParsed } from '@shared/contract';
import { DEFAULT_DIRECTION, READING_STATES, needsActionBy, type CaseListFilter, type CaseSort } from '@shared/domain/case-list';
import { isoDateInJapan } from '@shared/domain/dates';
import { caseSearchField, nameKey } from '@shared/domain/names';
import type { AuditLog, Actor } from '../audit/audit-log';
import { toSummary } from '../cases/case-service';
import type { DeadlineStore } from '../today/deadline-store';
import { caseUrgency } from '../today/deadline-store';
import { startsWith } from '../office/sealed-search';
import { prefixRange, sortedAtDesk } from '../vault/query';
import type { Database } from '../vault/schema';
import { casesOwing } from './answers-owed';

export type CaseListInput = ChannelParsed<'cases.list'>;

type Q = SelectQueryBuilder<Database & { a: Database['staff'] }, 'cases' | 'a', object>;

/** Column each sort orders by; every sort ends in case_no, unique, so pages never overlap or skip. */
const SORT_COLUMN: Record<CaseSort, string> = {
  received: 'cases.received_on',
  caseNo: 'cases.case_no',
  urgency: 'cases.urgency_sort',
  status: 'cases.status',
  due: 'cases.due_on',
  assignee: 'cases.assignee_id', // ordered by name through assigneeRank
};

/**
 * The paged case list (#13 item 1): filters, a stable sort and the total of the whole filtered
 * set, so "全 N 件" always counts the rows the pages show. Offset + limit over an order that
 * ends in the unique case number; the total comes from the same WHERE as the rows.
 */
export class CaseListService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly deadlines: DeadlineStore,
    private readonly now: () => Date,
  ) {}

  /**
   * The person in charge's place in name order, as a sort key over the plain `assignee_id`:
   * staff names are sealed on the office database, which cannot order by them (#16 item 2), so
   * the few staff are put in order at the desk (code-point order, as SQLite's ORDER BY) and the
   * server sorts by `CASE assignee_id WHEN … THEN rank END` on both back ends alike.
   */
  private async assigneeRank(): Promise<RawBuilder<number>> {
    const staff = sortedAtDesk(await this.db.selectFrom('staff').select(['id', 'display_name']).execute(), (r) => r.display_name, (r) => r.id);
    return sql<number>`case ${sql.ref('cases.assignee_id')} ${sql.join(staff.map((s, i) => sql`when ${s.id} then ${i}`), sql` `)} end`;
  }

  async list(actor: Actor, input: CaseListInput): Promise<CasePage> {
    // Stored deadlines and kinds (I5, request_kinds) current before filtering or sorting by them.
    await this.deadlines.ensureCurrent();
    const today = isoDateInJapan(this.now());
    const text = input.query?.trim();
    const where = await this.conditions(actor, input.filter ?? {}, text, today);
    const base = where(this.db.selectFrom('cases').leftJoin('staff as a', 'a.id', 'cases.assignee_id') as unknown as Q);
    const dir = input.dir ?? DEFAULT_DIRECTION[input.sort];
    let ordered = base.selectAll('cases').select(['a.display_name as assignee_name']);
    const key = input.sort === 'assignee' ? await this.assigneeRank() : sql.ref(SORT_COLUMN[input.sort]);
    // Rows without a value (no target, nobody in charge) go last whichever way the list runs.
    if (input.sort === 'due' || input.sort === 'urgency' || input.sort === 'assignee') ordered = ordered.orderBy(sql`${key} is null`);
    ordered = ordered.orderBy(key, dir);
    if (input.sort !== 'caseNo') ordered = ordered.orderBy('cases.case_no', dir);
    // The total and the page go out together (#16: one round trip's wait instead of two on an office database).
    const [{ n }, page] = await Promise.all([base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), ordered.limit(input.limit).offset(input.offset).execute()]);
    const rows = page as unknown as (Database['cases'] & { assignee_name: string | null })[];
    if (rows.length > 0) {
      await this.audit.append(this.db, actor, {
        action: text ? 'case.searched' : 'case.listed',
        recordType: 'case',
        summary: { shown: rows.map((r) => r.case_no) },
      });
    }
    return {
      cases: rows.map((r) => ({ ...toSummary(r), deadline: caseUrgency(r, today), assigneeId: r.assignee_id ?? null, assigneeName: r.assignee_name ?? null })),
      total: Number(n),
    };
  }

  /** The WHERE of both the count and the rows, as one function so they cannot differ. */
  private async conditions(actor: Actor, f: CaseListFilter, text: string | undefined, today: string): Promise<(q: Q) => Q> {
    const steps: ((q: Q) => Q)[] = [];
    if (text) {
      // One index range per search: by case number, by reading, or by written name.
      const field = caseSearchField(text);
      if (field === 'case_no') {
        // A plain case fact on both back ends: the same index range.
        const [lo, hi] = prefixRange(text.normalize('NFKC').trim());
        steps.push((q) => q.where(sql.ref('cases.case_no'), '>=', lo).where(sql.ref('cases.case_no'), '<', hi));
      } else {
        // Name keys are sealed on an office database (#16 item 2): `startsWith` is the same range
        // on the vault and a lookup of the prefix's MAC in name_prefixes there.
        const column = field === 'kana' ? 'subject_kana_key' : 'subject_name_key';
        const prefix = nameKey(text);
        steps.push((q) => q.where(startsWith(this.db, { table: 'cases', column }, prefix)));
      }
    }
    if (f.states && f.states.length > 0) {
      const states = [...f.states];
      steps.push((q) => q.where('cases.status', 'in', states));
    }
    if (f.open) steps.push((q) => q.where('cases.status', '!=', 'closed'));
    if (f.kinds && f.kinds.length > 0) {
      // request_kinds holds the ticked kinds as `K1,K3`; the codes cannot contain one another.
      const kinds = [...f.kinds];
      steps.push((q) => q.where((eb) => eb.or(kinds.map((k) => eb('cases.request_kinds', 'like', `%${k}%`)))));
    }
    const me = actor.id ?? '';
    if (f.assignee === 'none') steps.push((q) => q.where('cases.assignee_id', 'is', null));
    else if (f.assignee) {
      const who = f.assignee === 'me' ? me : f.assignee;
      steps.push((q) => q.where('cases.assignee_id', '=', who));
    }
    // I5: past the target while the clock runs (due_on is stored only then).
    if (f.overdue) steps.push((q) => q.where('cases.due_on', 'is not', null).where('cases.due_on', '<', today));
    if (f.answersOwed) {
      const ids = [...(await casesOwing(this.db)).keys()];
      steps.push((q) => inIds(q, ids));
    }
    if (f.needsMyAction) {
      const mine = await casesOwing(this.db, { assigneeId: me });
      const ids = [...mine].filter(([, c]) => needsActionBy(actor.role, c.state, c.owed)).map(([id]) => id);
      const reading = actor.role === 'administrator' || actor.role === 'clerk' ? [...READING_STATES] : [];
      steps.push((q) =>
        q.where('cases.assignee_id', '=', me).where((eb) => {
          const any = [...(reading.length ? [eb('cases.status', 'in', reading)] : []), ...(ids.length ? [eb('cases.id', 'in', ids)] : [])];
          return any.length ? eb.or(any) : sql<boolean>`0 = 1`;
        }),
      );
    }
    return (q) => steps.reduce((acc, step) => step(acc), q);
  }
}

/** `id IN (…)`, or no rows for an empty set (an empty IN list is not valid SQL). */
function inIds(q: Q, ids: string[]): Q {
  return ids.length ? q.where('cases.id', 'in', ids) : q.where(sql<boolean>`0 = 1`);
}
