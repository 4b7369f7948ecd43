import type { Kysely, Transaction } from 'kysely';
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
    return { ...DEFAULT_SETTINGS, ...pick(stored) };
  }

  async update(actor: Actor, patch: Partial<Settings>): Promise<Settings> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.get(trx);
      const changes: Record<string, [unknown, unknown]> = {};
      for (const [key, value] of Object.entries(patch) as [keyof Settings, unknown][]) {
        if (value === undefined || before[key] === value) continue;
        changes[key] = [before[key], value];
        await SettingsService.write(trx, key, value);
      }
      if (Object.keys(changes).length > 0) {
        await this.audit.append(trx, actor, { action: 'settings.updated', recordType: 'settings', summary: changes });
      }
      return { ...before, ...Object.fromEntries(Object.entries(changes).map(([k, [, v]]) => [k, v])) };
    });
  }

  static async write(trx: Transaction<Database> | Kysely<Database>, key: keyof Settings, value: unknown): Promise<void> {
    await trx
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
}

function pick(stored: Record<string, unknown>): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in stored) out[key] = stored[key];
  return out as Partial<Settings>;
}
