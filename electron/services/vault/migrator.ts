import { sql, type Kysely } from 'kysely';
import { KaijiError } from '@shared/errors';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { dialectOf } from './migrations/dialect';
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
  if (!steps.some((s) => s.version > current)) return { from: current, to: current };
  return db.transaction().execute(async (trx) => {
    let tableNow = hasTable;
    let from = current;
    if (dialectOf(trx as unknown as Kysely<unknown>) === 'postgres') {
      // Several desks may start one new build at once (#16): one upgrades, the others wait
      // here and then find nothing left to do.
      await sql`select pg_advisory_xact_lock(${SCHEMA_LOCK})`.execute(trx);
      tableNow = (await trx.introspection.getTables()).some((t) => t.name === 'schema_migrations');
      from = tableNow ? await currentVersion(trx as unknown as Kysely<Database>) : 0;
    }
    const pending = steps.filter((s) => s.version > from);
    if (pending.length === 0) return { from, to: from };
    if (!tableNow) {
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
    return { from, to: pending[pending.length - 1]!.version };
  });
}

async function currentVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export { LATEST_SCHEMA_VERSION };

/** Any fixed number: the advisory lock every desk's upgrade takes on an office database. */
export const SCHEMA_LOCK = 0x6b61696a; // 'kaij'
