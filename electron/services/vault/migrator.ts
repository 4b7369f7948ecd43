import type { Kysely } from 'kysely';
import { KaijiError } from '@shared/errors';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import type { SchemaMigration } from './migrations/types';
import type { Database } from './schema';

/**
 * Brings the schema up to date in one transaction: all pending steps land, or none.
 * A database written by a newer Kaiji is refused before anything is written.
 */
export async function migrate(
  db: Kysely<Database>,
  steps: readonly SchemaMigration[] = migrations,
  now: () => Date = () => new Date(),
): Promise<{ from: number; to: number }> {
  const latest = steps.length ? steps[steps.length - 1]!.version : 0;
  const tables = await db.introspection.getTables();
  const hasTable = tables.some((t) => t.name === 'schema_migrations');
  const current = hasTable ? await currentVersion(db) : 0;
  if (current > latest) {
    throw new KaijiError('VAULT_TOO_NEW', { found: current, supported: latest });
  }
  const pending = steps.filter((s) => s.version > current);
  if (pending.length === 0) return { from: current, to: current };
  await db.transaction().execute(async (trx) => {
    if (!hasTable) {
      await trx.schema
        .createTable('schema_migrations')
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
    }
    for (const step of pending) {
      await step.up(trx as unknown as Kysely<unknown>);
      await trx
        .insertInto('schema_migrations')
        .values({ version: step.version, name: step.name, applied_at: now().toISOString() })
        .execute();
    }
  });
  return { from: current, to: pending[pending.length - 1]!.version };
}

async function currentVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export { LATEST_SCHEMA_VERSION };
