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

/**
 * Facts of cases with equal figures, counted together: what a report needs of a case once its
 * dates are known. The services group stored per-case facts by these in SQL; `yearReport` maps
 * single cases to them, so both count through `yearReportFromGroups`.
 */
export interface ReportCaseGroup {
  /** `YYYY-MM` of arrival. */
  month: string;
  kinds: readonly RequestKind[];
  /** Days from arrival to the answer; null while unanswered. */
  answerDays: number | null;
  overTarget: boolean;
  pastDay14: boolean;
  wasDeficient: boolean;
  count: number;
}

export interface ReportDecisionGroup {
  month: string;
  outcome: DecisionOutcome;
  grounds: readonly DecisionGround[];
  count: number;
}

export type FeeEvent = 'received' | 'cashed' | 'returned';

export interface ReportOrderGroup {
  /** `YYYY-MM` of the event (F4). */
  month: string;
  event: FeeEvent;
  count: number;
  yen: number;
}

/** Over target / past day 14 as of `today`: answered after the date, or still open past it. */
export function caseLateness(c: Pick<ReportCase, 'answeredOn' | 'targetOn' | 'day14On'>, today: string): { overTarget: boolean; pastDay14: boolean } {
  const end = c.answeredOn ?? today;
  return { overTarget: end > c.targetOn, pastDay14: end > c.day14On };
}

function figures(period: string, cases: readonly ReportCaseGroup[], decisions: readonly ReportDecisionGroup[], orders: readonly ReportOrderGroup[], inPeriod: (month: string) => boolean): ReportFigures {
  const byKind = zeroes(REQUEST_KINDS);
  const byOutcome = zeroes(DECISION_OUTCOMES);
  const byGround = zeroes(DECISION_GROUNDS);
  const days: [number, number][] = [];
  let received = 0;
  let answered = 0;
  let overTarget = 0;
  let pastDay14 = 0;
  let deficient = 0;
  for (const c of cases) {
    if (!inPeriod(c.month)) continue;
    received += c.count;
    for (const k of c.kinds) byKind[k] += c.count;
    if (c.answerDays !== null) {
      days.push([c.answerDays, c.count]);
      answered += c.count;
    }
    if (c.overTarget) overTarget += c.count;
    if (c.pastDay14) pastDay14 += c.count;
    if (c.wasDeficient) deficient += c.count;
  }
  for (const d of decisions) {
    if (!inPeriod(d.month)) continue;
    byOutcome[d.outcome] += d.count;
    for (const g of d.grounds) byGround[g] += d.count;
  }
  days.sort((a, b) => a[0] - b[0]);
  const money = (event: FeeEvent): Money => {
    let count = 0;
    let yen = 0;
    for (const o of orders) {
      if (o.event !== event || !inPeriod(o.month)) continue;
      count += o.count;
      yen += o.yen;
    }
    return { count, yen };
  };
  return {
    period,
    received,
    byKind,
    byOutcome,
    byGround,
    answered,
    daysMedian: weightedRank(days, answered, 50),
    daysP90: weightedRank(days, answered, 90),
    overTarget,
    pastDay14,
    deficient,
    deficiencyRate: received === 0 ? 0 : deficient / received,
    fees: { received: money('received'), cashed: money('cashed'), returned: money('returned') },
  };
}

/** nearestRank over values given with their counts (sorted by value). */
function weightedRank(sorted: readonly [number, number][], total: number, p: number): number | null {
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [value, count] of sorted) {
    seen += count;
    if (seen >= rank) return value;
  }
  return sorted.at(-1)![0];
}

/** The year's figures from grouped facts (the services' SQL GROUP BY), month by month and in total. */
export function yearReportFromGroups(year: number, cases: readonly ReportCaseGroup[], decisions: readonly ReportDecisionGroup[], orders: readonly ReportOrderGroup[]): YearReport {
  const y = String(year).padStart(4, '0');
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = `${y}-${String(i + 1).padStart(2, '0')}`;
    return figures(m, cases, decisions, orders, (month) => month === m);
  });
  return { year, months, total: figures(y, cases, decisions, orders, (month) => month.startsWith(`${y}-`)) };
}

/** The year's figures month by month and in total. `today` decides what counts as overdue for open cases. */
export function yearReport(year: number, cases: readonly ReportCase[], orders: readonly ReportOrder[], today: string): YearReport {
  const groups: ReportCaseGroup[] = cases.map((c) => ({
    month: c.receivedOn.slice(0, 7),
    kinds: c.kinds,
    answerDays: c.answeredOn ? daysBetween(c.receivedOn, c.answeredOn) : null,
    ...caseLateness(c, today),
    wasDeficient: c.wasDeficient,
    count: 1,
  }));
  const decisions: ReportDecisionGroup[] = cases.flatMap((c) => c.decisions.map((d) => ({ month: c.receivedOn.slice(0, 7), outcome: d.outcome, grounds: d.grounds, count: 1 })));
  const events: ReportOrderGroup[] = orders.flatMap((o) =>
    (
      [
        ['received', o.receivedOn],
        ['cashed', o.cashedOn],
        ['returned', o.returnedOn],
      ] as const
    ).flatMap(([event, day]) => (day ? [{ month: day.slice(0, 7), event, count: 1, yen: o.faceValue }] : [])),
  );
  return yearReportFromGroups(year, groups, decisions, events);
}
