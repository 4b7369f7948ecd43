import type { Kysely } from 'kysely';
import { dialectOf } from './dialect';
import type { SchemaMigration } from './types';

/**
 * #16 item 1: what a single-desk vault keeps in files beside its database, an office database
 * keeps in tables (office/office-vault.ts). Office databases only.
 * - office_unlock_failures: the unlock throttle's counts per login bucket (one byte of a keyed
 *   hash, as vault.json keeps them: no login can be read back), shared by every desk so
 *   moving to another desk does not reset a count.
 * - office_pending_audit: unlock attempts made while no session was open anywhere, sealed to
 *   the office's audit public key until the next unlock moves them into the chain (S3).
 */
export const m049: SchemaMigration = {
  version: 49,
  name: 'office_desks',
  async up(db: Kysely<unknown>) {
    if (dialectOf(db) !== 'postgres') return;
    await db.schema
      .createTable('office_unlock_failures')
      .addColumn('bucket', 'text', (c) => c.primaryKey())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('last_at', 'bigint')
      .execute();
    await db.schema
      .createTable('office_pending_audit')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sealed', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
