import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { KaijiError } from '@shared/errors';
import {
  box,
  decodeRecoveryKey,
  deriveFromPassphrase,
  deriveFromRecoveryKey,
  encodeRecoveryKey,
  newKeyPair,
  newScryptParams,
  open,
  randomKey,
  seal,
  sha256hex,
  unbox,
  DEFAULT_SCRYPT,
  type ScryptParams,
} from './crypto';
import { openSqlCipher, rekeySqlCipher, toKysely, type SqliteHandle } from './database';
import {
  dbKeyAad,
  fsyncDir,
  privateKeyAad,
  readKeySlotFile,
  writeKeySlotFile,
  KEYSLOT_FORMAT,
  type KeySlot,
  type KeySlotFile,
} from './keyslot-file';
import { migrate } from './migrator';
import { appendPendingAudit, clearPendingAudit, readPendingAudit, type PendingAuditRecord } from './pending-audit';
import type { Database } from './schema';
import { retryAfterMs } from './unlock-throttle';

export const DB_FILE = 'kaiji.db';
const REKEY_BACKUP = 'kaiji.db.rekey-backup';
const AUDIT_SECRET = 'audit_private_key';
export const DEFAULT_FREE_ATTEMPTS = 3;

export interface VaultOptions {
  dataDir: string;
  now?: () => number;
  /** scrypt cost; only benchmarks and tests of the KDF itself change it. */
  scrypt?: Omit<ScryptParams, 'alg' | 'salt'>;
}

/** An unlocked vault: the database and who opened it. The key stays in here. */
export interface OpenVault {
  db: Kysely<Database>;
  /** Staff id of the slot used, or null when opened with the recovery key. */
  staffId: string | null;
  /** Failed attempts recorded while locked, for the caller to move into the audit chain. */
  pendingAudit: PendingAuditRecord[];
}

interface OpenState {
  handle: SqliteHandle;
  db: Kysely<Database>;
  key: Buffer;
}

/**
 * Keys and the encrypted database (S2). A random 256-bit key encrypts the SQLCipher
 * file; each staff member and the recovery key hold a slot that can recover it.
 */
export class Vault {
  readonly dataDir: string;
  private readonly now: () => number;
  private readonly scrypt: Omit<ScryptParams, 'alg' | 'salt'>;
  private state: OpenState | null = null;

  constructor(options: VaultOptions) {
    this.dataDir = options.dataDir;
    this.now = options.now ?? Date.now;
    this.scrypt = options.scrypt ?? DEFAULT_SCRYPT;
  }

  get dbPath(): string {
    return join(this.dataDir, DB_FILE);
  }

  get isInitialized(): boolean {
    return readKeySlotFile(this.dataDir) !== null;
  }

  get isOpen(): boolean {
    return this.state !== null;
  }

  get db(): Kysely<Database> {
    if (!this.state) throw new KaijiError('LOCKED');
    return this.state.db;
  }

  /** Milliseconds before the next unlock attempt is accepted. */
  retryAfterMs(): number {
    const file = readKeySlotFile(this.dataDir);
    if (!file) return 0;
    return retryAfterMs(file.unlockFailures, freeAttempts(file), this.now());
  }

  /**
   * First run. `init` fills the fresh database inside the setup; the key-slot file is
   * written last, so a crash before it leaves a folder that setup simply starts over.
   */
  async create(
    admin: { staffId: string; login: string; passphrase: string },
    init: (db: Kysely<Database>) => Promise<void>,
  ): Promise<{ open: OpenVault; recoveryKey: string }> {
    if (readKeySlotFile(this.dataDir)) throw new KaijiError('ALREADY_INITIALIZED');
    for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, `${DB_FILE}-journal`, REKEY_BACKUP]) {
      rmSync(join(this.dataDir, f), { force: true });
    }
    clearPendingAudit(this.dataDir);
    const key = randomKey();
    const auditKeys = newKeyPair();
    const file: KeySlotFile = {
      format: KEYSLOT_FORMAT,
      vaultId: randomUUID(),
      createdAt: new Date(this.now()).toISOString(),
      keyVersion: 1,
      auditPublicKey: auditKeys.publicKey,
      slots: [],
      pendingRekey: null,
      unlockFailures: { count: 0, lastAt: null },
      freeUnlockAttempts: DEFAULT_FREE_ATTEMPTS,
    };
    file.slots.push(await this.newStaffSlot(file, key, admin.staffId, admin.login, admin.passphrase));
    const recovery = randomBytes(32);
    file.slots.push(this.newRecoverySlot(file, key, recovery));

    const state = this.openDatabase(key);
    try {
      await migrate(state.db);
      await state.db
        .insertInto('vault_secrets')
        .values({ name: AUDIT_SECRET, value: auditKeys.privateKey.toString('base64') })
        .execute();
      await init(state.db);
    } catch (error) {
      await state.db.destroy();
      throw error;
    }
    writeKeySlotFile(this.dataDir, file);
    this.state = state;
    return {
      open: { db: state.db, staffId: admin.staffId, pendingAudit: [] },
      recoveryKey: encodeRecoveryKey(recovery),
    };
  }

  async unlock(login: string, passphrase: string): Promise<OpenVault> {
    const file = this.prepareUnlock(login);
    const slot = file.slots.find((s) => s.kind === 'staff' && s.loginTag === loginTag(file, login));
    let privateKey: Buffer | null = null;
    if (slot && slot.kdf.alg === 'scrypt') {
      const kek = await deriveFromPassphrase(passphrase, slot.kdf);
      privateKey = tryOpen(kek, slot, file);
    } else {
      // Same work for an unknown login, so timing does not tell which logins exist.
      await deriveFromPassphrase(passphrase, newScryptParams(this.scrypt));
    }
    if (!slot || !privateKey) {
      throw this.fail(file, 'WRONG_PASSPHRASE', { login, reason: slot ? 'passphrase' : 'unknown_login' });
    }
    if (!slot.dbKey) throw this.fail(file, 'ACCOUNT_DISABLED', { login, reason: 'disabled' });
    const key = unbox(privateKey, slot.publicKey, slot.dbKey, dbKeyAad(file, slot.id, file.keyVersion));
    return this.finishUnlock(file, key, slot.staffId ?? null);
  }

  /** Opens with the recovery key; the caller then resets an administrator's passphrase. */
  async unlockWithRecoveryKey(recoveryKey: string): Promise<OpenVault> {
    const file = this.prepareUnlock('(recovery)');
    const bytes = decodeRecoveryKey(recoveryKey);
    const slot = file.slots.find((s) => s.kind === 'recovery');
    const privateKey =
      bytes && slot && slot.kdf.alg === 'hkdf' ? tryOpen(deriveFromRecoveryKey(bytes, slot.kdf.salt), slot, file) : null;
    if (!slot || !privateKey || !slot.dbKey) {
      throw this.fail(file, 'WRONG_RECOVERY_KEY', { login: '(recovery)', reason: 'recovery_key' });
    }
    const key = unbox(privateKey, slot.publicKey, slot.dbKey, dbKeyAad(file, slot.id, file.keyVersion));
    return this.finishUnlock(file, key, null);
  }

  /** Closes the database and forgets the key. */
  async lock(): Promise<void> {
    const state = this.state;
    if (!state) return;
    this.state = null;
    state.key.fill(0);
    await state.db.destroy();
  }

  /** Gives a member a new slot (new member, passphrase reset, or change). */
  async setStaffSlot(staffId: string, login: string, passphrase: string): Promise<void> {
    const state = this.requireOpen();
    const file = this.readFile();
    const slot = await this.newStaffSlot(file, state.key, staffId, login, passphrase);
    file.slots = [...file.slots.filter((s) => s.staffId !== staffId), slot];
    writeKeySlotFile(this.dataDir, file);
  }

  /** Checks the member's current passphrase against their slot. */
  async verifyPassphrase(staffId: string, passphrase: string): Promise<boolean> {
    const file = this.readFile();
    const slot = file.slots.find((s) => s.staffId === staffId);
    if (!slot || slot.kdf.alg !== 'scrypt') return false;
    return tryOpen(await deriveFromPassphrase(passphrase, slot.kdf), slot, file) !== null;
  }

  /** Disabling drops the member's copy of the database key; enabling boxes it again. */
  setStaffSlotEnabled(staffId: string, enabled: boolean): void {
    const state = this.requireOpen();
    const file = this.readFile();
    const slot = file.slots.find((s) => s.staffId === staffId);
    if (!slot) throw new KaijiError('NOT_FOUND');
    slot.dbKey = enabled ? box(slot.publicKey, state.key, dbKeyAad(file, slot.id, file.keyVersion)) : null;
    writeKeySlotFile(this.dataDir, file);
  }

  deleteStaffSlot(staffId: string): void {
    this.requireOpen();
    const file = this.readFile();
    file.slots = file.slots.filter((s) => s.staffId !== staffId);
    writeKeySlotFile(this.dataDir, file);
  }

  /** Replaces the recovery slot; the old recovery key stops working. */
  rotateRecoveryKey(): string {
    const state = this.requireOpen();
    const file = this.readFile();
    const recovery = randomBytes(32);
    file.slots = [...file.slots.filter((s) => s.kind !== 'recovery'), this.newRecoverySlot(file, state.key, recovery)];
    writeKeySlotFile(this.dataDir, file);
    return encodeRecoveryKey(recovery);
  }

  setFreeUnlockAttempts(n: number): void {
    const file = this.readFile();
    file.freeUnlockAttempts = n;
    writeKeySlotFile(this.dataDir, file);
  }

  /**
   * Rotates the database key. The old file is kept as a backup and the new key is
   * recorded as pending before any page changes, so a crash at any point leaves either
   * the old database with the old slots or the new database with the new ones.
   */
  async rekey(): Promise<void> {
    const state = this.requireOpen();
    const file = this.readFile();
    const newKey = randomKey();
    const keyVersion = file.keyVersion + 1;
    const boxes: Record<string, ReturnType<typeof box>> = {};
    for (const slot of file.slots) {
      if (slot.dbKey) boxes[slot.id] = box(slot.publicKey, newKey, dbKeyAad(file, slot.id, keyVersion));
    }
    state.handle.pragma('wal_checkpoint(TRUNCATE)');
    state.handle.pragma('journal_mode = DELETE');
    copyFileSync(this.dbPath, join(this.dataDir, REKEY_BACKUP));
    fsyncDir(this.dataDir);
    file.pendingRekey = { keyVersion, boxes };
    writeKeySlotFile(this.dataDir, file);

    rekeySqlCipher(state.handle, newKey);

    file.keyVersion = keyVersion;
    for (const slot of file.slots) slot.dbKey = boxes[slot.id] ?? null;
    file.pendingRekey = null;
    writeKeySlotFile(this.dataDir, file);
    rmSync(join(this.dataDir, REKEY_BACKUP), { force: true });
    state.handle.pragma('journal_mode = WAL');
    state.key.fill(0);
    state.key = newKey;
  }

  /**
   * What a backup needs (services/backup): a copy of the database key (the caller wipes it)
   * and the key-slot file, whose slots open the backup as they open the vault.
   */
  backupSource(): { dbPath: string; key: Buffer; keySlots: KeySlotFile } {
    const state = this.requireOpen();
    return { dbPath: this.dbPath, key: Buffer.from(state.key), keySlots: this.readFile() };
  }

  // --- internals ---------------------------------------------------------------

  private readFile(): KeySlotFile {
    const file = readKeySlotFile(this.dataDir);
    if (!file) throw new KaijiError('NOT_INITIALIZED');
    return file;
  }

  private requireOpen(): OpenState {
    if (!this.state) throw new KaijiError('LOCKED');
    return this.state;
  }

  private prepareUnlock(login: string): KeySlotFile {
    const file = this.readFile();
    this.finishInterruptedRekey(file);
    const wait = retryAfterMs(file.unlockFailures, freeAttempts(file), this.now());
    if (wait > 0) {
      appendPendingAudit(this.dataDir, file, {
        at: new Date(this.now()).toISOString(),
        action: 'vault.unlock_refused',
        summary: { login, reason: 'throttled', retryAfterMs: wait },
      });
      throw new KaijiError('TOO_MANY_ATTEMPTS', { seconds: Math.ceil(wait / 1000), retryAfterMs: wait });
    }
    return file;
  }

  private fail(file: KeySlotFile, code: 'WRONG_PASSPHRASE' | 'WRONG_RECOVERY_KEY' | 'ACCOUNT_DISABLED', summary: Record<string, unknown>): KaijiError {
    const now = this.now();
    file.unlockFailures = { count: file.unlockFailures.count + 1, lastAt: now };
    writeKeySlotFile(this.dataDir, file);
    appendPendingAudit(this.dataDir, file, {
      at: new Date(now).toISOString(),
      action: 'vault.unlock_failed',
      summary: { ...summary, failures: file.unlockFailures.count },
    });
    return new KaijiError(code, { retryAfterMs: retryAfterMs(file.unlockFailures, freeAttempts(file), now) });
  }

  private async finishUnlock(file: KeySlotFile, key: Buffer, staffId: string | null): Promise<OpenVault> {
    const state = this.openDatabase(key);
    try {
      await migrate(state.db);
    } catch (error) {
      key.fill(0);
      await state.db.destroy();
      throw error;
    }
    if (file.unlockFailures.count > 0) {
      file.unlockFailures = { count: 0, lastAt: null };
      writeKeySlotFile(this.dataDir, file);
    }
    this.state = state;
    const secret = await state.db
      .selectFrom('vault_secrets')
      .select('value')
      .where('name', '=', AUDIT_SECRET)
      .executeTakeFirstOrThrow();
    const pendingAudit = readPendingAudit(this.dataDir, file, Buffer.from(secret.value, 'base64'));
    return { db: state.db, staffId, pendingAudit };
  }

  /** Called once the pending records are safely in the audit chain. */
  clearPendingAudit(): void {
    clearPendingAudit(this.dataDir);
  }

  private openDatabase(key: Buffer): OpenState {
    const handle = openSqlCipher(this.dbPath, key);
    return { handle, db: toKysely(handle), key };
  }

  private finishInterruptedRekey(file: KeySlotFile): void {
    const backup = join(this.dataDir, REKEY_BACKUP);
    if (!existsSync(backup)) return;
    if (file.pendingRekey) {
      // The new key never committed: the backup (old key) is the truth.
      for (const f of ['-wal', '-shm', '-journal']) rmSync(this.dbPath + f, { force: true });
      renameSync(backup, this.dbPath);
      file.pendingRekey = null;
      writeKeySlotFile(this.dataDir, file);
    } else {
      rmSync(backup, { force: true });
    }
  }

  private async newStaffSlot(file: KeySlotFile, key: Buffer, staffId: string, login: string, passphrase: string): Promise<KeySlot> {
    const kdf = newScryptParams(this.scrypt);
    const kek = await deriveFromPassphrase(passphrase, kdf);
    return this.newSlot(file, key, { kind: 'staff', staffId, loginTag: loginTag(file, login), kdf }, kek);
  }

  private newRecoverySlot(file: KeySlotFile, key: Buffer, recovery: Buffer): KeySlot {
    const salt = randomBytes(16).toString('base64');
    return this.newSlot(file, key, { kind: 'recovery', kdf: { alg: 'hkdf', salt } }, deriveFromRecoveryKey(recovery, salt));
  }

  private newSlot(
    file: KeySlotFile,
    key: Buffer,
    base: Pick<KeySlot, 'kind' | 'staffId' | 'loginTag' | 'kdf'>,
    kek: Buffer,
  ): KeySlot {
    const id = randomUUID();
    const pair = newKeyPair();
    const slot: KeySlot = {
      id,
      ...base,
      publicKey: pair.publicKey,
      wrappedPrivateKey: seal(kek, pair.privateKey, privateKeyAad(file, id)),
      dbKey: box(pair.publicKey, key, dbKeyAad(file, id, file.keyVersion)),
    };
    pair.privateKey.fill(0);
    kek.fill(0);
    return slot;
  }
}

function tryOpen(kek: Buffer, slot: KeySlot, file: KeySlotFile): Buffer | null {
  try {
    return open(kek, slot.wrappedPrivateKey, privateKeyAad(file, slot.id));
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

function loginTag(file: KeySlotFile, login: string): string {
  return sha256hex(`${file.vaultId}|${login.normalize('NFKC').trim().toLowerCase()}`);
}

function freeAttempts(file: KeySlotFile): number {
  return file.freeUnlockAttempts ?? DEFAULT_FREE_ATTEMPTS;
}

/**
 * The database key from a key-slot file without opening anything: backup restore (services/backup)
 * reads the slots a backup carries. Null when the credentials open no slot; throws
 * ACCOUNT_DISABLED for a disabled member's slot.
 */
export async function dbKeyFromSlots(
  file: KeySlotFile,
  credentials: { login: string; passphrase: string } | { recoveryKey: string },
): Promise<{ key: Buffer; staffId: string | null } | null> {
  if ('recoveryKey' in credentials) {
    const bytes = decodeRecoveryKey(credentials.recoveryKey);
    const slot = file.slots.find((s) => s.kind === 'recovery');
    if (!bytes || !slot || slot.kdf.alg !== 'hkdf' || !slot.dbKey) return null;
    const privateKey = tryOpen(deriveFromRecoveryKey(bytes, slot.kdf.salt), slot, file);
    return privateKey ? { key: unbox(privateKey, slot.publicKey, slot.dbKey, dbKeyAad(file, slot.id, file.keyVersion)), staffId: null } : null;
  }
  const slot = file.slots.find((s) => s.kind === 'staff' && s.loginTag === loginTag(file, credentials.login));
  if (!slot || slot.kdf.alg !== 'scrypt') return null;
  const privateKey = tryOpen(await deriveFromPassphrase(credentials.passphrase, slot.kdf), slot, file);
  if (!privateKey) return null;
  if (!slot.dbKey) throw new KaijiError('ACCOUNT_DISABLED');
  return { key: unbox(privateKey, slot.publicKey, slot.dbKey, dbKeyAad(file, slot.id, file.keyVersion)), staffId: slot.staffId ?? null };
}
