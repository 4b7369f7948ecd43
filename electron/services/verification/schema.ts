/** Tables of verification (#4): status history, deficiency lists, masking records. */
export interface CaseStatusChangesTable {
  id: string;
  case_id: string;
  from_state: string;
  to_state: string;
  reason: string | null;
  /** 'repeated' when refused as a repeated request (R3); null otherwise. */
  ground: string | null;
  changed_by: string | null;
  changed_at: string;
}

export interface CaseDeficienciesTable {
  id: string;
  case_id: string;
  /** JSON DeficiencyNotice (shared/domain/verification/resubmission.ts) as decided. */
  notice: string;
  reason: string | null;
  created_by: string | null;
  created_at: string;
  /** Set when a re-sent set arrives (I4) and the case goes back to checking. */
  resolved_at: string | null;
  resolved_envelope_id: string | null;
}

export interface PageMasksTable {
  id: string;
  page_id: string;
  case_id: string | null;
  /** JSON array of { x, y, width, height } in the page's pixels (D6). */
  rects: string;
  masked_by: string | null;
  masked_at: string;
}

export interface VerificationTables {
  case_status_changes: CaseStatusChangesTable;
  case_deficiencies: CaseDeficienciesTable;
  page_masks: PageMasksTable;
}
