import type { Kysely, Transaction } from 'kysely';
import type { MoneyOrder } from '@shared/domain/verification/fees';
import type { Database } from '../vault/schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * F3 input for the checklist: the case's orders that pay the fee — still held or cashed
 * (returned and lapsed ones do not, see paysFee) and belonging to the current set (I4). After a
 * re-submission an order counts when it was received on or after `fromDay` (the re-sent
 * envelope's arrival day, or the attach day when no envelope was linked; null for a first set):
 * the earlier set's orders belong to the deficient application, even when staff record them late.
 */
export async function feeOrdersOf(db: Db, caseId: string, fromDay: string | null): Promise<MoneyOrder[]> {
  let q = db.selectFrom('money_orders').select('face_value').where('case_id', '=', caseId).where('state', 'in', ['received', 'cashed']);
  if (fromDay !== null) q = q.where('received_on', '>=', fromDay);
  const rows = await q.execute();
  return rows.map((r) => ({ faceValue: r.face_value }));
}
