import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKeySlotFile } from '../../electron/services/vault/keyslot-file';
import { ADMIN, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

/**
 * Issue 11, finding 9 (S3): a rekey is never committed without its audit entry. The intent
 * is in the chain before the switch; a kill -9 between the switch and `vault.rekeyed` is
 * settled at the next unlock. 20 kills at staggered moments of a rekey loop.
 */
const tempDir = useTempDirs();
const makeCore = useCores();
const RUNS = 20;

async function runAndKill(dataDir: string, delayMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../fixtures/rekey-crash.ts'), dataDir, ADMIN.adminLogin, ADMIN.passphrase], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('rekeying')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`rekey child exited early (${code})`)));
  });
  await new Promise((r) => setTimeout(r, delayMs));
  child.kill('SIGKILL');
  await exited;
}

describe('a kill -9 during rekey (S3; issue 11, finding 9)', () => {
  it(`leaves every committed rekey in the audit trail, ${RUNS} of ${RUNS} runs`, { timeout: 240_000 }, async () => {
    const dataDir = tempDir();
    {
      // Cheap scrypt (stored in vault.json): the children's unlocks are not what is tested.
      const { call, core } = makeCore({ dataDir, scrypt: { N: 2 ** 10, r: 8, p: 1 } });
      value(await call('vault.setup', ADMIN));
      await core.dispose();
    }
    for (let run = 0; run < RUNS; run++) await runAndKill(dataDir, (run * 7) % 41);

    const { call, core } = makeCore({ dataDir });
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    const committed = readKeySlotFile(dataDir)!.keyVersion - 1;
    const entries = async (action: string) => value(await call('audit.list', { action, limit: 500 })).entries;
    const started = await entries('vault.rekey_started');
    const rekeyed = await entries('vault.rekeyed');
    const abandoned = await entries('vault.rekey_abandoned');
    // Every run rotated at least once before its kill.
    expect(committed).toBeGreaterThanOrEqual(RUNS);
    // One `vault.rekeyed` per committed key version, each for a distinct intent...
    expect(rekeyed.map((e) => e.summary.keyVersion).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: committed }, (_, i) => i + 2));
    expect(new Set(rekeyed.map((e) => e.summary.rekeyId)).size).toBe(committed);
    // ...and every intent has exactly one outcome.
    expect(started.length).toBe(rekeyed.length + abandoned.length);
    expect(value(await call('audit.verify', {})).ok).toBe(true);
    await core.dispose();
  });
});
