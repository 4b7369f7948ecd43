import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { OfficeConnection } from '../../electron/services/office/office-database';
import { DEFAULT_OFFICE_NAMES } from '../../electron/services/office/office-roles';

/**
 * The integration matrix's PostgreSQL side (#16 item 3): one embedded server per `npm test` run
 * (test/global-setup-postgres.ts) holding a migrated template database; each data folder a test
 * opens gets a database of its own copied from it (CREATE DATABASE … TEMPLATE: a file copy,
 * no migrations per test), so tests never see each other's rows.
 */
export interface OfficeTestServer {
  port: number;
  superuser: { user: string; password: string };
  passwords: { owner: string; app: string };
  template: string;
}

declare module 'vitest' {
  interface ProvidedContext {
    kaijiOffice: OfficeTestServer | null;
  }
}

export const TEST_TEMPLATE = 'kaiji_template';

/** Which back end useCores opens: `KAIJI_TEST_BACKEND=postgres` (the vitest project "postgres") or the vault. */
export function testBackend(): 'sqlite' | 'postgres' {
  return process.env.KAIJI_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';
}

async function asSuperuser<T>(server: OfficeTestServer, database: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ host: '127.0.0.1', port: server.port, database, ...server.superuser });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh office database for one data folder, as the app role sees it. */
export async function freshOfficeDatabase(server: OfficeTestServer): Promise<OfficeConnection> {
  const name = `kaiji_t_${randomBytes(8).toString('hex')}`;
  const names = DEFAULT_OFFICE_NAMES;
  await asSuperuser(server, 'postgres', async (c) => {
    // Copies may start at once from several test files; PostgreSQL refuses a copy while the template has a session open, so retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE "${name}" TEMPLATE "${server.template}" OWNER "${names.owner}"`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
    // Per-database role settings are not copied with a template.
    await c.query(`ALTER ROLE "${names.app}" IN DATABASE "${name}" SET search_path = "${names.schema}"`);
    await c.query(`ALTER ROLE "${names.owner}" IN DATABASE "${name}" SET search_path = "${names.schema}"`);
  });
  return { host: '127.0.0.1', port: server.port, database: name, user: names.app, password: server.passwords.app };
}

/** Superuser access to one test database (tests that look at what the server holds). */
export function superuserOf(server: OfficeTestServer, database: string): OfficeConnection {
  return { host: '127.0.0.1', port: server.port, database, ...server.superuser };
}
