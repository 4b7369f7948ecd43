import { z } from 'zod';
import { ADMIN, channel, loginAttempt, none, passphrase, secret, text } from '../channel';
import type { BackupOverview, BackupRun, BackupSettings, BackupStatus, RestoreResult } from '../backup-types';

const folder = text(1000);

/**
 * Channels of backups and restore (#15 item 1, S2). Backups are administrator work: a backup is
 * the whole vault leaving the machine's disk (encrypted). Restore is public: it runs from the
 * unlock screen when there may be no working vault, and the backup's own key slots decide.
 */
export const backupChannels = {
  'backup.overview': channel<BackupOverview>()({ access: ADMIN, input: none }),
  'backup.updateSettings': channel<BackupSettings>()({
    access: ADMIN,
    input: z
      .object({
        folder,
        generations: z.number().int().min(1).max(365),
        daily: z.boolean(),
        warnAfterDays: z.number().int().min(1).max(90),
      })
      .partial(),
  }),
  /** Starts a backup now; poll `backup.status` for its progress. */
  'backup.start': channel<{ runId: string }>()({ access: ADMIN, input: none }),
  'backup.status': channel<BackupStatus>()({ access: ADMIN, input: none }),
  /** Waits for a backup to finish (tests, the CLI). */
  'backup.run': channel<BackupRun>()({ access: ADMIN, input: none }),
  'backup.restore': channel<RestoreResult>()({
    access: 'public',
    input: z.union([
      z.object({ file: folder.min(1), targetDir: folder.min(1), login: loginAttempt(), passphrase }),
      z.object({ file: folder.min(1), targetDir: folder.min(1), recoveryKey: secret(200) }),
    ]),
  }),
} as const;
