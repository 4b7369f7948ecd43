import { checkAgent, type AgentProof } from './agents';
import { checkCompleteness, type FieldValues } from './completeness';
import { readDate } from './date-rules';
import { checkFee, type MoneyOrder, requestedKinds } from './fees';
import { checkIdentity, type IdDocument, type Person } from './identity-documents';
import { checkRepeatRequests, DEFAULT_REPEAT_PERIOD_DAYS, type EarlierCase, type RepeatPeriod } from './repeat-requests';
import { type Checklist, type RuleResult, toChecklist } from './types';

/** Everything one application set consists of: the form and what was in the envelope. */
export interface ApplicationSet {
  /** The form's values by field name (checkboxes 'true' / 'false'). */
  fields: FieldValues;
  /** Copies of the data subject's ID (D1-D5); one acceptable document suffices. */
  subjectIds: readonly IdDocument[];
  /** D7 proofs: family register, health insurance, residence certificate, power of attorney. */
  agentProofs?: readonly AgentProof[];
  /** The agent's own ID copies (D1-D5 applied to the agent). */
  agentIds?: readonly IdDocument[];
  /** F1: each enclosed fixed postal money order. */
  moneyOrders: readonly MoneyOrder[];
}

export interface ChecklistInput extends ApplicationSet {
  /** The day the envelope arrived (I5): an application date after it needs review (I3). */
  receivedOn?: string;
  /** Earlier cases of the same person (R3). */
  earlierCases?: readonly EarlierCase[];
  /** R3 look-back window in days. */
  repeatPeriodDays?: number;
  /** R3 look-back window in calendar months (the setting repeatPeriodMonths); wins over days. */
  repeatPeriodMonths?: number;
  /**
   * Pages of the case classed as ID document or money order (#10 item 7): "enclosed but not
   * recorded yet" (needs review, record it from the page) is not "not enclosed".
   */
  enclosedPages?: { idDocument: number; moneyOrder: number };
}

const value = (v: string | undefined) => v ?? '';

export function subjectOf(fields: FieldValues): Person {
  return { name: value(fields['subject.name']), kana: fields['subject.kana'], address: value(fields['subject.address']), birthDate: fields['subject.birthDate'] };
}

export function agentOf(fields: FieldValues): Person {
  return { name: value(fields['agent.name']), kana: fields['agent.kana'], address: value(fields['agent.address']) };
}

/** The application date as ISO, or null when missing or unreadable (I3 reports why). */
export function applicationDateOf(fields: FieldValues): string | null {
  const r = readDate(fields['application.date'], { ja: '請求日', en: 'Date of application' });
  return r.ok ? r.iso : null;
}

/**
 * All checks of one application, always in this order:
 *   1. I3 form completeness
 *   2. the data subject's ID (D1-D5 for the best enclosed document; I4 when none)
 *   3. D7 agent authority, then the agent's ID (agent applications only)
 *   4. fee (F1 pass / review, F3 fail)
 *   5. R3 earlier requests of the same person
 */
export function runChecklist(input: ChecklistInput): RuleResult[] {
  const { fields } = input;
  const applicationDate = applicationDateOf(fields);
  const kinds = requestedKinds(fields);
  const pages = input.enclosedPages ?? { idDocument: 0, moneyOrder: 0 };
  return [
    checkCompleteness(fields, input.receivedOn),
    enclosedButUnrecorded(checkIdentity(input.subjectIds, subjectOf(fields), applicationDate, 'subject'), 'id_missing', pages.idDocument, {
      ja: `本人確認書類のページ（${pages.idDocument}枚）が同封されていますが、まだ記録されていません。そのページから記録してください。`,
      en: `${pages.idDocument} page(s) classed as ID document are enclosed but not recorded yet: record it from that page.`,
    }),
    ...checkAgent({
      applicantType: fields['applicant.type'],
      proofs: input.agentProofs ?? [],
      agentIds: input.agentIds ?? [],
      agent: agentOf(fields),
      applicationDate,
    }),
    enclosedButUnrecorded(checkFee(kinds, input.moneyOrders), 'none_enclosed', pages.moneyOrder, {
      ja: `定額小為替のページ（${pages.moneyOrder}枚）が同封されていますが、まだ台帳に記録されていません。そのページから記録してください。`,
      en: `${pages.moneyOrder} page(s) classed as money order are enclosed but not recorded yet: record them from that page.`,
    }),
    checkRepeatRequests(input.earlierCases ?? [], applicationDate, kinds, repeatPeriodOf(input)),
  ];
}

/**
 * A "not enclosed" failure while pages of that kind sit in the case becomes needs review: the
 * document was sent, staff have not recorded it yet (#10 item 7).
 */
function enclosedButUnrecorded<R extends RuleResult>(r: R, missingCode: string, pages: number, message: RuleResult['message']): R {
  if (pages === 0 || r.status !== 'fail' || !(r.findings ?? []).some((f) => f.code === missingCode)) return r;
  return {
    ...r,
    status: 'needs_review',
    message,
    findings: (r.findings ?? []).map((f) => (f.code === missingCode ? { ...f, code: 'enclosed_unrecorded', status: 'needs_review' as const, message } : f)),
  };
}

/** R3 window: calendar months (the office setting) or days. */
function repeatPeriodOf(input: ChecklistInput): number | RepeatPeriod {
  if (input.repeatPeriodMonths !== undefined) return { months: input.repeatPeriodMonths };
  return input.repeatPeriodDays ?? DEFAULT_REPEAT_PERIOD_DAYS;
}

/** runChecklist with its overall verdict (fail > needs_review > pass). */
export function checklistOf(input: ChecklistInput): Checklist {
  return toChecklist(runChecklist(input));
}
