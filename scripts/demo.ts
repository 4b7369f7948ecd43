// `npm run demo -- --data-dir DIR [--cases N] [--scans N]`: a vault of fictitious data for training.
// Prints one JSON line: passphrases, the data folder and a few applicants' names.
import { parseArgs } from 'node:util';
import { KaijiCore } from '../electron/services/core/kaiji-core';
import { createDemoVault } from '../electron/services/demo/demo-vault';
import { resolveDataDir } from '../electron/services/vault/data-dir';
import { KaijiError } from '../shared/errors';

/** Returns the process exit code; messages go to stderr in Japanese and English. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, cases: { type: 'string', default: '40' }, scans: { type: 'string', default: '4' } },
    strict: true,
  });
  const cases = Number(values.cases);
  if (!Number.isInteger(cases) || cases < 0 || cases > 1_000_000) {
    console.error('kaiji demo: --cases には 0 から 1000000 までの整数を指定してください / --cases must be an integer 0-1000000');
    return 2;
  }
  if (!values['data-dir']) {
    console.error('kaiji demo: --data-dir DIR を指定してください（既存のデータは上書きしません） / --data-dir DIR is required (existing data is never overwritten)');
    return 2;
  }
  try {
    const core = new KaijiCore({ dataDir: resolveDataDir(values['data-dir']), mode: 'web' });
    const result = await createDemoVault(core, { cases, scans: Math.max(0, Number(values.scans) || 0) });
    await core.dispose();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof KaijiError)) throw error;
    const { message } = error.toInfo();
    console.error(`kaiji demo: ${message.ja}\nkaiji demo: ${message.en}`);
    return 1;
  }
}

process.exitCode = await main();
