import type { Bilingual } from '../../result';
import type { FieldName } from '../application-form';

/**
 * Verification results shared by every rule family (rule ids from shared/domain.md).
 * Pure data: the renderer shows them, the services store them, the deficiency notice (R5)
 * is built from them.
 */
export type RuleId = 'I3' | 'I4' | 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D7' | 'F1' | 'F3' | 'R3';

/**
 * - pass: the rule is met.
 * - needs_review: the software cannot decide (notation variants, unknown face value,
 *   repeated requests...): a person decides and records it.
 * - fail: the rule is not met; for I3/I4/D/F3 the application cannot be accepted (R5).
 */
export type RuleStatus = 'pass' | 'needs_review' | 'fail';

/** Who a result is about: the data subject (本人) or the agent (代理人). */
export type Party = 'subject' | 'agent';

/** One concrete observation inside a rule result (one missing field, one date check...). */
export interface Finding {
  /** Stable machine code, e.g. 'missing', 'expired', 'name_variant'. */
  code: string;
  status: RuleStatus;
  message: Bilingual;
  /** The form field concerned, if any. */
  field?: FieldName;
}

export interface RuleResult {
  ruleId: RuleId;
  status: RuleStatus;
  /** One-line summary in both languages. */
  message: Bilingual;
  party?: Party;
  /** The observations behind the status (every failing item is named here). */
  findings?: readonly Finding[];
  /** Structured facts for the UI (amounts, dates, case numbers); never an image or a secret. */
  details?: Readonly<Record<string, unknown>>;
}

/** All results of one application, in the fixed order of runChecklist, and their verdict. */
export interface Checklist {
  overall: RuleStatus;
  results: readonly RuleResult[];
}

const RANK: Record<RuleStatus, number> = { pass: 0, needs_review: 1, fail: 2 };

/** The most serious status (fail > needs_review > pass); pass for an empty list. */
export function worst(statuses: readonly RuleStatus[]): RuleStatus {
  return statuses.reduce<RuleStatus>((a, b) => (RANK[b] > RANK[a] ? b : a), 'pass');
}

/** The least serious status (pass < needs_review < fail); fail for an empty list. */
export function best(statuses: readonly RuleStatus[]): RuleStatus {
  return statuses.reduce<RuleStatus>((a, b) => (RANK[b] < RANK[a] ? b : a), 'fail');
}

export function toChecklist(results: readonly RuleResult[]): Checklist {
  return { overall: worst(results.map((r) => r.status)), results };
}

export type { StoredDeficiency } from './stored-deficiency';
