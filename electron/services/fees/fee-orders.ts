import type { Kysely, Transaction } from 'kysely';
import { isoDateInJapan } from '@shared/domain/dates';
import type { MoneyOrder } from '@shared/domain/verification/fees';
import type { Database } from '../vault/schema';
import { resubmittedOn } from '../verification/resubmitted-on';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * F3 input for the checklist: the case's orders that pay the fee — still held or cashed
 * (returned and lapsed ones do not, see paysFee) and belonging to the current set (I4). After a
 * re-submission (`since`, the ISO timestamp the re-sent set was attached) an order counts when it
 * was received on or after the re-sent envelope's arrival day (the attach day when no envelope
 * was linked): the earlier set's orders belong to the deficient application, even when staff
 * record them late.
 */
export async function feeOrdersOf(db: Db, caseId: string, since: string | null): Promise<MoneyOrder[]> {
  let q = db.selectFrom('money_orders').select('face_value').where('case_id', '=', caseId).where('state', 'in', ['received', 'cashed']);
  if (since !== null) {
    const day = (await resubmittedOn(db, caseId, since)) ?? isoDateInJapan(new Date(since));
    q = q.where('received_on', '>=', day);
  }
  const rows = await q.execute();
  return rows.map((r) => ({ faceValue: r.face_value }));
}
