import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/** Backups of the vault (#15 item 1, S2). */
export const m020: SchemaMigration = {
  version: 20,
  name: 'backups',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('backup_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('file_name', 'text')
      .addColumn('bytes', 'integer')
      .addColumn('sha256', 'text')
      .addColumn('error_code', 'text')
      .addColumn('started_by', 'text')
      .execute();
    await db.schema.createIndex('backup_runs_status').on('backup_runs').columns(['status', 'finished_at']).execute();
  },
};
