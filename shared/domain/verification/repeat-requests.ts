import type { Bilingual } from '../../result';
import type { Role } from '../../roles';
import { CASE_STATE_LABELS, isCaseState } from '../case-state';
import { addDays, dateText, monthsBefore } from './date-rules';
import type { RequestKind } from './fees';
import type { RuleResult } from './types';

/** An earlier case of the same person (found by name / reading / address keys, see names.ts). */
export interface EarlierCase {
  caseNo: string;
  /** ISO arrival date (I5). */
  receivedOn: string;
  kinds: readonly RequestKind[];
  /** Free text or a state: 'closed', 'refused', 'withdrawn', 'deficient'... */
  outcome: string;
}

/** A setting; this is only the default look-back window. */
export const DEFAULT_REPEAT_PERIOD_DAYS = 365;

/** The look-back window as calendar months (the office setting repeatPeriodMonths). */
export interface RepeatPeriod {
  months: number;
}

/** The first day inside the window ending on `applicationDate`. */
export function repeatWindowStart(applicationDate: string, period: number | RepeatPeriod): string {
  if (typeof period === 'number') {
    if (!Number.isInteger(period) || period < 0) throw new RangeError('periodDays must be a non-negative integer');
    return addDays(applicationDate, -period);
  }
  return monthsBefore(applicationDate, period.months);
}

function periodText(period: number | RepeatPeriod): Bilingual {
  return typeof period === 'number' ? { ja: `${period} 日`, en: `${period} days` } : { ja: `${period.months} か月`, en: `${period.months} months` };
}

/**
 * Earlier cases received within `periodDays` (or calendar months) before the application date (inclusive: received
 * exactly periodDays before counts). Cases received after the application date (a letter that
 * overtook this one) count too: they are still earlier cases for this office. Newest first.
 */
export function earlierWithinPeriod(earlier: readonly EarlierCase[], applicationDate: string, periodDays: number | RepeatPeriod = DEFAULT_REPEAT_PERIOD_DAYS): EarlierCase[] {
  const from = repeatWindowStart(applicationDate, periodDays);
  return earlier.filter((c) => c.receivedOn >= from).sort((a, b) => (a.receivedOn < b.receivedOn ? 1 : a.receivedOn > b.receivedOn ? -1 : 0));
}

/**
 * R3: repeats must be visible. Pass when no earlier case falls in the period; needs_review when
 * any does (the software never refuses: an administrator decides, see validateRepeatRefusal).
 */
export function checkRepeatRequests(
  earlier: readonly EarlierCase[],
  applicationDate: string | null,
  kinds: readonly RequestKind[],
  periodDays: number | RepeatPeriod = DEFAULT_REPEAT_PERIOD_DAYS,
): RuleResult {
  const span = periodText(periodDays);
  const window = typeof periodDays === 'number' ? { periodDays } : { periodMonths: periodDays.months };
  if (applicationDate === null) {
    if (earlier.length === 0) return { ruleId: 'R3', status: 'pass', message: { ja: '同一人からの過去の請求はありません。', en: 'No earlier requests from the same person.' } };
    return {
      ruleId: 'R3',
      status: 'needs_review',
      message: { ja: `同一人からの過去の請求が ${earlier.length} 件あります（請求日不明）。`, en: `${earlier.length} earlier request(s) from the same person (application date unreadable).` },
      details: { cases: earlier },
    };
  }
  const within = earlierWithinPeriod(earlier, applicationDate, periodDays);
  if (within.length === 0) {
    return {
      ruleId: 'R3',
      status: 'pass',
      message: { ja: `過去 ${span.ja}以内に同一人からの請求はありません。`, en: `No requests from the same person in the last ${span.en}.` },
      details: { ...window, cases: [] },
    };
  }
  const sameKinds = within.filter((c) => c.kinds.some((k) => kinds.includes(k))).map((c) => c.caseNo);
  return {
    ruleId: 'R3',
    status: 'needs_review',
    message: {
      ja: `過去 ${span.ja}以内に同一人からの請求が ${within.length} 件あります（${within.map((c) => `${c.caseNo} ${dateText(c.receivedOn).ja}`).join('、')}）。`,
      en: `${within.length} request(s) from the same person in the last ${span.en} (${within.map((c) => `${c.caseNo} ${c.receivedOn}`).join(', ')}).`,
    },
    findings: within.map((c) => ({
      code: sameKinds.includes(c.caseNo) ? 'same_kind' : 'other_kind',
      status: 'needs_review' as const,
      message: {
        ja: `${c.caseNo}（${dateText(c.receivedOn).ja}受付、${c.kinds.join('・')}、${outcomeText(c.outcome).ja}）`,
        en: `${c.caseNo} (received ${c.receivedOn}, ${c.kinds.join('/')}, ${outcomeText(c.outcome).en})`,
      },
    })),
    details: { ...window, cases: within, sameKinds },
  };
}

/** A case state in words (受付, 取下げ...); any other outcome text as written. */
function outcomeText(outcome: string): Bilingual {
  return isCaseState(outcome) ? { ja: CASE_STATE_LABELS[outcome].ja, en: CASE_STATE_LABELS[outcome].en.toLowerCase() } : { ja: outcome, en: outcome };
}

/** What an administrator submits to refuse a request as repeated (R3, seed Art. 10). */
export interface RepeatRefusal {
  decidedByRole: Role;
  /** The written reason (why the repetition is without justifiable reason). */
  reason: string;
  /** The earlier cases relied on. */
  earlierCaseNos: readonly string[];
}

export const MIN_REFUSAL_REASON_LENGTH = 10;

export type RefusalValidation = { ok: true } | { ok: false; errors: Bilingual[] };

/**
 * A refusal as repeated is valid only when: decided by an administrator; with a written reason
 * of at least MIN_REFUSAL_REASON_LENGTH characters (spaces not counted); naming at least one
 * earlier case, each of which is among `within` (the cases in the configured period).
 */
export function validateRepeatRefusal(input: RepeatRefusal, within: readonly EarlierCase[]): RefusalValidation {
  const errors: Bilingual[] = [];
  if (input.decidedByRole !== 'administrator') {
    errors.push({ ja: '繰り返しの請求を理由とする拒否は管理者のみが決定できます。', en: 'Only an administrator can refuse a request as repeated.' });
  }
  if (input.reason.replace(/[\s\u3000]+/g, '').length < MIN_REFUSAL_REASON_LENGTH) {
    errors.push({
      ja: `拒否の理由を${MIN_REFUSAL_REASON_LENGTH}文字以上で記載してください。`,
      en: `Write the reason for refusing (at least ${MIN_REFUSAL_REASON_LENGTH} characters).`,
    });
  }
  if (input.earlierCaseNos.length === 0) {
    errors.push({ ja: '根拠とする過去の請求を1件以上指定してください。', en: 'Name at least one earlier request the refusal relies on.' });
  }
  const known = new Set(within.map((c) => c.caseNo));
  for (const no of input.earlierCaseNos) {
    if (!known.has(no)) errors.push({ ja: `${no} は対象期間内の同一人の請求ではありません。`, en: `${no} is not an earlier request of this person within the period.` });
  }
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
