import { resolve } from 'node:path';
import type { backupChannels } from '@shared/contract/channels/backup';
import { must, type HandlersOf } from '../core/handler-types';
import { restoreBackup } from './restore';

export const backupHandlers: HandlersOf<typeof backupChannels> = {
  'backup.overview': async (_, ctx) => must(ctx).ws.backups.overview(),
  'backup.updateSettings': async (input, ctx) => must(ctx).ws.backups.updateSettings(must(ctx).actor, input),
  'backup.start': async (_, ctx) => must(ctx).ws.backups.start(must(ctx).actor, 'manual'),
  'backup.status': async (_, ctx) => must(ctx).ws.backups.status(),
  'backup.run': async (_, ctx) => must(ctx).ws.backups.run(must(ctx).actor, 'manual'),
  'backup.restore': async (input, { core }) => {
    const credentials = 'recoveryKey' in input ? { recoveryKey: input.recoveryKey } : { login: input.login, passphrase: input.passphrase };
    const result = await restoreBackup({ file: input.file, targetDir: input.targetDir, credentials });
    // A fresh install restoring into its own (empty) data folder can unlock right away.
    return { ...result, openHere: resolve(result.dataDir) === resolve(core.vault.dataDir) };
  },
};
