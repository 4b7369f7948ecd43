import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/**
 * Reports (#15 item 4): fees by month of each event (F4) as covering index ranges, not a scan of
 * every money order.
 */
export const m025: SchemaMigration = {
  version: 25,
  name: 'report_indexes',
  async up(db: Kysely<unknown>) {
    for (const col of ['received_on', 'cashed_on', 'returned_on']) {
      await db.schema.createIndex(`money_orders_${col}_value`).on('money_orders').columns([col, 'face_value']).execute();
    }
  },
};
