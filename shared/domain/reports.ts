/**
 * Yearly report figures (#15 item 4) as a pure function of case and money-order facts, so the
 * page, the XLSX export and the tests count the same way. Requests, decisions, answer times and
 * deficiencies are counted in the month the request arrived (I5); fees in the month of each
 * event (F4: received, cashed, returned).
 */
import { DECISION_GROUNDS, DECISION_OUTCOMES, type DecisionGround, type DecisionOutcome } from './decisions';
import { REQUEST_KINDS, type RequestKind } from './page-kind';
import { daysBetween } from './verification/date-rules';

export interface ReportCase {
  receivedOn: string;
  kinds: readonly RequestKind[];
  /** The day the final response went out (first move to responding/refused/closed), else null. */
  answeredOn: string | null;
  /** The company's response target for this case (I5), pauses included. */
  targetOn: string;
  /** Art. 39 day 14 (arrival + 14). */
  day14On: string;
  /** The case was ever deficient (I3/I4/F3). */
  wasDeficient: boolean;
  decisions: readonly { kind: RequestKind; outcome: DecisionOutcome; grounds: readonly DecisionGround[] }[];
}

export interface ReportOrder {
  faceValue: number;
  receivedOn: string;
  cashedOn: string | null;
  returnedOn: string | null;
}

export interface Money {
  count: number;
  yen: number;
}

export interface ReportFigures {
  /** `YYYY-MM`, or `YYYY` for the year's total. */
  period: string;
  received: number;
  byKind: Record<RequestKind, number>;
  byOutcome: Record<DecisionOutcome, number>;
  byGround: Record<DecisionGround, number>;
  answered: number;
  /** Days from arrival to the answer, nearest-rank percentiles (null: nothing answered). */
  daysMedian: number | null;
  daysP90: number | null;
  /** Answered after the target, or still open with the target passed (as of `today`). */
  overTarget: number;
  /** Answered after day 14, or still open past it (Art. 39). */
  pastDay14: number;
  deficient: number;
  /** deficient / received (0 when nothing arrived). */
  deficiencyRate: number;
  fees: { received: Money; cashed: Money; returned: Money };
}

export interface YearReport {
  year: number;
  months: ReportFigures[];
  total: ReportFigures;
}

/** Nearest-rank percentile of sorted values: the smallest value with at least p % at or below it. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function figures(period: string, cases: readonly ReportCase[], orders: readonly ReportOrder[], inPeriod: (iso: string) => boolean, today: string): ReportFigures {
  const mine = cases.filter((c) => inPeriod(c.receivedOn));
  const byKind = zeroes(REQUEST_KINDS);
  const byOutcome = zeroes(DECISION_OUTCOMES);
  const byGround = zeroes(DECISION_GROUNDS);
  const days: number[] = [];
  let overTarget = 0;
  let pastDay14 = 0;
  let deficient = 0;
  for (const c of mine) {
    for (const k of c.kinds) byKind[k]++;
    for (const d of c.decisions) {
      byOutcome[d.outcome]++;
      for (const g of d.grounds) byGround[g]++;
    }
    if (c.answeredOn) days.push(daysBetween(c.receivedOn, c.answeredOn));
    const end = c.answeredOn ?? today;
    if (end > c.targetOn) overTarget++;
    if (end > c.day14On) pastDay14++;
    if (c.wasDeficient) deficient++;
  }
  days.sort((a, b) => a - b);
  const money = (pick: (o: ReportOrder) => string | null): Money => {
    const hit = orders.filter((o) => {
      const d = pick(o);
      return d !== null && inPeriod(d);
    });
    return { count: hit.length, yen: hit.reduce((s, o) => s + o.faceValue, 0) };
  };
  return {
    period,
    received: mine.length,
    byKind,
    byOutcome,
    byGround,
    answered: days.length,
    daysMedian: nearestRank(days, 50),
    daysP90: nearestRank(days, 90),
    overTarget,
    pastDay14,
    deficient,
    deficiencyRate: mine.length === 0 ? 0 : deficient / mine.length,
    fees: { received: money((o) => o.receivedOn), cashed: money((o) => o.cashedOn), returned: money((o) => o.returnedOn) },
  };
}

/** The year's figures month by month and in total. `today` decides what counts as overdue for open cases. */
export function yearReport(year: number, cases: readonly ReportCase[], orders: readonly ReportOrder[], today: string): YearReport {
  const y = String(year).padStart(4, '0');
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = `${y}-${String(i + 1).padStart(2, '0')}`;
    return figures(m, cases, orders, (iso) => iso.startsWith(m), today);
  });
  return { year, months, total: figures(y, cases, orders, (iso) => iso.startsWith(`${y}-`), today) };
}
