import pg from 'pg';
import { afterEach, beforeEach, inject } from 'vitest';
import type { OfficeConnection } from '../../electron/services/office/office-database';
import { freshOfficeDatabase, superuserOf, testBackend } from './office-test-server';
import { KaijiCore, type CoreOptions } from '../../electron/services/core/kaiji-core';
import { createDispatch } from '../../electron/services/core/dispatch';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';

/** The dispatcher typed per channel, as the renderer's API is. */
export type Call = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

export const ADMIN = {
  companyName: '株式会社テスト',
  adminName: '管理 花子',
  adminLogin: 'hanako',
  passphrase: 'correct horse battery staple',
};

/**
 * Real cores over real data folders; all disposed after each test. With
 * `KAIJI_TEST_BACKEND=postgres` (the vitest project "postgres", #16 item 3) every core of a test
 * is a desk of one fresh office database on the run's embedded PostgreSQL (copied from the
 * migrated template before the test, dropped after it); the data folder then holds only the
 * desk's lock. `officeOfTest()` names that database.
 */
export function useCores(): (options: Omit<CoreOptions, 'mode'> & { mode?: CoreOptions['mode'] }) => { core: KaijiCore; call: Call } {
  const cores: KaijiCore[] = [];
  const postgres = testBackend() === 'postgres';
  if (postgres) {
    beforeEach(async () => {
      currentOffice = await freshOfficeDatabase(requireServer());
    });
  }
  afterEach(async () => {
    for (const c of cores.splice(0)) await c.dispose();
    if (postgres && currentOffice) {
      const done = currentOffice;
      currentOffice = null;
      await dropDatabase(done.database);
    }
  });
  return (options) => {
    const office = options.office ?? (postgres ? requireOffice() : undefined);
    const core = new KaijiCore({ mode: 'web', ...options, office });
    cores.push(core);
    return { core, call: createDispatch(core) as Call };
  };
}

let currentOffice: OfficeConnection | null = null;

function requireServer() {
  const server = inject('kaijiOffice');
  if (!server) throw new Error('KAIJI_TEST_BACKEND=postgres needs test/global-setup-postgres.ts (the vitest project "postgres")');
  return server;
}

function requireOffice(): OfficeConnection {
  if (!currentOffice) throw new Error('useCores on PostgreSQL makes cores inside a test (its database is made before each test)');
  return currentOffice;
}

/** The current test's office database (PostgreSQL back end only), as the app role. */
export function officeOfTest(): OfficeConnection | null {
  return currentOffice;
}

async function dropDatabase(database: string): Promise<void> {
  const client = new pg.Client(superuserOf(requireServer(), 'postgres'));
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message.en}`);
  return r.value;
}

/**
 * #13 item 8: the first sign-in of someone whose passphrase an administrator set (staff.add,
 * staff.resetPassphrase): unlock, then replace it, as the session must before anything else.
 * Returns the person's own passphrase for later unlocks.
 */
export async function firstSignIn(call: Call, login: string, adminSet: string): Promise<string> {
  const own = `${adminSet} (own)`;
  value(await call('vault.unlock', { login, passphrase: adminSet }));
  value(await call('session.changePassphrase', { current: adminSet, next: own }));
  return own;
}

/**
 * Adds a member whose first sign-in is already done (#13 item 8): the administrator sets a
 * temporary passphrase, the member replaces it with `member.passphrase`, and the administrator
 * (ADMIN) is signed in again. For tests about something else than the first sign-in.
 */
export async function addStaffSignedInOnce(
  call: Call,
  member: { displayName: string; login: string; role: 'administrator' | 'clerk' | 'auditor'; passphrase: string },
): Promise<void> {
  const temporary = `${member.passphrase} (set by the administrator)`;
  value(await call('staff.add', { ...member, passphrase: temporary }));
  value(await call('vault.unlock', { login: member.login, passphrase: temporary }));
  value(await call('session.changePassphrase', { current: temporary, next: member.passphrase }));
  value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
}
