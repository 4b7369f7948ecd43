/** A case kept past its retention period (litigation, a regulator's inquiry): no disposal (S4). */
export interface LegalHoldsTable {
  case_id: string;
  reason: string;
  placed_by: string | null;
  placed_at: string;
}

/**
 * The disposal register (S4): what was destroyed, when, by whom and under which rule. Holds no
 * personal data: the case number, class names, counts and the rule's wording only.
 */
export interface DisposalRegisterTable {
  id: string;
  batch_id: string;
  case_id: string;
  case_no: string;
  /** JSON array of RecordClass */
  classes: string;
  /** e.g. `id_documents:6m after close` as computed when disposed. */
  rule: string;
  reason: string;
  pages_erased: number;
  disposed_by: string | null;
  disposed_by_name: string | null;
  disposed_at: string;
}

export interface RetentionTables {
  legal_holds: LegalHoldsTable;
  disposal_register: DisposalRegisterTable;
}
