/** A staff member's named filter of a list (#13 item 1; migration 028). */
export interface SavedFiltersTable {
  id: string;
  staff_id: string;
  list: string;
  name: string;
  /** The filter as JSON; parsed with the contract's caseListFilter on the way out. */
  filter: string;
  created_at: string;
  /** #16 item 3 (migration 052): optimistic version, bumped by every edit (services/concurrency/versions.ts). */
  version?: number;
}

export interface WorklistTables {
  saved_filters: SavedFiltersTable;
}
