import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { KaijiError } from '@shared/errors';
import type { Boxed, ScryptParams, Sealed } from './crypto';

/** Version of the key-slot file layout this build reads and writes. */
export const KEYSLOT_FORMAT = 2;

/**
 * Format 2 (issue 11, finding 5): no login name can be read back from the file. A staff
 * slot is found by `tag` = HMAC(scrypt(login + passphrase, lookup salt)), so without the
 * passphrase a dictionary of logins gives nothing. Format-1 slots (`loginTag` =
 * sha256(vaultId|login)) are converted on their owner's next unlock; until then the first
 * unlock replaces their tags by `slowLoginTag` (scrypt of the login).
 */
export interface LookupParams {
  N: number;
  r: number;
  p: number;
  /** Salt of the login+passphrase derivation that finds a slot and wraps its key. */
  salt: string;
  /** Salt of `slowLoginTag` (format-1 slots waiting for their owner's next unlock). */
  legacySalt: string;
}

export interface HkdfParams {
  alg: 'hkdf';
  salt: string;
}

/**
 * One way into the vault. The slot's X25519 private key is wrapped under a key derived
 * from a passphrase (staff) or the recovery key; the database key is boxed to the
 * slot's public key. A disabled member keeps the slot but loses the box.
 */
export interface KeySlot {
  id: string;
  kind: 'staff' | 'recovery';
  /** Staff id (random, not personal); absent for the recovery slot. */
  staffId?: string;
  /** Format 2: HMAC of the login+passphrase derivation; finds the slot (see LookupParams). */
  tag?: string;
  /** Format 1 only: sha256(vaultId + login); converted at the next unlock. */
  loginTag?: string;
  /** A format-1 slot whose owner has not unlocked since: scrypt(login, legacySalt). */
  slowLoginTag?: string;
  /** 'lookup': the wrapping key comes from the login+passphrase derivation (format 2). */
  kdf: ScryptParams | HkdfParams | { alg: 'lookup' };
  publicKey: string;
  wrappedPrivateKey: Sealed;
  /** The database key boxed to `publicKey`; null while the member is disabled. */
  dbKey: Boxed | null;
}

export interface KeySlotFile {
  format: number;
  vaultId: string;
  createdAt: string;
  /** Key generation; bumped by every rekey and bound into each box. */
  keyVersion: number;
  /** Failed unlock attempts are sealed to this key before anyone is logged in. */
  auditPublicKey: string;
  slots: KeySlot[];
  /** Set while a rekey is under way: the new key, boxed for the same slots. */
  pendingRekey: { keyVersion: number; boxes: Record<string, Boxed> } | null;
  /** Format 1: one failure count for everyone (superseded by `failures`). */
  unlockFailures?: { count: number; lastAt: number | null };
  /**
   * Failed attempts per login bucket (finding 3): one login's failures never slow another's.
   * A bucket is one byte of sha256(vaultId|login), so the keys name no login (256 buckets).
   */
  failures?: Record<string, { count: number; lastAt: number | null }>;
  lookup?: LookupParams;
  /** Failures allowed before the growing delay starts (mirrors the setting). */
  freeUnlockAttempts?: number;
}

export const KEYSLOT_FILE = 'vault.json';

export function keySlotPath(dataDir: string): string {
  return join(dataDir, KEYSLOT_FILE);
}

export function readKeySlotFile(dataDir: string): KeySlotFile | null {
  const path = keySlotPath(dataDir);
  if (!existsSync(path)) return null;
  let parsed: KeySlotFile;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as KeySlotFile;
  } catch {
    throw new KaijiError('VAULT_CORRUPT');
  }
  if (typeof parsed.format !== 'number' || !Array.isArray(parsed.slots)) {
    throw new KaijiError('VAULT_CORRUPT');
  }
  if (parsed.format > KEYSLOT_FORMAT) {
    throw new KaijiError('VAULT_TOO_NEW', { found: `keys v${parsed.format}`, supported: `keys v${KEYSLOT_FORMAT}` });
  }
  return parsed;
}

/** Write-then-rename with fsync: a crash leaves either the old file or the new one. */
export function writeKeySlotFile(dataDir: string, file: KeySlotFile): void {
  const path = keySlotPath(dataDir);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(file, null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dataDir);
}

export function fsyncDir(dir: string): void {
  // Directory fsync makes the rename durable; Windows cannot open directories.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** AAD binding a box to its vault, slot and key generation. */
export const dbKeyAad = (file: Pick<KeySlotFile, 'vaultId'>, slotId: string, keyVersion: number) =>
  `kaiji-dbkey|${file.vaultId}|${slotId}|${keyVersion}`;

export const privateKeyAad = (file: Pick<KeySlotFile, 'vaultId'>, slotId: string) =>
  `kaiji-slot|${file.vaultId}|${slotId}`;
