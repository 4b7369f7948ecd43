/**
 * #13 item 8: a passphrase set by an administrator (new staff, reset) must be changed at first
 * sign-in, and until then the session can do nothing else. Real vault, real dispatcher.
 */
import { describe, expect, it } from 'vitest';
import { channelNames, contract } from '@shared/contract';
import { ADMIN, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();
const ALLOWED = new Set(['session.changePassphrase', 'session.touch', 'vault.lock']);

async function withClerk() {
  const { call } = makeCore({ dataDir: tempDir() });
  value(await call('vault.setup', ADMIN));
  expect(value(await call('vault.status', {})).user?.mustChangePassphrase).toBeUndefined(); // chose their own
  const clerk = value(await call('staff.add', { displayName: '受付 一郎', login: 'ichiro', role: 'clerk', passphrase: 'set by the admin 1' }));
  return { call, clerk };
}

describe('first sign-in with a passphrase an administrator set', () => {
  it('refuses every channel but the change (and lock/touch) until the passphrase is changed', async () => {
    const { call } = await withClerk();
    value(await call('vault.unlock', { login: 'ichiro', passphrase: 'set by the admin 1' }));
    expect(value(await call('vault.status', {})).user).toMatchObject({ login: 'ichiro', mustChangePassphrase: true });
    expect(await call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_CHANGE_REQUIRED' } });
    // Every channel of the contract: none answers but the allowed ones and the public ones.
    const answered: string[] = [];
    for (const name of channelNames) {
      if (contract[name].access === 'public' || ALLOWED.has(name)) continue;
      const r = await call(name, {} as never);
      if (r.ok) answered.push(name);
      else expect(['PASSPHRASE_CHANGE_REQUIRED', 'INVALID_INPUT', 'FORBIDDEN'], name).toContain(r.error.code);
    }
    expect(answered).toEqual([]);
    // And the refusal is the rule, not the role: a channel the clerk may use says so.
    expect(await call('envelopes.list', {})).toMatchObject({ error: { code: 'PASSPHRASE_CHANGE_REQUIRED' } });
    // Locking and coming back does not escape it.
    value(await call('vault.lock', {}));
    value(await call('vault.unlock', { login: 'ichiro', passphrase: 'set by the admin 1' }));
    expect(await call('envelopes.list', {})).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_CHANGE_REQUIRED' } });
  });

  it('a change must change it; then the session works, the flag is gone for good, and it is audited', async () => {
    const { call } = await withClerk();
    value(await call('vault.unlock', { login: 'ichiro', passphrase: 'set by the admin 1' }));
    expect(await call('session.changePassphrase', { current: 'set by the admin 1', next: 'set by the admin 1' })).toMatchObject({ error: { code: 'PASSPHRASE_UNCHANGED' } });
    expect(await call('session.changePassphrase', { current: 'not the one given', next: 'only I know this one' })).toMatchObject({ ok: false });
    value(await call('session.changePassphrase', { current: 'set by the admin 1', next: 'only I know this one' }));
    expect(value(await call('vault.status', {})).user?.mustChangePassphrase).toBe(false);
    expect(value(await call('cases.list', {})).total).toBe(0);
    value(await call('vault.lock', {}));
    value(await call('vault.unlock', { login: 'ichiro', passphrase: 'only I know this one' }));
    expect(value(await call('vault.status', {})).user?.mustChangePassphrase).toBeUndefined();
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    const changed = value(await call('audit.list', { action: 'staff.passphrase_changed' })).entries;
    expect(changed.map((e) => e.actorName)).toEqual(['受付 一郎']);
  });

  it('a reset by an administrator requires the change again', async () => {
    const { call, clerk } = await withClerk();
    value(await call('vault.unlock', { login: 'ichiro', passphrase: 'set by the admin 1' }));
    value(await call('session.changePassphrase', { current: 'set by the admin 1', next: 'only I know this one' }));
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    value(await call('staff.resetPassphrase', { id: clerk.id, passphrase: 'reset by the admin 2' }));
    value(await call('vault.unlock', { login: 'ichiro', passphrase: 'reset by the admin 2' }));
    expect(value(await call('vault.status', {})).user?.mustChangePassphrase).toBe(true);
    expect(await call('cases.list', {})).toMatchObject({ error: { code: 'PASSPHRASE_CHANGE_REQUIRED' } });
  });
});
