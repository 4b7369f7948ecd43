/** Tables of #6: decisions per requested kind (R1-R4) and the letters written from them. */
export interface CaseDecisionsTable {
  id: string;
  case_id: string;
  /** K1-K6 */
  kind: string;
  /** shared/domain/decisions.ts DecisionOutcome */
  outcome: string;
  /** JSON DecisionGround[] */
  grounds: string;
  reason_text: string;
  alternative_measure: string | null;
  /** JSON string[]: what is enclosed with a K1/K6 notice. */
  enclosures: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string;
}

export interface LettersTable {
  id: string;
  case_id: string;
  /** Template id of shared/domain/letters. */
  template: string;
  /** 'ja' | 'en' */
  lang: string;
  /** JSON LetterDraft: editable until issued, frozen with the PDF afterwards. */
  draft: string;
  /** JSON { postalCode, address, name, honorific } as printed in the window. */
  recipient: string;
  /** 'draft' | 'issued' */
  status: string;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  issued_on: string | null;
  issued_at: string | null;
  issued_by: string | null;
  /** The issued PDF, inside the encrypted database (R4 of #6: stored encrypted, immutable). */
  pdf: Buffer | null;
  sha256: string | null;
  page_count: number | null;
  reprint_count: number;
  last_reprinted_at: string | null;
  /** JSON string[]: money orders a return letter sends back (F4). */
  money_order_ids: string;
  /** 1 after a clerk changed the text of a decided letter: the administrator must approve (#10). */
  needs_approval: number;
  /** #13 item 2b (migration 029): 'approved' | 'sent_back' | null (awaiting); see shared/domain/approval.ts. */
  approval?: string | null;
  approval_by?: string | null;
  approval_by_name?: string | null;
  approval_at?: string | null;
  /** The send-back reason (may name people: never copied into the audit trail). */
  approval_reason?: string | null;
  /** JSON staff ids of everyone who drafted or changed the letter. */
  prepared_by?: string;
  /** #13 item 3 (migration 030): a trashed draft. */
  trashed_at?: string | null;
  trashed_by?: string | null;
  /** #16 item 3 (migration 052): optimistic version, bumped by every edit (services/concurrency/versions.ts). */
  version?: number;
}

export interface LetterTables {
  case_decisions: CaseDecisionsTable;
  letters: LettersTable;
}
