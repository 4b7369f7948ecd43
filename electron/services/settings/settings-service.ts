import { sql, type Kysely, type Transaction } from 'kysely';
import { conflict } from '../concurrency/versions';
import type { Settings } from '@shared/contract';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { Database } from '../vault/schema';

export const DEFAULT_SETTINGS: Settings = {
  companyName: '',
  companyAddress: '',
  contactPoint: '',
  administratorTitle: '個人情報保護管理者',
  idleLockMinutes: 10,
  freeUnlockAttempts: 3,
  scannerFolder: '',
  companyPostalCode: '',
  responseTargetDays: 14,
  responseDayCount: 'calendar',
  repeatPeriodMonths: 12,
  moneyOrderWarningDays: 30,
  deficientWaitDays: 30,
  withdrawalAcknowledgement: 'always',
  approvalRequired: false,
  trashDays: 30,
};

/** Office settings, stored as one row per key inside the encrypted database. */
export class SettingsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
  ) {}

  async get(db: Kysely<Database> | Transaction<Database> = this.db): Promise<Settings> {
    const rows = await db.selectFrom('settings').selectAll().execute();
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    const versions = Object.fromEntries(rows.map((r) => [r.key, r.version ?? 1]));
    return { ...DEFAULT_SETTINGS, ...pick(stored), versions };
  }

  /**
   * Saves the keys of `patch` that differ. #16 item 3: `versions` (per key, as the desk read
   * them) refuses a change of a key another desk changed since as CONFLICT; every change moves
   * its key's version.
   */
  async update(actor: Actor, patch: Partial<Settings>, versions?: Record<string, number>): Promise<Settings> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.get(trx);
      const changes: Record<string, [unknown, unknown]> = {};
      const after = { ...before.versions };
      for (const [key, value] of Object.entries(patch) as [keyof Settings, unknown][]) {
        if (key === 'versions' || value === undefined || before[key] === value) continue;
        changes[key] = [before[key], value];
        after[key] = await SettingsService.write(trx, key, value, versions?.[key]);
      }
      if (Object.keys(changes).length > 0) {
        await this.audit.append(trx, actor, { action: 'settings.updated', recordType: 'settings', summary: changes });
      }
      return { ...before, ...Object.fromEntries(Object.entries(changes).map(([k, [, v]]) => [k, v])), versions: after };
    });
  }

  /** One key in one statement; with `expected`, only over that version (0: not stored yet). Returns the new version. */
  static async write(trx: Transaction<Database> | Kysely<Database>, key: keyof Settings, value: unknown, expected?: number): Promise<number> {
    const json = JSON.stringify(value);
    const row = await trx
      .insertInto('settings')
      .values({ key, value: json, version: 1 })
      .onConflict((oc) => {
        const update = oc.column('key').doUpdateSet({ value: json, version: sql<number>`settings.version + 1` });
        return expected === undefined ? update : update.where('settings.version', '=', expected);
      })
      .returning('version')
      .executeTakeFirst();
    // No row: stored at another version than the desk read. A first store over a desk's "0" is fine.
    if (!row) throw conflict('settings');
    return Number(row.version);
  }
}

function pick(stored: Record<string, unknown>): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in stored) out[key] = stored[key];
  return out as Partial<Settings>;
}
