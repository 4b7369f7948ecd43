// #16 item 1: a desk connects to the office database named in its settings, through the real
// dispatcher, on the run's embedded PostgreSQL (the "postgres" project): "test connection" reports
// each refusal in ja/en without saving; "save and use" writes office.json, its pgpass and CA files
// owner-only in the desk's data folder and switches the desk's back end in place (and back to the
// local vault); the next start reads the saved choice. No password in any file but the pgpass, any
// log line, error, result or audit entry.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { createDispatch } from '../../electron/services/core/dispatch';
import { KaijiCore } from '../../electron/services/core/kaiji-core';
import { DESK_CA_FILE, DESK_OFFICE_FILE, DESK_PGPASS_FILE, officeAtStart } from '../../electron/services/office/desk-connection';
import type { OfficeConnection } from '../../electron/services/office/office-database';
import { LATEST_SCHEMA_VERSION } from '../../electron/services/vault/migrator';
import { ADMIN, value } from '../helpers/core';
import { freePort } from '../helpers/free-port';
import { freshOfficeDatabase, superuserOf } from '../helpers/office-test-server';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const TLS = join(import.meta.dirname, '../fixtures/office-tls');
const pem = (name: string) => readFileSync(join(TLS, name), 'utf8');

type Call = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function desk(dataDir: string, options: Partial<ConstructorParameters<typeof KaijiCore>[0]> = {}): { core: KaijiCore; call: Call; dispose: () => Promise<void> } {
  const core = new KaijiCore({ dataDir, mode: 'web', ocrWorkers: 1, scannerPollMs: 3_600_000, ...options });
  let disposed = false;
  const dispose = async () => {
    if (!disposed) await core.dispose();
    disposed = true;
  };
  cleanups.push(dispose);
  return { core, call: createDispatch(core) as Call, dispose };
}

async function asSuperuser<T>(database: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(superuserOf(inject('kaijiOffice')!, database));
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh office database (migrated, not set up), dropped after the test. */
async function officeDatabase(): Promise<OfficeConnection> {
  const office = await freshOfficeDatabase(inject('kaijiOffice')!);
  cleanups.push(() => asSuperuser('postgres', (c) => c.query(`DROP DATABASE IF EXISTS "${office.database}" WITH (FORCE)`).then(() => undefined)));
  return office;
}

const inputOf = (c: OfficeConnection) => ({ host: c.host, port: c.port, database: c.database, user: c.user, password: c.password });

/** Everything written to stderr while `run` runs (the services' only log). */
async function stderrOf<T>(run: () => Promise<T>): Promise<{ result: T; log: string }> {
  const original = process.stderr.write.bind(process.stderr);
  let log = '';
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    log += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  try {
    return { result: await run(), log };
  } finally {
    process.stderr.write = original;
  }
}

function refused(r: Result<unknown>): { code: string; ja: string; en: string } {
  if (r.ok) throw new Error('expected a refusal');
  return { code: r.error.code, ja: r.error.message.ja, en: r.error.message.en };
}

/**
 * The PostgreSQL side of a TLS server, as far as the handshake: answers the SSL request with 'S'
 * and then presents a certificate for localhost/127.0.0.1 signed by test CA "A"; whatever comes
 * after the handshake is cut off.
 */
async function tlsEndpoint(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => {
      socket.write('S');
      const tls = new TLSSocket(socket, { isServer: true, key: pem('server.key'), cert: pem('server.pem') });
      tls.on('error', () => undefined);
      tls.once('data', () => tls.destroy());
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.skipIf(process.env.KAIJI_TEST_BACKEND !== 'postgres')('the office connection screen (#16 item 1)', () => {
  it('test connection: the right password reports server and schema and saves nothing; each wrong setting is its own ja/en refusal', async () => {
    const office = await officeDatabase();
    const dataDir = tempDir();
    const { call } = desk(dataDir);
    const before = readdirSync(dataDir).sort();

    const { result: probe, log } = await stderrOf(() => call('office.check', inputOf(office)));
    expect(value(probe)).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, supportedSchemaVersion: LATEST_SCHEMA_VERSION, tls: false, setUp: false });
    expect(value(probe).serverVersion).toMatch(/^\d+\.\d+/);
    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect(value(await call('office.status', {}))).toEqual({ backend: 'vault', source: 'none' });

    const wrong = `${office.password}-not`;
    const attempts = await stderrOf(async () => ({
      password: refused(await call('office.check', { ...inputOf(office), password: wrong })),
      database: refused(await call('office.check', { ...inputOf(office), database: 'kaiji_no_such_database' })),
      nobody: refused(await call('office.check', { ...inputOf(office), port: await freePort() })),
      // Saving is refused the same way, and writes nothing.
      save: refused(await call('office.use', { ...inputOf(office), password: wrong })),
    }));
    expect(attempts.result.password.code).toBe('OFFICE_WRONG_PASSWORD');
    expect(attempts.result.database.code).toBe('OFFICE_NO_DATABASE');
    expect(attempts.result.nobody.code).toBe('OFFICE_UNREACHABLE');
    expect(attempts.result.save.code).toBe('OFFICE_WRONG_PASSWORD');
    expect(readdirSync(dataDir).sort()).toEqual(before);
    for (const r of Object.values(attempts.result)) {
      expect(r.ja).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(r.en).toMatch(/^[\x20-\x7e]+$/);
      // The driver's text names hosts and roles; none of it reaches a message.
      for (const secretOrName of [wrong, office.password, office.database, office.user, String(office.port)]) {
        expect(r.ja).not.toContain(secretOrName);
        expect(r.en).not.toContain(secretOrName);
      }
    }
    expect(log + attempts.log).not.toContain(office.password);
    expect(attempts.log).not.toContain(wrong);

    // A database of the server that is not Kaiji's: the app role may connect, but there are no Kaiji tables.
    const plain = `kaiji_t_plain_${randomBytes(6).toString('hex')}`;
    await asSuperuser('postgres', (c) => c.query(`CREATE DATABASE "${plain}"`));
    cleanups.push(() => asSuperuser('postgres', (c) => c.query(`DROP DATABASE IF EXISTS "${plain}" WITH (FORCE)`).then(() => undefined)));
    expect(refused(await call('office.check', { ...inputOf(office), database: plain })).code).toBe('OFFICE_NOT_KAIJI');

    // A schema newer than this build (another desk's newer Kaiji upgraded it), then an older one.
    await asSuperuser(office.database, (c) => c.query(`insert into kaiji.schema_migrations (version, name, applied_at) values ($1, 'from a newer Kaiji', now()::text)`, [LATEST_SCHEMA_VERSION + 1]));
    expect(refused(await call('office.check', inputOf(office))).code).toBe('VAULT_TOO_NEW');
    await asSuperuser(office.database, (c) => c.query(`delete from kaiji.schema_migrations where version >= $1`, [LATEST_SCHEMA_VERSION]));
    expect(refused(await call('office.check', inputOf(office))).code).toBe('OFFICE_SCHEMA_OLD');
  });

  it('TLS: another host needs the office CA before anything is sent; no TLS, a foreign CA and a file that is no certificate are each named', async () => {
    const office = await officeDatabase();
    const { call } = desk(tempDir());
    // Not loopback and no CA: refused before any lookup or connection (the name does not resolve anywhere).
    expect(refused(await call('office.check', { ...inputOf(office), host: 'db.office.invalid' })).code).toBe('OFFICE_TLS_REQUIRED');
    expect(refused(await call('office.use', { ...inputOf(office), host: 'db.office.invalid' })).code).toBe('OFFICE_TLS_REQUIRED');
    // With a CA the desk insists on TLS; the test server speaks none.
    expect(refused(await call('office.check', { ...inputOf(office), caPem: pem('ca-a.pem') })).code).toBe('OFFICE_NO_TLS');
    // A server whose certificate CA "A" signed: CA "B" cannot vouch for it; CA "A" gets past the handshake.
    const endpoint = await tlsEndpoint();
    cleanups.push(endpoint.close);
    const tlsInput = { ...inputOf(office), host: '127.0.0.1', port: endpoint.port };
    expect(refused(await call('office.check', { ...tlsInput, caPem: pem('ca-b.pem') })).code).toBe('OFFICE_WRONG_CA');
    expect(refused(await call('office.check', { ...tlsInput, caPem: pem('ca-a.pem') })).code).toBe('OFFICE_UNREACHABLE');
    // PEM armour around something that is not a certificate, and text that is not PEM at all.
    expect(refused(await call('office.check', { ...inputOf(office), caPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' })).code).toBe('OFFICE_CA_INVALID');
    expect(refused(await call('office.check', { ...inputOf(office), caPem: 'not a certificate' })).code).toBe('OFFICE_CA_INVALID');
  });

  it('a desk whose office cannot be reached goes back to its local vault at once (the way out from the start screen)', async () => {
    const office = await officeDatabase();
    const { call } = desk(tempDir(), { office: { ...office, port: await freePort() }, officeSource: 'desk' });
    expect(refused(await call('vault.status', {})).code).toBe('OFFICE_UNREACHABLE');
    expect(value(await call('office.useLocal', {}))).toEqual({ backend: 'vault', source: 'none' });
    expect(value(await call('vault.status', {})).state).toBe('uninitialized');
    // And on to the office that does answer, from the same running desk.
    expect(value(await call('office.use', inputOf(office))).backend).toBe('office');
    expect(value(await call('vault.status', {})).state).toBe('uninitialized');
  });

  it('save and use: owner-only files, the desk on the office at once and at the next start, back to the local vault; no password in logs, results or the audit trail', async () => {
    const office = await officeDatabase();
    const dataDir = tempDir();
    const { result: flow, log } = await stderrOf(async () => {
      const { core, call, dispose } = desk(dataDir);
      // The desk's own vault, set up before the office comes.
      value(await call('vault.setup', { ...ADMIN, companyName: '株式会社ローカル' }));
      value(await call('vault.lock', {}));

      const used = value(await call('office.use', inputOf(office)));
      expect(used).toEqual({ backend: 'office', source: 'desk', connection: { host: office.host, port: office.port, database: office.database, user: office.user, tls: false } });
      expect(core.vault.kind).toBe('office');
      for (const name of [DESK_OFFICE_FILE, DESK_PGPASS_FILE]) expect(statSync(join(dataDir, name)).mode & 0o777, name).toBe(0o600);
      expect(existsSync(join(dataDir, DESK_CA_FILE))).toBe(false);
      const officeJson = readFileSync(join(dataDir, DESK_OFFICE_FILE), 'utf8');
      expect(JSON.parse(officeJson)).toEqual({ host: office.host, port: office.port, database: office.database, user: office.user, passwordFile: DESK_PGPASS_FILE });
      expect(officeJson).not.toContain(office.password);
      expect(readFileSync(join(dataDir, DESK_PGPASS_FILE), 'utf8')).toBe(`${office.host}:${office.port}:${office.database}:${office.user}:${office.password}\n`);

      // The office is new: this desk sets it up, as a first desk does.
      expect(value(await call('vault.status', {})).state).toBe('uninitialized');
      value(await call('vault.setup', { ...ADMIN, companyName: '株式会社オフィス' }));
      const info = value(await call('office.info', {}));
      expect(info).toMatchObject({ backend: 'office', source: 'desk', schemaVersion: LATEST_SCHEMA_VERSION, supportedSchemaVersion: LATEST_SCHEMA_VERSION });
      expect(info.serverVersion).toMatch(/^\d+\.\d+/);
      // Signed in: no switching under a session.
      expect(refused(await call('office.useLocal', {})).code).toBe('OFFICE_SIGN_OUT_FIRST');
      expect(refused(await call('office.use', inputOf(office))).code).toBe('OFFICE_SIGN_OUT_FIRST');
      value(await call('vault.lock', {}));

      // Back to the local vault: the office files go, the vault is there as it was.
      expect(value(await call('office.useLocal', {}))).toEqual({ backend: 'vault', source: 'none' });
      for (const name of [DESK_OFFICE_FILE, DESK_PGPASS_FILE, DESK_CA_FILE]) expect(existsSync(join(dataDir, name)), name).toBe(false);
      expect(value(await call('vault.status', {})).state).toBe('locked');
      value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
      expect(value(await call('vault.status', {})).companyName).toBe('株式会社ローカル');
      expect(value(await call('office.info', {}))).toEqual({ backend: 'vault', source: 'none', supportedSchemaVersion: LATEST_SCHEMA_VERSION });
      value(await call('vault.lock', {}));

      // And to the office again, now set up: the office's trail will say a desk joined.
      value(await call('office.use', inputOf(office)));
      expect(value(await call('vault.status', {})).state).toBe('locked');
      await dispose();

      // The next start reads the saved choice (no KAIJI_OFFICE, no --office)...
      const start = officeAtStart(dataDir, { env: {} });
      expect(start).toEqual({ source: 'desk', connection: { ...office, caFile: undefined } });
      // ...unless the start names one, which the screen then may not change.
      expect(officeAtStart(dataDir, { env: { KAIJI_OFFICE: join(dataDir, DESK_OFFICE_FILE) } }).source).toBe('start');
      const again = desk(dataDir, { office: start.connection, officeSource: start.source });
      value(await again.call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
      expect(value(await again.call('vault.status', {})).companyName).toBe('株式会社オフィス');
      const trail = value(await again.call('audit.list', { limit: 500 }));
      const left = value(await again.call('audit.list', { action: 'office.desk_left' }));
      const joined = value(await again.call('audit.list', { action: 'office.desk_connected' }));
      value(await again.call('vault.lock', {}));
      await again.dispose();
      const fixed = desk(dataDir, { office: start.connection, officeSource: 'start' });
      const setAtStart = refused(await fixed.call('office.useLocal', {}));
      return { trail, left, joined, setAtStart, results: JSON.stringify([used, info]) };
    });
    // Leaving and joining the office are in its trail (moved in from while it was locked), with no connection details.
    expect(flow.left.entries).toHaveLength(1);
    expect(flow.joined.entries).toHaveLength(1);
    // When the desk joined (the drain adds it), from and to: nothing about the connection.
    expect(flow.joined.entries[0]!.summary).toEqual({ from: 'vault', to: 'office', attemptedAt: expect.any(String) });
    expect(flow.setAtStart.code).toBe('OFFICE_SET_AT_START');
    for (const haystack of [JSON.stringify(flow.trail), flow.results, log]) expect(haystack).not.toContain(office.password);
    expect(JSON.stringify(flow.trail)).not.toContain(office.database);
  });
});
