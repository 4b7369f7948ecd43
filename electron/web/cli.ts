import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDispatch } from '../services/core/dispatch';
import { KaijiCore } from '../services/core/kaiji-core';
import { resolveDataDir } from '../services/vault/data-dir';
import { OfficeDeskError } from '../services/office/office-desk';
import { officeAtStart } from '../services/office/desk-connection';
import { KaijiError } from '@shared/errors';
import { startWebHost } from './host';

/**
 * `npm run start:web -- --data-dir DIR --port N`: prints the URL to open (with the
 * per-run secret) as the only line on stdout; everything else goes to stderr.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'renderer-dir': { type: 'string' },
      // #16: this desk works on an office database (office.json; also KAIJI_OFFICE).
      office: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('kaiji: --port には 0-65535 の番号を指定してください / --port must be 0-65535\n');
    process.exitCode = 2;
    return;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const dataDir = resolveDataDir(values['data-dir']);
  let core: KaijiCore;
  try {
    // --office, else KAIJI_OFFICE, else office.json saved in the data folder by the connection screen.
    const office = officeAtStart(dataDir, { flag: values.office });
    core = new KaijiCore({ dataDir, mode: 'web', office: office.connection, officeSource: office.source });
  } catch (error) {
    if (error instanceof OfficeDeskError) {
      process.stderr.write(`kaiji: ${error.ja}\nkaiji: ${error.en}\n`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof KaijiError) {
      const info = error.toInfo();
      process.stderr.write(`kaiji: ${info.message.ja}\nkaiji: ${info.message.en}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const host = await startWebHost({
    dispatch: createDispatch(core),
    changes: core.changes,
    rendererDir: values['renderer-dir'] ?? join(here, '../renderer'),
    port,
  });
  process.stderr.write(core.vault.kind === 'office' ? `kaiji: web mode, office database (desk folder ${dataDir})\n` : `kaiji: web mode, data in ${dataDir}\n`);
  process.stdout.write(`${host.url}\n`);

  const stop = async () => {
    // Closing the host and disposing the core (OCR workers, timers, the database) leaves the
    // event loop empty, so the process ends by itself.
    await host.close();
    await core.dispose();
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
