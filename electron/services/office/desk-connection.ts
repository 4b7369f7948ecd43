import { X509Certificate } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { OfficeConnectionInput, OfficeProbe, OfficeSource } from '@shared/contract/channels/office';
import { KaijiError } from '@shared/errors';
import { fsyncDir } from '../vault/keyslot-file';
import { LATEST_SCHEMA_VERSION } from '../vault/migrator';
import { poolConfig, type OfficeConnection } from './office-database';
import { readOfficeDesk, type OfficeDeskFile } from './office-desk';

/**
 * #16 item 1: a desk chooses its office database in the app. The choice is the same office.json
 * README describes (office-desk.ts reads it), written into the desk's own data folder with its
 * pgpass file and the office CA beside it, each owner-only (0600) and written atomically; the
 * desk then starts on it by itself at every start. KAIJI_OFFICE or `--office` still win at start
 * (source 'start'), and then the screen may test but not switch.
 */
export const DESK_OFFICE_FILE = 'office.json';
export const DESK_PGPASS_FILE = 'kaiji.pgpass';
export const DESK_CA_FILE = 'office-ca.pem';

export interface DeskOfficeChoice {
  connection?: OfficeConnection;
  source: OfficeSource;
}

/** How a desk picks its back end at start: `--office FILE`, else KAIJI_OFFICE, else the data folder's office.json, else the local vault. */
export function officeAtStart(dataDir: string, options: { flag?: string; env?: NodeJS.ProcessEnv } = {}): DeskOfficeChoice {
  const explicit = options.flag ?? (options.env ?? process.env).KAIJI_OFFICE;
  if (explicit) return { connection: readOfficeDesk(explicit), source: 'start' };
  const own = join(dataDir, DESK_OFFICE_FILE);
  if (existsSync(own)) return { connection: readOfficeDesk(own), source: 'desk' };
  return { source: 'none' };
}

/** What the screen sent, as a connection (the CA as text: nothing is on disk while testing). */
export function connectionOfInput(input: OfficeConnectionInput): OfficeConnection {
  const ca = input.caPem?.trim() ? `${input.caPem.trim()}\n` : undefined;
  return { host: input.host.trim(), port: input.port, database: input.database.trim(), user: input.user.trim(), password: input.password, ca };
}

const CONNECT_TIMEOUT_MS = 10_000;

/** Node's certificate verification failures: the CA does not vouch for the server (or not for this host name). */
const CERT_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

/**
 * A driver or TLS failure as one of the screen's typed errors. The driver's own text names hosts
 * and roles and never reaches a message, a log or an error detail.
 */
export function connectFailure(error: unknown): KaijiError {
  if (error instanceof KaijiError) return error;
  const e = error as { code?: string; message?: string };
  const code = e.code ?? '';
  if (code === '28P01') return new KaijiError('OFFICE_WRONG_PASSWORD');
  if (code === '28000') return new KaijiError('OFFICE_LOGIN_REFUSED');
  if (code === '3D000') return new KaijiError('OFFICE_NO_DATABASE');
  if (CERT_CODES.has(code)) return new KaijiError('OFFICE_WRONG_CA');
  // node-postgres answers a server that refuses the SSL request with this sentence (no code).
  if (/does not support SSL/i.test(e.message ?? '')) return new KaijiError('OFFICE_NO_TLS');
  return new KaijiError('OFFICE_UNREACHABLE');
}

function assertCa(pem: string | undefined): void {
  if (!pem) return;
  try {
    if (!/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(pem)) throw new Error('not PEM');
    new X509Certificate(pem);
  } catch {
    throw new KaijiError('OFFICE_CA_INVALID');
  }
}

/**
 * "Test connection": connects as the desk would (TLS verify-full for every host but loopback),
 * then checks that the database is Kaiji's and at this build's schema. Saves nothing.
 */
export async function probeOffice(c: OfficeConnection): Promise<OfficeProbe> {
  assertCa(c.ca);
  let config: pg.PoolConfig;
  try {
    config = poolConfig(c, 1);
  } catch {
    throw new KaijiError('OFFICE_TLS_REQUIRED');
  }
  const { max: _max, ...clientConfig } = config;
  const client = new pg.Client({ ...clientConfig, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: CONNECT_TIMEOUT_MS });
  // A connection dropped later must not become an uncaught 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectFailure(error);
  }
  try {
    const serverVersion = String((await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '');
    const schemaVersion = await kaijiSchemaVersion(client);
    if (schemaVersion > LATEST_SCHEMA_VERSION) throw new KaijiError('VAULT_TOO_NEW', { found: schemaVersion, supported: LATEST_SCHEMA_VERSION });
    if (schemaVersion < LATEST_SCHEMA_VERSION) throw new KaijiError('OFFICE_SCHEMA_OLD', { found: schemaVersion, supported: LATEST_SCHEMA_VERSION });
    const keyring = await client.query<{ n: string }>('select count(*) as n from office_keyring').catch((error: unknown) => {
      throw notKaiji(error);
    });
    return { serverVersion, schemaVersion, supportedSchemaVersion: LATEST_SCHEMA_VERSION, tls: config.ssl !== undefined, setUp: Number(keyring.rows[0]?.n ?? 0) > 0 };
  } catch (error) {
    throw connectFailure(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Kaiji's schema version, or OFFICE_NOT_KAIJI when the database has no Kaiji tables the role can read. */
async function kaijiSchemaVersion(client: pg.Client): Promise<number> {
  try {
    const { rows } = await client.query<{ v: number | null }>('select max(version) as v from schema_migrations');
    return Number(rows[0]?.v ?? 0);
  } catch (error) {
    throw notKaiji(error);
  }
}

function notKaiji(error: unknown): unknown {
  // 42P01: no such table; 42501: the role may not read it (another application's database).
  const code = (error as { code?: string }).code;
  return code === '42P01' || code === '42501' ? new KaijiError('OFFICE_NOT_KAIJI') : error;
}

/** pgpass escaping (`\` and `:`), as office-desk.ts reads it back. */
const pgpassField = (v: string) => v.replace(/[\\:]/g, (m) => `\\${m}`);

/** Write-temp, fsync, rename, fsync(dir), owner-only: a crash leaves the old file or the new one. */
function writePrivateFile(dir: string, name: string, content: string): void {
  const path = join(dir, name);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dir);
}

/**
 * "Save and use": the password and the CA first, office.json last (the file that makes the
 * switch), then read back exactly as the next start will read it.
 */
export function saveDeskOffice(dataDir: string, input: OfficeConnectionInput): OfficeConnection {
  const c = connectionOfInput(input);
  if (c.ca) writePrivateFile(dataDir, DESK_CA_FILE, c.ca);
  writePrivateFile(dataDir, DESK_PGPASS_FILE, `${[c.host, String(c.port), c.database, c.user, c.password].map(pgpassField).join(':')}\n`);
  const file: OfficeDeskFile = { host: c.host, port: c.port, database: c.database, user: c.user, passwordFile: DESK_PGPASS_FILE };
  if (c.ca) file.caFile = DESK_CA_FILE;
  writePrivateFile(dataDir, DESK_OFFICE_FILE, `${JSON.stringify(file, null, 2)}\n`);
  if (!c.ca) rmSync(join(dataDir, DESK_CA_FILE), { force: true });
  return readOfficeDesk(join(dataDir, DESK_OFFICE_FILE));
}

/** Back to the local vault: office.json goes first (the switch), then the password and the CA. */
export function removeDeskOffice(dataDir: string): void {
  for (const name of [DESK_OFFICE_FILE, DESK_PGPASS_FILE, DESK_CA_FILE]) rmSync(join(dataDir, name), { force: true });
  fsyncDir(dataDir);
}
