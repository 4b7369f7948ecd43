import { closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { box, unbox, type Boxed } from './crypto';

/**
 * Unlock attempts happen before anyone can write to the encrypted database, yet every
 * attempt must reach the audit trail (S3). They are sealed to the vault's audit public
 * key and appended here; the next unlock moves them into the hash chain.
 */
export interface PendingAuditRecord {
  id: string;
  at: string;
  action: string;
  summary: Record<string, unknown>;
}

const FILE = 'pending-audit.jsonl';
const aad = (vaultId: string) => `kaiji-pending-audit|${vaultId}`;

export function appendPendingAudit(
  dataDir: string,
  vault: { vaultId: string; auditPublicKey: string },
  record: Omit<PendingAuditRecord, 'id'>,
): void {
  const full: PendingAuditRecord = { id: randomUUID(), ...record };
  const sealed = box(vault.auditPublicKey, Buffer.from(JSON.stringify(full)), aad(vault.vaultId));
  const fd = openSync(join(dataDir, FILE), 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(sealed)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Records that decrypt; a torn last line from a crash is skipped. */
export function readPendingAudit(
  dataDir: string,
  vault: { vaultId: string; auditPublicKey: string },
  privateKey: Buffer,
): PendingAuditRecord[] {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return [];
  const out: PendingAuditRecord[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const sealed = JSON.parse(line) as Boxed;
      out.push(JSON.parse(unbox(privateKey, vault.auditPublicKey, sealed, aad(vault.vaultId)).toString('utf8')));
    } catch {
      // Torn write or foreign line: nothing to recover from it.
    }
  }
  return out;
}

export function clearPendingAudit(dataDir: string): void {
  rmSync(join(dataDir, FILE), { force: true });
}
