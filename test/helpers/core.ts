import { afterEach } from 'vitest';
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

/** Real cores over real data folders; all disposed after each test. */
export function useCores(): (options: Omit<CoreOptions, 'mode'> & { mode?: CoreOptions['mode'] }) => { core: KaijiCore; call: Call } {
  const cores: KaijiCore[] = [];
  afterEach(async () => {
    for (const c of cores.splice(0)) await c.dispose();
  });
  return (options) => {
    const core = new KaijiCore({ mode: 'web', ...options });
    cores.push(core);
    return { core, call: createDispatch(core) as Call };
  };
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
