/** The settings the stored case deadlines were computed with (one row, id 1; migration 009). */
export interface DeadlineBasisTable {
  id: number;
  /** e.g. `14:calendar`: target days and day count. */
  basis: string;
  /** Newest case_fields.updated_at of a request-kind field already copied to cases.request_kinds. */
  kinds_through: string | null;
}

export interface DeadlineTables {
  deadline_basis: DeadlineBasisTable;
}
