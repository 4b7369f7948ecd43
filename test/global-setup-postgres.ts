import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { provisionOffice, upgradeOfficeSchema } from '../electron/services/office/office-database';
import { DEFAULT_OFFICE_NAMES } from '../electron/services/office/office-roles';
import { startTrialServer, type TrialServer } from '../electron/services/office/trial-server';
import { TEST_TEMPLATE, type OfficeTestServer } from './helpers/office-test-server';
import { freePort } from './helpers/free-port';


/**
 * One embedded PostgreSQL for the whole "postgres" project of the run (#16 item 3): provisioned
 * as an office's administrator would (roles, least privilege), the schema migrated once into a
 * template that every test's database is copied from. As root (CI) the server runs as the
 * "postgres" OS user: the private temp folder is 0711, the cluster inside 0700.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'kaiji-pg-matrix-'));
  chmodSync(dir, 0o711);
  let server: TrialServer | null = null;
  try {
    const port = await freePort();
    server = await startTrialServer(join(dir, 'pg'), port);
    const names = { ...DEFAULT_OFFICE_NAMES, database: TEST_TEMPLATE };
    const passwords = { owner: randomBytes(12).toString('hex'), app: randomBytes(12).toString('hex') };
    await provisionOffice({ host: '127.0.0.1', port, ...server.superuser }, names, passwords);
    await upgradeOfficeSchema({ host: '127.0.0.1', port, database: TEST_TEMPLATE, user: names.owner, password: passwords.owner }, names);
    // Copies of the template need the template free of sessions; pools above are closed by now.
    const c = new pg.Client({ host: '127.0.0.1', port, database: 'postgres', ...server.superuser });
    await c.connect();
    await c.query(`ALTER DATABASE "${TEST_TEMPLATE}" WITH IS_TEMPLATE true`);
    await c.end();
    const provided: OfficeTestServer = { port, superuser: server.superuser, passwords, template: TEST_TEMPLATE };
    project.provide('kaijiOffice', provided);
  } catch (error) {
    await server?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
