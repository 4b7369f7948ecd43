import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { box, deriveFromPassphrase, newKeyPair, newScryptParams, seal } from '../../electron/services/vault/crypto';
import { dbKeyAad, privateKeyAad, readKeySlotFile, type KeySlotFile } from '../../electron/services/vault/keyslot-file';
import { bucketOf, type Vault } from '../../electron/services/vault/vault';
import { ADMIN, useCores, value, addStaffSignedInOnce } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

/**
 * Issue 11, findings 1, 2, 3 and 5: the unlock throttle holds under parallel attempts,
 * counts per login, never signs out the person at the desk, covers a passphrase change,
 * and the key-slot file gives back no login name.
 */
const tempDir = useTempDirs();
const makeCore = useCores();
// Cheap scrypt: these tests are about counting, not about the KDF's cost.
const scrypt = { N: 2 ** 12, r: 8, p: 1 };
const CLERK = { displayName: '担当 一郎', login: 'ichiro', role: 'clerk' as const, passphrase: 'clerk passphrase 1' };

async function setUp() {
  const dataDir = tempDir();
  let now = Date.parse('2026-11-24T09:00:00Z');
  const clock = { advance: (ms: number) => (now += ms) };
  const { core, call } = makeCore({ dataDir, scrypt, now: () => now });
  value(await call('vault.setup', ADMIN));
  return { dataDir, core, call, clock };
}

const keyFile = (dataDir: string): KeySlotFile => readKeySlotFile(dataDir)!;
const counts = (dataDir: string) => Object.values(keyFile(dataDir).failures ?? {}).map((f) => f.count);

describe('unlock throttle (S1; issue 11, findings 1-3)', () => {
  it('24 parallel wrong unlocks: each is counted, the later ones are told to wait', async () => {
    const { call, dataDir, clock } = await setUp();
    value(await call('vault.lock', {}));
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => call('vault.unlock', { login: 'hanako', passphrase: `wrong passphrase ${i}` })),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    // Three free attempts get a full check; all the rest wait (the clock does not move).
    expect(codes.filter((c) => c === 'WRONG_PASSPHRASE')).toHaveLength(3);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(21);
    expect(counts(dataDir)).toEqual([24]);
    // Every one of them reaches the audit trail at the next unlock (after the longest wait).
    clock.advance(5 * 60_000);
    value(await call('vault.unlock', { login: 'hanako', passphrase: ADMIN.passphrase }));
    expect(value(await call('audit.list', { action: 'vault.unlock_failed' })).total).toBe(3);
    expect(value(await call('audit.list', { action: 'vault.unlock_refused' })).total).toBe(21);
    expect(counts(dataDir)).toEqual([]);
  });

  it('a wrong unlock or recovery key leaves the clerk at the desk signed in', async () => {
    const { call, core } = await setUp();
    await addStaffSignedInOnce(call, CLERK); // #13 item 8: first sign-in done
    value(await call('vault.unlock', { login: CLERK.login, passphrase: CLERK.passphrase }));
    expect(core.current?.user.login).toBe('ichiro');

    expect(await call('vault.unlock', { login: 'hanako', passphrase: 'not hanako at all' })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    expect(await call('vault.unlock', { login: 'nobody', passphrase: 'not anybody at all' })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    expect(await call('vault.recover', { recoveryKey: 'AAAA-BBBB-CCCC', login: 'hanako', newPassphrase: 'a new long passphrase' })).toMatchObject({
      error: { code: 'WRONG_RECOVERY_KEY' },
    });
    expect(core.current?.user.login).toBe('ichiro');
    // The clerk keeps working: a call that needs a session still succeeds.
    expect(value(await call('cases.list', {})).total).toBe(0);
  });

  it('counts failures per login: a success resets only its own', async () => {
    const { call, core, dataDir } = await setUp();
    // Logins share a count only when they share a bucket (1 vault in 256, by the random vault
    // id): take a clerk login in another bucket than the administrator's.
    const file = keyFile(dataDir);
    const login = ['ichiro', 'jiro', 'saburo'].find((l) => bucketOf(file, l) !== bucketOf(file, 'hanako'))!;
    const clerk = { ...CLERK, login };
    await addStaffSignedInOnce(call, clerk); // #13 item 8: first sign-in done
    value(await call('vault.lock', {}));
    for (let i = 0; i < 3; i++) await call('vault.unlock', { login: 'hanako', passphrase: `wrong passphrase ${i}` });
    expect(await call('vault.unlock', { login: 'hanako', passphrase: ADMIN.passphrase })).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
    // The clerk is not slowed by someone guessing the administrator's passphrase...
    value(await call('vault.unlock', { login: clerk.login, passphrase: clerk.passphrase }));
    // ...and the clerk's success does not wipe the administrator's count.
    expect(await core.vault.retryAfterMs('hanako')).toBeGreaterThan(0);
    expect(await call('vault.unlock', { login: 'hanako', passphrase: ADMIN.passphrase })).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
    expect(core.current?.user.login).toBe(clerk.login);
  });

  it('a wrong current passphrase in session.changePassphrase is throttled and audited', async () => {
    const { call, clock } = await setUp();
    const attempt = (current: string) => call('session.changePassphrase', { current, next: 'a brand new passphrase' });
    for (let i = 0; i < 3; i++) expect(await attempt(`wrong current ${i}`)).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    // Now even the right one waits, exactly like an unlock of the same login.
    expect(await attempt(ADMIN.passphrase)).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
    const failed = value(await call('audit.list', { action: 'staff.passphrase_change_failed' }));
    const refused = value(await call('audit.list', { action: 'staff.passphrase_change_refused' }));
    expect([failed.total, refused.total]).toEqual([3, 1]);
    expect(JSON.stringify(failed.entries)).not.toContain('wrong current');
    // The same login's lock screen waits too.
    value(await call('vault.lock', {}));
    expect(await call('vault.unlock', { login: 'hanako', passphrase: ADMIN.passphrase })).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
    clock.advance(10 * 60_000);
    value(await call('vault.unlock', { login: 'hanako', passphrase: ADMIN.passphrase }));
    value(await attempt(ADMIN.passphrase));
  });
});

/** Logins a dictionary attack would try, including the real ones. */
const DICTIONARY = ['admin', 'administrator', 'hanako', 'ichiro', 'tanaka', 'suzuki', 'sato', 'yamada', 'root', 'user', 'clerk', 'kaiji'];

function loginsRecoverable(file: KeySlotFile, raw: string): string[] {
  const found = new Set<string>();
  for (const login of DICTIONARY) {
    if (raw.includes(`"${login}"`)) found.add(login);
    // The format-1 construction, and its obvious variants, over every value in the file.
    for (const h of [`${file.vaultId}|${login}`, login, `${login}|${file.vaultId}`]) {
      const hex = createHash('sha256').update(h).digest('hex');
      const b64 = createHash('sha256').update(h).digest('base64');
      if (raw.includes(hex) || raw.includes(b64)) found.add(login);
    }
  }
  return [...found];
}

/** A key-slot file as Kaiji 0.1 wrote it (format 1): sha256(vaultId|login) tags, global failure count. */
async function downgradeToFormat1(dataDir: string, vault: Vault, members: { staffId: string; login: string; passphrase: string }[]) {
  const file = keyFile(dataDir);
  const key = (vault as unknown as { state: { key: Buffer } }).state.key;
  const recovery = file.slots.filter((s) => s.kind === 'recovery');
  const staff = [];
  for (const m of members) {
    const id = randomUUID();
    const kdf = newScryptParams(scrypt);
    const pair = newKeyPair();
    staff.push({
      id,
      kind: 'staff' as const,
      staffId: m.staffId,
      loginTag: createHash('sha256').update(`${file.vaultId}|${m.login}`).digest('hex'),
      kdf,
      publicKey: pair.publicKey,
      wrappedPrivateKey: seal(await deriveFromPassphrase(m.passphrase, kdf), pair.privateKey, privateKeyAad(file, id)),
      dbKey: box(pair.publicKey, key, dbKeyAad(file, id, file.keyVersion)),
    });
  }
  const old = { format: 1, vaultId: file.vaultId, createdAt: file.createdAt, keyVersion: file.keyVersion, auditPublicKey: file.auditPublicKey, slots: [...staff, ...recovery], pendingRekey: null, unlockFailures: { count: 0, lastAt: null }, freeUnlockAttempts: 3 };
  writeFileSync(join(dataDir, 'vault.json'), JSON.stringify(old));
}

describe('login names in vault.json (S2; issue 11, finding 5)', () => {
  it('a dictionary gives back no login from a new vault', async () => {
    const { call, dataDir } = await setUp();
    value(await call('staff.add', CLERK));
    const raw = readFileSync(join(dataDir, 'vault.json'), 'utf8');
    expect(loginsRecoverable(keyFile(dataDir), raw)).toEqual([]);
    // The same check finds them in a format-1 file (the check itself can fail).
    expect(raw).not.toContain('loginTag');
  });

  it('converts a format-1 file on unlock without losing anyone’s access', async () => {
    const { call, core, dataDir } = await setUp();
    const clerk = value(await call('staff.add', CLERK));
    const admin = core.current!.user;
    await downgradeToFormat1(dataDir, core.vault as Vault, [
      { staffId: admin.id, login: 'hanako', passphrase: ADMIN.passphrase },
      { staffId: clerk.id, login: CLERK.login, passphrase: CLERK.passphrase },
    ]);
    value(await call('vault.lock', {}));
    const legacyRaw = readFileSync(join(dataDir, 'vault.json'), 'utf8');
    expect(loginsRecoverable(keyFile(dataDir), legacyRaw).sort()).toEqual(['hanako', 'ichiro']);

    // The clerk signs in first: their slot is converted, the administrator's tag made slow.
    value(await call('vault.unlock', { login: CLERK.login, passphrase: CLERK.passphrase }));
    const mid = keyFile(dataDir);
    expect(mid.format).toBe(2);
    expect(loginsRecoverable(mid, readFileSync(join(dataDir, 'vault.json'), 'utf8'))).toEqual([]);
    expect(mid.slots.find((s) => s.staffId === clerk.id)).toMatchObject({ kdf: { alg: 'lookup' } });
    expect(mid.slots.find((s) => s.staffId === admin.id)?.slowLoginTag).toBeTruthy();

    value(await call('vault.unlock', { login: 'hanako', passphrase: ADMIN.passphrase }));
    const done = keyFile(dataDir);
    expect(done.slots.filter((s) => s.kind === 'staff').map((s) => s.kdf.alg)).toEqual(['lookup', 'lookup']);
    expect(done.slots.some((s) => s.slowLoginTag || s.loginTag)).toBe(false);
    expect(value(await call('audit.verify', {})).ok).toBe(true);
    // Both still get in, and a wrong passphrase still does not.
    value(await call('vault.unlock', { login: CLERK.login, passphrase: CLERK.passphrase }));
    expect(await call('vault.unlock', { login: 'hanako', passphrase: CLERK.passphrase })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
  });
});
