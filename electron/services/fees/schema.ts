/** Tables of the money-order ledger (F1-F4). */
export type MoneyOrderState = 'received' | 'cashed' | 'returned' | 'lapsed';

export interface MoneyOrdersTable {
  id: string;
  case_id: string;
  certificate_no: string;
  /** Yen; one of the 12 face values of a fixed postal money order. */
  face_value: number;
  issued_on: string;
  issuing_office: string;
  received_on: string;
  /** issued_on + 6 months, month-end clamped (F2). */
  payable_until: string;
  state: MoneyOrderState;
  cashed_on: string | null;
  deposit_ref: string | null;
  returned_on: string | null;
  return_letter_id: string | null;
  lapsed_on: string | null;
  note: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** #16 item 3 (migration 052): optimistic version, bumped by every edit (services/concurrency/versions.ts). */
  version?: number;
}

export interface LedgerTables {
  money_orders: MoneyOrdersTable;
}
