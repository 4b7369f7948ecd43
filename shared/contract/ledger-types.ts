import type { LapseStatus, MoneyOrderState } from '../domain/money-orders';

/** One fixed postal money order in the ledger (F1-F4), as the UI and the accounts export see it. */
export interface MoneyOrderRecord {
  id: string;
  caseId: string;
  caseNo: string;
  certificateNo: string;
  faceValue: number;
  issuedOn: string;
  issuingOffice: string;
  receivedOn: string;
  /** issuedOn + 6 months, month-end clamped (F2). */
  payableUntil: string;
  state: MoneyOrderState;
  cashedOn: string | null;
  depositRef: string | null;
  returnedOn: string | null;
  returnLetterId: string | null;
  lapsedOn: string | null;
  note: string;
  /** Computed for today with the office's warning horizon (settings.moneyOrderWarningDays). */
  lapse: LapseStatus;
  daysLeft: number;
}

export interface MoneyOrderLedgerPage {
  orders: MoneyOrderRecord[];
  /** Rows matching the filter (all pages). */
  total: number;
  /** Face values summed over all matching rows, per state (F1/F4). */
  sums: { total: number; received: number; cashed: number; returned: number; lapsed: number };
  today: string;
  warningDays: number;
}

/** Per calendar month (YYYY-MM): received by received date, cashed/returned/lapsed by their dates. */
export interface MoneyOrderMonth {
  month: string;
  receivedCount: number;
  received: number;
  cashedCount: number;
  cashed: number;
  returnedCount: number;
  returned: number;
  lapsedCount: number;
  lapsed: number;
}

export interface MoneyOrderExport {
  fileName: string;
  mimeType: string;
  dataBase64: string;
  rows: number;
  encrypted: boolean;
}
