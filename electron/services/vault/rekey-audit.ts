import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Actor, AuditLog } from '../audit/audit-log';
import type { Database } from './schema';
import type { Vault } from './vault';

/**
 * A rekey and its audit entry cannot share one transaction (the switch re-encrypts the
 * file outside SQL), so the intent goes into the chain first (finding 9): `rekey_started`
 * is committed before the switch and rides along in the backup and the re-encrypted file.
 * `rekeyed` follows the switch; if a kill lands between them, the next unlock settles
 * every open intent from the key version the vault actually has.
 */
export async function rekeyWithAudit(vault: Vault, audit: AuditLog, db: Parameters<AuditLog['append']>[0], actor: Actor): Promise<void> {
  const rekeyId = randomUUID();
  const keyVersion = vault.keyVersion + 1;
  await audit.append(db, actor, { action: 'vault.rekey_started', recordType: 'vault', summary: { rekeyId, keyVersion } });
  await vault.rekey();
  await audit.append(db, actor, { action: 'vault.rekeyed', recordType: 'vault', summary: { rekeyId, keyVersion } });
}

/** At unlock, in the drain's transaction: each started rekey gets its outcome once. */
export async function settleRekeyIntents(trx: Transaction<Database>, audit: AuditLog, keyVersion: number): Promise<void> {
  const { rows } = await sql<{ summary: string; actor_id: string | null; actor_name: string | null }>`
    select s.summary, s.actor_id, s.actor_name from audit_log s
    where s.action = 'vault.rekey_started'
      and not exists (
        select 1 from audit_log o
        where o.action in ('vault.rekeyed', 'vault.rekey_abandoned')
          and json_extract(o.summary, '$.rekeyId') = json_extract(s.summary, '$.rekeyId'))
    order by s.seq`.execute(trx);
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
