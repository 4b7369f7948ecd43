import type { Kysely } from 'kysely';
import type { TodayOverview } from '@shared/contract/today-types';
import type { AuditLog } from '../audit/audit-log';
import { lastVerifiedBackupAt, readBackupSettings } from '../backup/backup-service';
import type { Database } from '../vault/schema';
import { RetentionService } from './retention-service';

const DAY_MS = 86_400_000;
/** Today looks at this many of the oldest candidate cases at most (bounded cost on a big vault). */
const TODAY_CASES = 500;
const TODAY_ITEMS = 5;

/** The Today view's backup warning (S2) and disposal count (S4), from their own services' reads. */
export async function recordsKeeping(db: Kysely<Database>, audit: AuditLog, now: Date): Promise<Pick<TodayOverview, 'backup' | 'disposalDue'>> {
  const settings = await readBackupSettings(db);
  const lastVerifiedAt = await lastVerifiedBackupAt(db);
  const stale = !lastVerifiedAt || now.getTime() - Date.parse(lastVerifiedAt) > settings.warnAfterDays * DAY_MS;
  const { items: due, cut } = await new RetentionService(db, audit, () => now).dueWithin(db, TODAY_CASES);
  return {
    backup: { lastVerifiedAt, warnAfterDays: settings.warnAfterDays, stale, folderSet: settings.folder !== '' },
    disposalDue: {
      count: due.filter((d) => !d.held).length,
      held: due.filter((d) => d.held).length,
      // A lower bound when the candidates were cut: which 500 were read is the database's choice.
      more: cut,
      // Case numbers and classes only: no names on this line of Today.
      items: due.filter((d) => !d.held).slice(0, TODAY_ITEMS).map(({ caseId, caseNo, recordClass, dueOn }) => ({ caseId, caseNo, recordClass, dueOn })),
    },
  };
}
