import { readFileSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrate, SCHEMA_LOCK } from '../vault/migrator';
import type { Database } from '../vault/schema';
import { databaseStatements, grantStatements, passwordLiteral, serverStatements, type OfficeNames } from './office-roles';

/** Where a desk finds the office database (desk settings; no personal data). */
export interface OfficeConnection {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly password: string;
  /** PEM file of the office's CA. Required unless the host is loopback. */
  readonly caFile?: string;
  /** The CA as PEM text instead of a file (the connection screen's test, before anything is saved). */
  readonly ca?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** TLS with full verification for every host but loopback: the wire carries only ciphertext and MACs, but credentials too. */
export function poolConfig(c: OfficeConnection, max = 4): pg.PoolConfig {
  const loopback = LOOPBACK.has(c.host);
  if (!loopback && !c.caFile && !c.ca) throw new Error('an office database on another host needs the office CA file (TLS verify-full)');
  const ca = c.ca ?? (c.caFile ? readFileSync(c.caFile, 'utf8') : undefined);
  return {
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    password: c.password,
    max,
    ssl: ca ? { ca, rejectUnauthorized: true, servername: c.host } : undefined,
    application_name: 'kaiji',
  };
}

function clientConfig(c: OfficeConnection): pg.ClientConfig {
  const { max: _max, ...client } = poolConfig(c);
  return client;
}

/**
 * `backends`: filled with the server process ids of the pool's connections, so the desk's
 * change listener can tell its own notices from other desks' (#16 item 3).
 */
export function officeKysely(c: OfficeConnection, max = 4, backends?: Set<number>): Kysely<Database> {
  const pool = officeConnectionPool(c, max);
  if (backends) {
    const pid = (client: pg.PoolClient) => (client as unknown as { processID: number }).processID;
    pool.on('connect', (client) => void backends.add(pid(client)));
    pool.on('remove', (client) => void backends.delete(pid(client as pg.PoolClient)));
  }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * A pool whose idle connections may be cut by the server (a restart, a failover, an
 * administrator's pg_terminate_backend, a test dropping its database): pg emits that on the
 * pool, and with no listener Node ends the whole process. The pool has already dropped the
 * broken connection and opens a new one for the next query, so there is nothing more to do.
 */
export function officeConnectionPool(c: OfficeConnection, max: number): pg.Pool {
  const pool = new pg.Pool(poolConfig(c, max));
  pool.on('error', () => undefined);
  return pool;
}

/** One connection outside any pool (the desk's LISTEN connection), with the pool's TLS rules. */
export async function officeClient(c: OfficeConnection): Promise<pg.Client> {
  const client = new pg.Client(clientConfig(c));
  await client.connect();
  return client;
}

async function runAll(client: pg.Client, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await client.query(statement);
}

/**
 * Creates the roles, the database and its schema (superuser, once per office), as
 * office-roles.ts lists them. Refuses to run over an existing office database.
 */
export async function provisionOffice(
  superuser: Omit<OfficeConnection, 'database'>,
  names: OfficeNames,
  passwords: { owner: string; app: string },
): Promise<void> {
  const server = new pg.Client(clientConfig({ ...superuser, database: 'postgres' }));
  await server.connect();
  try {
    await runAll(server, serverStatements(names, { owner: passwordLiteral(passwords.owner), app: passwordLiteral(passwords.app) }));
  } finally {
    await server.end();
  }
  const office = new pg.Client(clientConfig({ ...superuser, database: names.database }));
  await office.connect();
  try {
    await office.query('BEGIN');
    try {
      await runAll(office, databaseStatements(names));
      await office.query('COMMIT');
    } catch (error) {
      await office.query('ROLLBACK');
      throw error;
    }
  } finally {
    await office.end();
  }
}

/**
 * Brings the office schema to this build's version (the one migration list, under an advisory
 * lock) and re-applies the app role's grants. Run with the owner's connection.
 */
export async function upgradeOfficeSchema(owner: OfficeConnection, names: OfficeNames): Promise<{ from: number; to: number }> {
  const db = officeKysely(owner, 1);
  try {
    const result = await migrate(db);
    // Under the upgrade's lock too: two GRANTs on one table at once fail ("tuple concurrently updated").
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${SCHEMA_LOCK})`.execute(trx);
      for (const statement of grantStatements(names)) await sql.raw(statement).execute(trx);
    });
    return result;
  } finally {
    await db.destroy();
  }
}
