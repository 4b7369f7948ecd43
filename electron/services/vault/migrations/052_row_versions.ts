import type { Kysely } from 'kysely';
import { VERSIONED_TABLES } from '../../concurrency/versions';
import type { SchemaMigration } from './types';

/**
 * #16 item 3: optimistic versions. Every row a person edits carries the version the desk
 * read; an edit is `… where id = ? and version = ?` and bumps it, so a write from a stale
 * view matches no row and is refused as CONFLICT instead of silently overwriting another
 * desk's change (services/concurrency/versions.ts). Same DDL in both dialects.
 */
export const m052: SchemaMigration = {
  version: 52,
  name: 'row_versions',
  async up(db: Kysely<unknown>) {
    for (const table of VERSIONED_TABLES) {
      await db.schema.alterTable(table).addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    }
  },
};
