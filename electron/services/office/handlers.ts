import { sql } from 'kysely';
import type { officeChannels, OfficeDeskStatus } from '@shared/contract/channels/office';
import { KaijiError } from '@shared/errors';
import type { KaijiCore } from '../core/kaiji-core';
import { must, type HandlersOf } from '../core/handler-types';
import { LATEST_SCHEMA_VERSION } from '../vault/migrator';
import { connectionOfInput, probeOffice, removeDeskOffice, saveDeskOffice } from './desk-connection';
import { OfficeVault } from './office-vault';

/** Which database the desk is on; never the password. */
function deskStatus(core: KaijiCore): OfficeDeskStatus {
  const vault = core.vault;
  if (!(vault instanceof OfficeVault)) return { backend: 'vault', source: 'none' };
  const c = vault.connection;
  return { backend: 'office', source: core.officeSource, connection: { host: c.host, port: c.port, database: c.database, user: c.user, tls: Boolean(c.caFile || c.ca) } };
}

/** Switching is for the screens before sign-in, and only when the desk's own choice decides (not KAIJI_OFFICE / --office). */
function assertMaySwitch(core: KaijiCore): void {
  if (core.current) throw new KaijiError('OFFICE_SIGN_OUT_FIRST');
  if (core.officeSource === 'start') throw new KaijiError('OFFICE_SET_AT_START');
}

/**
 * The office being left hears of it if it answers within a few seconds: leaving an office whose
 * server is gone (the reason to leave, often) must not wait for the network's own timeout.
 */
async function recordLeaving(office: OfficeVault): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const give = new Promise<void>((resolve) => (timer = setTimeout(resolve, 3_000)));
  await Promise.race([office.recordWhileLocked('office.desk_left', {}).catch(() => undefined), give]);
  clearTimeout(timer);
}

/** #16 item 1: the desk's office connection screen and the Settings view of it. */
export const officeHandlers: HandlersOf<typeof officeChannels> = {
  'office.status': async (_, { core }) => deskStatus(core),
  'office.check': async (input) => probeOffice(connectionOfInput(input)),
  'office.use': async (input, { core }) => {
    assertMaySwitch(core);
    // The same test the screen offers: nothing is written for a database the desk cannot use.
    const probe = await probeOffice(connectionOfInput(input));
    const leaving = core.vault;
    if (leaving instanceof OfficeVault) await recordLeaving(leaving);
    const connection = saveDeskOffice(core.vault.dataDir, input);
    await core.switchBackend(connection, 'desk');
    const joined = core.vault;
    // No host, role or password in the trail: from which back end the desk came.
    if (probe.setUp && joined instanceof OfficeVault) {
      await joined.recordWhileLocked('office.desk_connected', { from: leaving.kind, to: 'office' }).catch(() => undefined);
    }
    return deskStatus(core);
  },
  'office.useLocal': async (_, { core }) => {
    assertMaySwitch(core);
    const leaving = core.vault;
    if (leaving instanceof OfficeVault) await recordLeaving(leaving);
    removeDeskOffice(core.vault.dataDir);
    await core.switchBackend(undefined, 'none');
    return deskStatus(core);
  },
  'office.info': async (_, ctx) => {
    const s = must(ctx);
    const status = deskStatus(ctx.core);
    if (status.backend !== 'office') return { ...status, supportedSchemaVersion: LATEST_SCHEMA_VERSION };
    const { rows: version } = await sql<{ server_version: string }>`show server_version`.execute(s.ws.db);
    const { rows: schema } = await sql<{ v: number | null }>`select max(version) as v from schema_migrations`.execute(s.ws.db);
    return { ...status, serverVersion: String(version[0]?.server_version ?? ''), schemaVersion: Number(schema[0]?.v ?? 0), supportedSchemaVersion: LATEST_SCHEMA_VERSION };
  },
};
