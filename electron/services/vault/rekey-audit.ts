import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Actor, AuditLog } from '../audit/audit-log';
import type { Database } from './schema';
import { KaijiError } from '@shared/errors';
import type { DeskVault } from './desk-vault';

/**
 * A rekey and its audit entry cannot share one transaction (the switch re-encrypts the
 * file outside SQL), so the intent goes into the chain first (finding 9): `rekey_started`
 * is committed before the switch and rides along in the backup and the re-encrypted file.
 * `rekeyed` follows the switch; if a kill lands between them, the next unlock settles
 * every open intent from the key version the vault actually has.
 */
export async function rekeyWithAudit(vault: DeskVault, audit: AuditLog, db: Parameters<AuditLog['append']>[0], actor: Actor): Promise<void> {
  // No intent is written for what an office database refuses anyway (#16).
  if (vault.kind === 'office') throw new KaijiError('OFFICE_NOT_HERE');
  const rekeyId = randomUUID();
  const keyVersion = vault.keyVersion + 1;
  await audit.append(db, actor, { action: 'vault.rekey_started', recordType: 'vault', summary: { rekeyId, keyVersion } });
  await vault.rekey();
  await audit.append(db, actor, { action: 'vault.rekeyed', recordType: 'vault', summary: { rekeyId, keyVersion } });
}

/** At unlock, in the drain's transaction: each started rekey gets its outcome once. */
export async function settleRekeyIntents(trx: Transaction<Database>, audit: AuditLog, keyVersion: number): Promise<void> {
  // Matched here, not with SQL JSON functions: portable, and on an office database summaries are
  // sealed at the desk (#16). Rekeys are rare: a handful of rows at most.
  const entries = await trx
    .selectFrom('audit_log')
    .select(['action', 'summary', 'actor_id', 'actor_name'])
    .where('action', 'in', ['vault.rekey_started', 'vault.rekeyed', 'vault.rekey_abandoned'])
    .orderBy('seq')
    .execute();
  const settled = new Set(entries.filter((e) => e.action !== 'vault.rekey_started').map((e) => (JSON.parse(e.summary) as { rekeyId?: string }).rekeyId));
  const rows = entries.filter((e) => e.action === 'vault.rekey_started' && !settled.has((JSON.parse(e.summary) as { rekeyId?: string }).rekeyId));
  for (const row of rows) {
    const intent = JSON.parse(row.summary) as { rekeyId: string; keyVersion: number };
    const done = keyVersion >= intent.keyVersion;
    await audit.append(trx, { id: row.actor_id, name: row.actor_name }, {
      action: done ? 'vault.rekeyed' : 'vault.rekey_abandoned',
      recordType: 'vault',
      summary: { rekeyId: intent.rekeyId, keyVersion: intent.keyVersion, settledAtUnlock: true },
    });
  }
}
