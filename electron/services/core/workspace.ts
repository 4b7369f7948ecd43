import type { Kysely } from 'kysely';
import { AuditLog } from '../audit/audit-log';
import { CaseService } from '../cases/case-service';
import { EnvelopeService } from '../intake/envelope-service';
import { SettingsService } from '../settings/settings-service';
import { StaffService } from '../staff/staff-service';
import type { Database } from '../vault/schema';
import type { Vault } from '../vault/vault';

/** The services of an unlocked vault, wired once per unlock and dropped at lock. */
export interface Workspace {
  db: Kysely<Database>;
  audit: AuditLog;
  staff: StaffService;
  settings: SettingsService;
  cases: CaseService;
  envelopes: EnvelopeService;
}

export function createWorkspace(db: Kysely<Database>, vault: Vault, now: () => Date): Workspace {
  const audit = new AuditLog(db, now);
  const cases = new CaseService(db, audit, now);
  return {
    db,
    audit,
    staff: new StaffService(db, vault, audit, now),
    settings: new SettingsService(db, audit),
    cases,
    envelopes: new EnvelopeService(db, audit, cases, now),
  };
}
