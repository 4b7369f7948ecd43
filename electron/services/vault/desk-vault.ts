import type { Kysely, Transaction } from 'kysely';
import type { KeySlotFile } from './keyslot-file';
import type { Database } from './schema';
import type { Authenticated, OpenVault } from './vault';

/**
 * What a desk's core needs from where its data lives (#16 item 1): the single-desk vault
 * (`Vault`: vault.json beside an SQLCipher file) or an office database (`OfficeVault`:
 * key slots, throttle counts and pending audit records in PostgreSQL). Both open the same
 * `Kysely<Database>`, so every service runs on either unchanged.
 *
 * Slot writes take the caller's transaction: on the office database the slot changes in the
 * same transaction as the staff row (the vault writes its file and the caller undoes it on a
 * failed commit, as before).
 */
export interface DeskVault {
  readonly kind: 'vault' | 'office';
  /** The desk's own folder (desk lock, backup work space); on an office desk it holds no data. */
  readonly dataDir: string;
  readonly isOpen: boolean;
  readonly db: Kysely<Database>;
  /** The data key's generation. */
  readonly keyVersion: number;
  initialized(): Promise<boolean>;
  /** Milliseconds before the next unlock attempt of `login` is accepted. */
  retryAfterMs(login: string): number | Promise<number>;
  create(
    admin: { staffId: string; login: string; passphrase: string },
    init: (db: Kysely<Database>) => Promise<void>,
  ): Promise<{ open: OpenVault; recoveryKey: string }>;
  authenticate(login: string, passphrase: string): Promise<Authenticated>;
  authenticateRecovery(recoveryKey: string): Promise<Authenticated>;
  openWith(auth: Authenticated): Promise<OpenVault>;
  lock(): Promise<void>;
  setStaffSlot(staffId: string, login: string, passphrase: string, trx?: Transaction<Database>): Promise<void>;
  verifyPassphrase(staffId: string, login: string, passphrase: string): Promise<void>;
  setStaffSlotEnabled(staffId: string, enabled: boolean, trx?: Transaction<Database>): void | Promise<void>;
  deleteStaffSlot(staffId: string, trx?: Transaction<Database>): void | Promise<void>;
  rotateRecoveryKey(trx?: Transaction<Database>): string | Promise<string>;
  setFreeUnlockAttempts(n: number): void | Promise<void>;
  /** SQLCipher rekey; an office database refuses (OFFICE_NOT_HERE). */
  rekey(): Promise<void>;
  /** A backup's source; an office database refuses (OFFICE_BACKUP_BY_SERVER: pg_dump). */
  backupSource(): { dbPath: string; key: Buffer; keySlots: KeySlotFile };
  clearPendingAudit(): void | Promise<void>;
  /** Releases connections (office); the vault has none beyond its open database. */
  close?(): Promise<void>;
}
