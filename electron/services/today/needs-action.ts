import { sql, type Kysely } from 'kysely';
import type { TodayActionCase, TodayList, TodayReason } from '@shared/contract/today-types';
import { day14Date, daysLeft } from '@shared/domain/deadlines';
import type { Obligation } from '@shared/domain/obligations';
import { owedOf, refreshCaseFacts } from '../facts/case-facts';
import type { Database } from '../vault/schema';

/**
 * Today's one list (#13 item 6): every case that needs action now, one row with ALL its reasons
 * (past or near its target, past or near day 14, an answer or notice owed, a money order lapsing
 * or lapsed), instead of one list per reason that repeat each other.
 *
 * Each reason's candidates are one index range (stored deadlines of migration 009, the stored
 * facts' owing index of 024, money_orders(state, payable_until)), `limit` each, earliest first.
 * A case's place is its earliest date (an owed answer counts from its day 14), so the merged first
 * `limit` rows always lie among those candidates; then every reason of those cases is read by id.
 */
export async function needsAction(db: Kysely<Database>, days: { today: string; soon: string; lapseHorizon: string }, limit: number): Promise<TodayList<TodayActionCase>> {
  await refreshCaseFacts(db);
  const { today, soon, lapseHorizon } = days;
  const [due, day14, owing, orders, counted] = await Promise.all([
    db.selectFrom('cases').select('id').where('due_on', 'is not', null).where('due_on', '<=', soon).orderBy('due_on').orderBy('case_no').limit(limit).execute(),
    db.selectFrom('cases').select('id').where('day14_on', 'is not', null).where('day14_on', '<=', soon).orderBy('day14_on').orderBy('case_no').limit(limit).execute(),
    db.selectFrom('case_facts').select('case_id as id').where('owes', '>', 0).orderBy('received_on').limit(limit).execute(),
    db.selectFrom('money_orders').select('case_id as id').where('state', '=', 'received').where('payable_until', '<=', lapseHorizon).orderBy('payable_until').limit(limit).execute(),
    sql<{ n: number }>`SELECT count(*) AS n FROM (
        SELECT id FROM cases WHERE due_on IS NOT NULL AND due_on <= ${soon}
        UNION SELECT id FROM cases WHERE day14_on IS NOT NULL AND day14_on <= ${soon}
        UNION SELECT case_id FROM case_facts WHERE owes > 0
        UNION SELECT case_id FROM money_orders WHERE state = 'received' AND payable_until <= ${lapseHorizon}
      ) AS needing`.execute(db),
  ]);
  const ids = [...new Set([...due, ...day14, ...owing, ...orders].map((r) => r.id))];
  if (ids.length === 0) return { count: 0, items: [] };
  const [cases, owed, caseOrders] = await Promise.all([
    db.selectFrom('cases').select(['id', 'case_no', 'subject_name', 'status', 'received_on', 'due_on', 'day14_on']).where('id', 'in', ids).execute(),
    owedOf(db, ids),
    db.selectFrom('money_orders').select(['case_id', 'payable_until']).where('case_id', 'in', ids).where('state', '=', 'received').where('payable_until', '<=', lapseHorizon).execute(),
  ]);
  const rows = cases.map((c) => {
    const mine = caseOrders.filter((o) => o.case_id === c.id);
    const reasons = reasonsOf({ ...c, owed: owed.get(c.id) ?? [], orders: mine.map((o) => o.payable_until) }, today, soon);
    const dates = reasons.map((r) => (r.code === 'owed' ? day14Date(c.received_on) : r.date!));
    return { c, reasons, key: dates.reduce((a, b) => (b < a ? b : a)) };
  });
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.c.case_no < b.c.case_no ? -1 : 1));
  return {
    count: Number(counted.rows[0]?.n ?? 0),
    items: rows
      .filter((r) => r.reasons.length > 0)
      .slice(0, limit)
      .map((r) => ({ caseId: r.c.id, caseNo: r.c.case_no, subjectName: r.c.subject_name, status: r.c.status, receivedOn: r.c.received_on, reasons: r.reasons })),
  };
}

/** Every reason of one case, in the order a row shows them: the clock, day 14, what is owed, money orders. */
export function reasonsOf(c: { due_on?: string | null; day14_on?: string | null; owed: Obligation[]; orders: string[] }, today: string, soon: string): TodayReason[] {
  const out: TodayReason[] = [];
  const dated = (code: TodayReason['code'], date: string): TodayReason => ({ code, date, daysLeft: daysLeft(date, today) });
  if (c.due_on && c.due_on < today) out.push(dated('overdue', c.due_on));
  else if (c.due_on && c.due_on <= soon) out.push(dated('due_soon', c.due_on));
  if (c.day14_on && c.day14_on < today) out.push(dated('day14_passed', c.day14_on));
  else if (c.day14_on && c.day14_on <= soon) out.push(dated('day14_soon', c.day14_on));
  if (c.owed.length > 0) out.push({ code: 'owed', owed: c.owed });
  const lapsed = c.orders.filter((d) => d < today).sort();
  const lapsing = c.orders.filter((d) => d >= today).sort();
  if (lapsed.length) out.push({ ...dated('order_lapsed', lapsed[0]!), orders: lapsed.length });
  if (lapsing.length) out.push({ ...dated('order_lapsing', lapsing[0]!), orders: lapsing.length });
  return out;
}
