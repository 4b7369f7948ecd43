/**
 * Deadlines of a case (I5), as pure functions over `YYYY-MM-DD` calendar days in Japan.
 *
 * - The company's **response target**: `targetDays` counted from the day after arrival
 *   (初日不算入, as 民法 Art. 140 counts periods). In `business` mode only weekdays that are not
 *   Japanese public holidays count. Days while the clock is paused (the case is `deficient`,
 *   waiting for the applicant to re-send a whole set, I4) do not count either, so a pause
 *   moves the target later.
 * - The **Art. 39 day-14 marker**: arrival + 14 calendar days. After those two weeks the
 *   applicant may go to court, whatever the company's own target says. It is a hard marker:
 *   never paused (the request "reached" the company on its arrival day; a deficiency notice
 *   does not un-deliver it) and always counted in calendar days. It matters only while a case
 *   is open.
 *
 * Holidays are not hard-coded here: callers pass `isHoliday` (the services use the maintained
 * @holiday-jp/holiday_jp data, see electron/services/today/holidays.ts), so this module stays
 * small enough for the renderer to import its types and constants.
 */
import { addDays, daysBetween } from './verification/date-rules';

export type DayCount = 'calendar' | 'business';

export interface DeadlineRules {
  targetDays: number;
  dayCount: DayCount;
  /** True for a Japanese public holiday (only consulted in business mode). */
  isHoliday: (iso: string) => boolean;
}

/**
 * A stretch of calendar days with the clock stopped: from the day the case became deficient
 * up to, not including, the day it was resumed (`to` null: still paused; counted up to today).
 */
export interface PausedSpan {
  from: string;
  to: string | null;
}

/** Art. 39: two weeks after the request reached the company. */
export const ART39_DAYS = 14;
/** A running case is "due soon" when its target is this many calendar days away or fewer. */
export const DUE_SOON_DAYS = 3;

/** Most urgent first: the order the case list and the Today view sort by. */
export const URGENCIES = ['overdue', 'due_soon', 'on_track', 'paused', 'closed'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const URGENCY_COLORS: Record<Urgency, string> = {
  overdue: 'red',
  due_soon: 'orange',
  on_track: 'teal',
  paused: 'gray',
  closed: 'gray',
};

/** Day of week for an ISO day (0 = Sunday), independent of the machine's time zone. */
export function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export function isBusinessDay(iso: string, isHoliday: (iso: string) => boolean): boolean {
  const d = weekday(iso);
  return d !== 0 && d !== 6 && !isHoliday(iso);
}

/** Closed spans with `to` filled in (an open span runs up to `today`), sorted, empty ones dropped. */
export function closeSpans(spans: readonly PausedSpan[], today: string): { from: string; to: string }[] {
  return spans
    .map((s) => ({ from: s.from, to: s.to ?? (today > s.from ? today : s.from) }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from.localeCompare(b.from));
}

/** Calendar days the clock stood still (overlaps counted once). */
export function pausedDays(spans: readonly PausedSpan[], today: string): number {
  let total = 0;
  let reach = '';
  for (const s of closeSpans(spans, today)) {
    const from = s.from > reach ? s.from : reach;
    if (s.to > from) total += daysBetween(from, s.to);
    if (s.to > reach) reach = s.to;
  }
  return total;
}

/**
 * The response target: the `targetDays`-th counting day after arrival. A day counts unless it
 * lies in a paused span or (business mode) is a Saturday, Sunday or public holiday.
 */
export function targetDate(arrival: string, rules: DeadlineRules, spans: readonly PausedSpan[] = [], today = arrival): string {
  const closed = closeSpans(spans, today);
  const paused = (iso: string) => closed.some((s) => iso >= s.from && iso < s.to);
  const counts = (iso: string) => !paused(iso) && (rules.dayCount === 'calendar' || isBusinessDay(iso, rules.isHoliday));
  // Calendar mode without pauses needs no walk.
  if (closed.length === 0 && rules.dayCount === 'calendar') return addDays(arrival, rules.targetDays);
  let day = arrival;
  let counted = 0;
  while (counted < rules.targetDays) {
    day = addDays(day, 1);
    if (counts(day)) counted++;
  }
  return day;
}

export const day14Date = (arrival: string): string => addDays(arrival, ART39_DAYS);

/** Whole days from `today` to `date`: 0 on the day itself, negative once it has passed. */
export const daysLeft = (date: string, today: string): number => daysBetween(today, date);

export interface CaseClock {
  /** The case is in a final state (closed, withdrawn, refused). */
  final: boolean;
  /** The clock is stopped now (the case waits for the applicant, I4). */
  paused: boolean;
}

export function urgencyOf(target: string, today: string, clock: CaseClock): Urgency {
  if (clock.final) return 'closed';
  if (clock.paused) return 'paused';
  const left = daysLeft(target, today);
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_DAYS ? 'due_soon' : 'on_track';
}

export interface CaseDeadline {
  arrivedOn: string;
  /** Where the target stands now; while paused, the date it would be if the clock restarted today. */
  targetOn: string;
  day14On: string;
  pausedDays: number;
  daysLeft: number;
  day14DaysLeft: number;
  urgency: Urgency;
}

/** Everything the case file shows about its clock, for one case on `today`. */
export function caseDeadline(arrival: string, rules: DeadlineRules, spans: readonly PausedSpan[], clock: CaseClock, today: string): CaseDeadline {
  const targetOn = targetDate(arrival, rules, spans, today);
  const day14On = day14Date(arrival);
  return {
    arrivedOn: arrival,
    targetOn,
    day14On,
    pausedDays: pausedDays(spans, today),
    daysLeft: daysLeft(targetOn, today),
    day14DaysLeft: daysLeft(day14On, today),
    urgency: urgencyOf(targetOn, today, clock),
  };
}

/**
 * Paused spans from a case's status history (case_status_changes, oldest first): a span opens
 * when the case enters a clock-stopping state and closes when it leaves it. Timestamps are
 * turned into Japanese calendar days by `toDay`.
 */
export function spansFromChanges(
  changes: readonly { fromState: string; toState: string; at: string }[],
  stopsClock: (state: string) => boolean,
  toDay: (timestamp: string) => string,
): PausedSpan[] {
  const spans: PausedSpan[] = [];
  let open: string | null = null;
  for (const c of changes) {
    const day = toDay(c.at);
    if (open === null && stopsClock(c.toState)) open = day;
    else if (open !== null && !stopsClock(c.toState)) {
      spans.push({ from: open, to: day });
      open = null;
    }
  }
  if (open !== null) spans.push({ from: open, to: null });
  return spans;
}
