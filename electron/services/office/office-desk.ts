import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { poolConfig, type OfficeConnection } from './office-database';

/**
 * How a desk chooses an office database (#16 item 1): `KAIJI_OFFICE=/path/to/office.json` (or
 * `--office FILE` in web mode). The file holds no personal data, only where the server is:
 *
 *   { "host": "db.office.example", "port": 5432, "database": "kaiji", "user": "kaiji_app",
 *     "caFile": "office-ca.pem", "passwordFile": "kaiji.pgpass" }
 *
 * It must be private to its owner (0600): it names the role, and its password file (pgpass
 * format `host:port:database:user:password`, or the password alone) opens the ciphertext.
 * Relative paths are beside office.json. TLS `verify-full` with the office CA for every host but
 * loopback (poolConfig). Without the variable the desk uses its local vault, as before.
 */
export interface OfficeDeskFile {
  host: string;
  port?: number;
  database?: string;
  user?: string;
  caFile?: string;
  passwordFile?: string;
}

export class OfficeDeskError extends Error {
  constructor(
    readonly ja: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export function officeFromEnv(env: NodeJS.ProcessEnv = process.env): OfficeConnection | undefined {
  return env.KAIJI_OFFICE ? readOfficeDesk(env.KAIJI_OFFICE) : undefined;
}

export function readOfficeDesk(path: string): OfficeConnection {
  assertPrivate(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new OfficeDeskError(`${path} を JSON として読めません`, `${path} is not readable JSON`);
  }
  const f = raw as Partial<OfficeDeskFile>;
  if (typeof f.host !== 'string' || !f.host) throw new OfficeDeskError('office.json に host がありません', 'office.json has no host');
  const port = f.port ?? 5432;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new OfficeDeskError('office.json の port が正しくありません', 'office.json: port must be 1-65535');
  const here = dirname(path);
  const beside = (p: string) => (isAbsolute(p) ? p : join(here, p));
  const database = f.database ?? 'kaiji';
  const user = f.user ?? 'kaiji_app';
  const caFile = f.caFile ? beside(f.caFile) : undefined;
  try {
    // Checked now (CA present and readable for a remote host), not at the first query.
    poolConfig({ host: f.host, port, database, user, password: '', caFile });
  } catch {
    throw new OfficeDeskError(
      '事務所データベースが別のホストにあるときは、読める事務所の CA ファイル（caFile）が必要です（TLS verify-full）',
      'an office database on another host needs a readable office CA file (caFile; TLS verify-full)',
    );
  }
  const password = f.passwordFile ? passwordFrom(beside(f.passwordFile), { host: f.host, port, database, user }) : '';
  return { host: f.host, port, database, user, password, caFile };
}

function assertPrivate(path: string): void {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    throw new OfficeDeskError(`${path} が見つかりません`, `${path} not found`);
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new OfficeDeskError(`${path} は所有者だけが読めるようにしてください（chmod 600）`, `${path} must be readable by its owner only (chmod 600)`);
  }
}

/** A pgpass line matching the connection (`*` matches anything), or a file holding only the password. */
function passwordFrom(path: string, c: { host: string; port: number; database: string; user: string }): string {
  assertPrivate(path);
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
  const fields = (line: string) => line.split(/(?<!\\):/).map((x) => x.replace(/\\([:\\])/g, '$1'));
  for (const line of lines) {
    const parts = fields(line);
    if (parts.length !== 5) continue;
    const [host, port, database, user, password] = parts as [string, string, string, string, string];
    const ok = (want: string, have: string) => want === '*' || want === have;
    if (ok(host, c.host) && ok(port, String(c.port)) && ok(database, c.database) && ok(user, c.user)) return password;
  }
  if (lines.length === 1 && fields(lines[0]!).length === 1) return lines[0]!.trim();
  throw new OfficeDeskError(`${path} に ${c.user} のパスワードがありません`, `${path} holds no password for ${c.user}`);
}
