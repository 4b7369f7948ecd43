import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { MoneyOrderRecord } from '@shared/contract/ledger-types';
import { addDays } from '@shared/domain/verification/date-rules';
import { lapseOf, type MoneyOrderState } from '@shared/domain/money-orders';
import type { Database } from '../vault/schema';
import type { MoneyOrdersTable } from './schema';

export type Db = Kysely<Database> | Transaction<Database>;
export type OrderRow = MoneyOrdersTable & { case_no: string };

export interface LedgerFilter {
  state?: MoneyOrderState;
  caseId?: string;
  from?: string;
  to?: string;
  lapsing?: boolean;
}

/** Orders joined with their case number: the one query every ledger view starts from. */
export function ordersWithCase(db: Db) {
  return db.selectFrom('money_orders').innerJoin('cases', 'cases.id', 'money_orders.case_id');
}

type OrdersQuery<O> = SelectQueryBuilder<Database, 'money_orders' | 'cases', O>;

/** The ledger filter (list, sums and export share it). `lapsing`: still held, last payable day within the horizon or past. */
export function applyFilter<O>(q: OrdersQuery<O>, f: LedgerFilter, today: string, warningDays: number): OrdersQuery<O> {
  if (f.state) q = q.where('money_orders.state', '=', f.state);
  if (f.caseId) q = q.where('money_orders.case_id', '=', f.caseId);
  if (f.from) q = q.where('money_orders.received_on', '>=', f.from);
  if (f.to) q = q.where('money_orders.received_on', '<=', f.to);
  if (f.lapsing) {
    q = q.where('money_orders.state', '=', 'received').where('money_orders.payable_until', '<=', addDays(today, warningDays));
  }
  return q;
}

export function toRecord(r: OrderRow, today: string, warningDays: number): MoneyOrderRecord {
  const lapse = lapseOf(r.state, r.payable_until, today, warningDays);
  return {
    id: r.id,
    caseId: r.case_id,
    caseNo: r.case_no,
    certificateNo: r.certificate_no,
    faceValue: r.face_value,
    issuedOn: r.issued_on,
    issuingOffice: r.issuing_office,
    receivedOn: r.received_on,
    payableUntil: r.payable_until,
    state: r.state,
    cashedOn: r.cashed_on,
    depositRef: r.deposit_ref,
    returnedOn: r.returned_on,
    returnLetterId: r.return_letter_id,
    lapsedOn: r.lapsed_on,
    note: r.note,
    lapse: lapse.status,
    daysLeft: lapse.daysLeft,
  };
}
