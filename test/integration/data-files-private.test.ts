import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

/** Issue 11, finding 10 (S2): the data folder is 0700 and every file in it 0600, whatever the umask. */
const tempDir = useTempDirs();
const makeCore = useCores();

function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const s = statSync(join(dir, name));
    out[name] = (s.mode & 0o777).toString(8);
  }
  return out;
}

describe.skipIf(process.platform === 'win32')('file modes in the data folder (S2; issue 11, finding 10)', () => {
  it('database, WAL, key slots, lock, pending audit and rekey leave only owner-readable files', async () => {
    const dataDir = join(tempDir(), 'data');
    const { call, core } = makeCore({ dataDir });
    value(await call('vault.setup', ADMIN));
    value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', redMarking: true, senderName: '山田 太郎' }));
    value(await call('vault.rekey', {}));
    value(await call('vault.lock', {}));
    await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: 'wrong passphrase' });
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    value(await call('envelopes.log', { arrivedOn: '2026-11-22', delivery: 'ippan_kakitome', redMarking: true }));

    const files = modes(dataDir);
    // The files that must exist while the vault is open (positive anchor for the check below).
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['kaiji.db', 'kaiji.db-wal', 'kaiji.db-shm', 'vault.json', 'kaiji.lock']));
    expect(Object.entries(files).filter(([, mode]) => mode !== '600')).toEqual([]);
    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
    await core.dispose();
  });

  it('tightens files an older Kaiji or a copy left readable (e.g. a backup) when it starts', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(join(dataDir, 'backups'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dataDir, 'backups', 'kaiji-2026-11-01.db'), 'x', { mode: 0o644 });
    writeFileSync(join(dataDir, 'kaiji.db'), '', { mode: 0o644 });
    chmodSync(dataDir, 0o755);
    makeCore({ dataDir });
    expect(modes(dataDir)).toEqual({ backups: '700', 'backups/kaiji-2026-11-01.db': '600', 'kaiji.db': '600', 'kaiji.lock': '600' });
    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
  });
});
