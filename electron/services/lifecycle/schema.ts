/** Tables of the case lifecycle (issue #10): obligations waived at close, with the reason. */
export interface CaseWaiversTable {
  id: string;
  case_id: string;
  /** obligationKey() of shared/domain/obligations.ts */
  obligation: string;
  reason: string;
  waived_by: string | null;
  waived_by_name: string | null;
  waived_at: string;
}

export interface LifecycleTables {
  case_waivers: CaseWaiversTable;
}
