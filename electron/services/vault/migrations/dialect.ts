import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The few places where one migration list serves both back ends (#16 item 1): a step asks
 * which dialect it runs on instead of there being two lists. SQLite output must stay
 * byte-identical to what shipped (test/integration/office-postgres.test.ts compares).
 */
export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<unknown>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Binary column type: SQLite's `blob`, PostgreSQL's `bytea`. */
export function blobType(db: Kysely<unknown>): 'blob' | 'bytea' {
  return dialectOf(db) === 'postgres' ? 'bytea' : 'blob';
}

/**
 * Refuses changes to a row once `status = 'issued'` (issued letters are evidence, R1/R5):
 * UPDATE of the listed columns (all columns when `columns` is null) and DELETE both raise
 * LETTER_ISSUED, in each dialect's trigger syntax.
 */
export async function refuseChangesOnceIssued(
  db: Kysely<unknown>,
  table: string,
  names: { frozen: string; kept: string },
  columns: readonly string[] | null,
): Promise<void> {
  const of = columns ? ` OF ${columns.join(', ')}` : '';
  if (dialectOf(db) === 'sqlite') {
    await sql
      .raw(`CREATE TRIGGER ${names.frozen} BEFORE UPDATE${of} ON ${table}\n      WHEN OLD.status = 'issued'\n      BEGIN SELECT RAISE(ABORT, 'LETTER_ISSUED'); END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${names.kept} BEFORE DELETE ON ${table}\n      WHEN OLD.status = 'issued'\n      BEGIN SELECT RAISE(ABORT, 'LETTER_ISSUED'); END`)
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION kaiji_refuse_issued() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'LETTER_ISSUED' USING ERRCODE = 'P0001'; END $$`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ${names.frozen} BEFORE UPDATE${of} ON ${table} FOR EACH ROW WHEN (OLD.status = 'issued') EXECUTE FUNCTION kaiji_refuse_issued()`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ${names.kept} BEFORE DELETE ON ${table} FOR EACH ROW WHEN (OLD.status = 'issued') EXECUTE FUNCTION kaiji_refuse_issued()`)
    .execute(db);
}
