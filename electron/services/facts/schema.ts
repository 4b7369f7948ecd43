/** Stored per-case facts (migration 024), kept current by electron/services/facts/case-facts.ts. */
export interface CaseFactsTable {
  case_id: string;
  /** 1: a write touched the case since the facts were computed (set by triggers). */
  dirty: number;
  received_on: string | null;
  /** `K1,K3`: the ticked request kinds. */
  kinds: string;
  /** Number of open obligations while the case is in an owing state, else 0. */
  owes: number;
  /** JSON Obligation[] (shared/domain/obligations.ts): codes, kinds, notices and ja/en labels, nothing personal. */
  owed: string;
  /** First day (Japan) the final response went out: responding, refused or closed. */
  answered_on: string | null;
  answer_days: number | null;
  /** The response target (I5) with past pauses; NULL while the clock is paused now. */
  target_on: string | null;
  day14_on: string | null;
  was_deficient: number;
  /** Each decision as `outcome` or `outcome:ground,ground`, sorted and joined by `;` (reports). */
  decided: string;
}

export interface FactsTables {
  case_facts: CaseFactsTable;
}
