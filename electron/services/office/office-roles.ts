/**
 * Least privilege on the office database (#16 item 6). Two roles:
 * - the owner creates the schema and runs the one migration list;
 * - the app role, which every desk connects as, reads and writes the schema's tables and
 *   nothing else: no CREATE anywhere, no UPDATE/DELETE/TRUNCATE on the audit trail (and
 *   migration 038's triggers refuse those for the owner too).
 * The statements are plain SQL so an office's database administrator can read and run them
 * (`npm run office -- sql`); the trial server runs the same ones.
 */
export interface OfficeNames {
  readonly database: string;
  readonly schema: string;
  readonly owner: string;
  readonly app: string;
}

export const DEFAULT_OFFICE_NAMES: OfficeNames = { database: 'kaiji', schema: 'kaiji', owner: 'kaiji_owner', app: 'kaiji_app' };

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

function ident(name: string): string {
  // Names are spliced into DDL (identifiers cannot be bound): only plain lower-case ones.
  if (!IDENT.test(name)) throw new Error(`not a plain PostgreSQL name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** A password as an SQL string literal. */
export function passwordLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Run as a superuser connected to the server's maintenance database ("postgres"). Passwords are
 * SQL expressions: `passwordLiteral(pw)`, or psql variables (`:'owner_password'`) in the script
 * printed for a database administrator.
 */
export function serverStatements(names: OfficeNames, passwords: { owner: string; app: string }): string[] {
  const { owner, app, database } = { owner: ident(names.owner), app: ident(names.app), database: ident(names.database) };
  return [
    `CREATE ROLE ${owner} LOGIN PASSWORD ${passwords.owner}`,
    `CREATE ROLE ${app} LOGIN PASSWORD ${passwords.app}`,
    `CREATE DATABASE ${database} OWNER ${owner} ENCODING 'UTF8' TEMPLATE template0`,
    `REVOKE ALL ON DATABASE ${database} FROM PUBLIC`,
    `GRANT CONNECT ON DATABASE ${database} TO ${app}`,
  ];
}

/** Run as a superuser connected to the office database itself. */
export function databaseStatements(names: OfficeNames): string[] {
  const { owner, app, schema } = { owner: ident(names.owner), app: ident(names.app), schema: ident(names.schema) };
  return [
    // Nobody may create objects in "public" (PostgreSQL 15+ default, stated for 14-and-older dumps).
    `REVOKE ALL ON SCHEMA public FROM PUBLIC`,
    `CREATE SCHEMA ${schema} AUTHORIZATION ${owner}`,
    `GRANT USAGE ON SCHEMA ${schema} TO ${app}`,
    `ALTER ROLE ${owner} IN DATABASE ${ident(names.database)} SET search_path = ${schema}`,
    `ALTER ROLE ${app} IN DATABASE ${ident(names.database)} SET search_path = ${schema}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
  ];
}

/**
 * Run as the owner after every schema upgrade: tables made by earlier steps are covered by the
 * default privileges, and the audit trail loses what the defaults gave it.
 */
export function grantStatements(names: OfficeNames): string[] {
  const { app, schema } = { app: ident(names.app), schema: ident(names.schema) };
  return [
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${app}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${schema}."audit_log" FROM ${app}`,
    `REVOKE ALL ON ${schema}."schema_migrations" FROM ${app}`,
    `GRANT SELECT ON ${schema}."schema_migrations" TO ${app}`,
  ];
}
