import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { createHmac, randomBytes, randomUUID, scrypt } from 'node:crypto';
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
import { openSqlCipher, privateFile, rekeySqlCipher, toKysely, type SqliteHandle } from './database';
import {
  dbKeyAad,
  fsyncDir,
  privateKeyAad,
  readKeySlotFile,
  writeKeySlotFile,
  KEYSLOT_FORMAT,
  type KeySlot,
  type KeySlotFile,
  type LookupParams,
} from './keyslot-file';
import { migrate } from './migrator';
import { appendPendingAudit, clearPendingAudit, readPendingAudit, type PendingAuditRecord } from './pending-audit';
import type { Database } from './schema';
import { retryAfterMs } from './unlock-throttle';
import type { DeskVault } from './desk-vault';

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
export class Vault implements DeskVault {
  readonly kind = 'vault' as const;
  readonly dataDir: string;
  private readonly now: () => number;
  private readonly scrypt: Omit<ScryptParams, 'alg' | 'salt'>;
  private state: OpenState | null = null;
  /** Unlock attempts and passphrase checks run one at a time (finding 1: no lost counts). */
  private attempts: Promise<unknown> = Promise.resolve();

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

  async initialized(): Promise<boolean> {
    return this.isInitialized;
  }

  /** The database key's generation (bumped by each committed rekey). */
  get keyVersion(): number {
    return this.readFile().keyVersion;
  }

  get isOpen(): boolean {
    return this.state !== null;
  }

  get db(): Kysely<Database> {
    if (!this.state) throw new KaijiError('LOCKED');
    return this.state.db;
  }

  /** Milliseconds before the next unlock attempt of `login` is accepted. */
  retryAfterMs(login: string): number {
    const file = readKeySlotFile(this.dataDir);
    if (!file) return 0;
    return retryAfterMs(failuresOf(file, bucketOf(file, login)), freeAttempts(file), this.now());
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
      failures: {},
      freeUnlockAttempts: DEFAULT_FREE_ATTEMPTS,
      lookup: this.newLookup(),
    };
    file.slots.push(await staffKeySlot(file, key, admin.staffId, admin.login, admin.passphrase));
    const recovery = randomBytes(32);
    file.slots.push(recoveryKeySlot(file, key, recovery));

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

  /**
   * Checks a login and passphrase without touching an open database: the caller closes the
   * current session only once this succeeded (finding 3). Throttled per login (S1).
   */
  async authenticate(login: string, passphrase: string): Promise<Authenticated> {
    return this.serial(async () => {
      const file = this.prepareAttempt(login);
      const found = await this.findStaffSlot(file, login, passphrase);
      if (!found) throw this.fail(file, login, 'WRONG_PASSPHRASE', { reason: 'passphrase_or_login' });
      const { slot, privateKey } = found;
      if (!slot.dbKey) throw this.fail(file, login, 'ACCOUNT_DISABLED', { reason: 'disabled' });
      const key = unbox(privateKey, slot.publicKey, slot.dbKey, dbKeyAad(file, slot.id, file.keyVersion));
      if (found.legacy) await this.convertLegacySlot(file, slot, login, passphrase, privateKey);
      privateKey.fill(0);
      this.succeeded(file, bucketOf(file, login));
      return { key, staffId: slot.staffId ?? null, legacyFile: found.legacy };
    });
  }

  /** Checks the recovery key (throttled like a login of its own). */
  async authenticateRecovery(recoveryKey: string): Promise<Authenticated> {
    return this.serial(async () => {
      const file = this.prepareAttempt(RECOVERY);
      const bytes = decodeRecoveryKey(recoveryKey);
      const slot = file.slots.find((s) => s.kind === 'recovery');
      const privateKey =
        bytes && slot && slot.kdf.alg === 'hkdf' ? tryOpen(deriveFromRecoveryKey(bytes, slot.kdf.salt), slot, file) : null;
      if (!slot || !privateKey || !slot.dbKey) throw this.fail(file, RECOVERY, 'WRONG_RECOVERY_KEY', { reason: 'recovery_key' });
      const key = unbox(privateKey, slot.publicKey, slot.dbKey, dbKeyAad(file, slot.id, file.keyVersion));
      privateKey.fill(0);
      this.succeeded(file, bucketOf(file, RECOVERY));
      return { key, staffId: null, legacyFile: false };
    });
  }

  /** Opens the database with an authenticated key (the caller closed any session first). */
  async openWith(auth: Authenticated): Promise<OpenVault> {
    if (this.state) await this.lock();
    const file = this.readFile();
    const open = await this.finishUnlock(file, auth.key, auth.staffId);
    // Any unlock of a format-1 file (recovery key included) hides the remaining sha256 tags.
    if (file.slots.some((s) => s.loginTag)) await this.hideLegacyLogins();
    return open;
  }

  async unlock(login: string, passphrase: string): Promise<OpenVault> {
    return this.openWith(await this.authenticate(login, passphrase));
  }

  /** Opens with the recovery key; the caller then resets an administrator's passphrase. */
  async unlockWithRecoveryKey(recoveryKey: string): Promise<OpenVault> {
    return this.openWith(await this.authenticateRecovery(recoveryKey));
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
    file.lookup ??= this.newLookup();
    const slot = await staffKeySlot(file, state.key, staffId, login, passphrase);
    file.slots = [...file.slots.filter((s) => s.staffId !== staffId), slot];
    writeKeySlotFile(this.dataDir, file);
  }

  /**
   * Checks a signed-in member's current passphrase (finding 2): one attempt at a time,
   * counted and throttled with that login's unlock failures. Throws WRONG_PASSPHRASE or
   * TOO_MANY_ATTEMPTS; the caller writes the audit entry (the database is open).
   */
  async verifyPassphrase(staffId: string, login: string, passphrase: string): Promise<void> {
    return this.serial(async () => {
      const file = this.prepareAttempt(login, false);
      const found = await this.findStaffSlot(file, login, passphrase);
      const ok = found !== null && found.slot.staffId === staffId;
      found?.privateKey.fill(0);
      if (!ok) throw this.fail(file, login, 'WRONG_PASSPHRASE', { reason: 'passphrase_change' }, false);
      this.succeeded(file, bucketOf(file, login));
    });
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
    file.slots = [...file.slots.filter((s) => s.kind !== 'recovery'), recoveryKeySlot(file, state.key, recovery)];
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
    privateFile(join(this.dataDir, REKEY_BACKUP));
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

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.attempts.then(fn, fn);
    this.attempts = run.catch(() => undefined);
    return run;
  }

  /** The wait is checked before any key derivation (finding 1). */
  private prepareAttempt(login: string, pendingAudit = true): KeySlotFile {
    const file = this.readFile();
    if (!this.state) this.finishInterruptedRekey(file);
    const bucket = bucketOf(file, login);
    const before = failuresOf(file, bucket);
    if (retryAfterMs(before, freeAttempts(file), this.now()) > 0) {
      // Finding 1: a refused attempt counts too (the wait grows from the last checked one).
      const failures = { count: before.count + 1, lastAt: before.lastAt };
      file.failures = { ...file.failures, [bucket]: failures };
      writeKeySlotFile(this.dataDir, file);
      const wait = retryAfterMs(failures, freeAttempts(file), this.now());
      if (pendingAudit) {
        appendPendingAudit(this.dataDir, file, {
          at: new Date(this.now()).toISOString(),
          action: 'vault.unlock_refused',
          summary: { login: auditLogin(login), reason: 'throttled', retryAfterMs: wait, failures: failures.count },
        });
      }
      throw new KaijiError('TOO_MANY_ATTEMPTS', { seconds: Math.ceil(wait / 1000), retryAfterMs: wait, failures: failures.count });
    }
    return file;
  }

  private fail(
    file: KeySlotFile,
    login: string,
    code: 'WRONG_PASSPHRASE' | 'WRONG_RECOVERY_KEY' | 'ACCOUNT_DISABLED',
    summary: Record<string, unknown>,
    pendingAudit = true,
  ): KaijiError {
    const now = this.now();
    const bucket = bucketOf(file, login);
    const failures = { count: failuresOf(file, bucket).count + 1, lastAt: now };
    file.failures = { ...file.failures, [bucket]: failures };
    writeKeySlotFile(this.dataDir, file);
    if (pendingAudit) {
      appendPendingAudit(this.dataDir, file, {
        at: new Date(now).toISOString(),
        action: 'vault.unlock_failed',
        summary: { login: auditLogin(login), ...summary, failures: failures.count },
      });
    }
    return new KaijiError(code, { retryAfterMs: retryAfterMs(failures, freeAttempts(file), now), failures: failures.count });
  }

  /** A success resets only its own login's count (finding 3). */
  private succeeded(file: KeySlotFile, bucket: string): void {
    if (!file.failures?.[bucket] && !file.unlockFailures) return;
    const { [bucket]: _, ...rest } = file.failures ?? {};
    file.failures = rest;
    delete file.unlockFailures;
    writeKeySlotFile(this.dataDir, file);
  }

  /** One derivation for any login (known or not, so timing tells nothing): see findStaffSlotIn. */
  private findStaffSlot(file: KeySlotFile, login: string, passphrase: string): Promise<FoundSlot | null> {
    return findStaffSlotIn(file, login, passphrase, file.lookup ?? this.newLookup());
  }

  /** Re-wraps a format-1 slot under the format-2 derivation (its owner just proved the passphrase). */
  private async convertLegacySlot(file: KeySlotFile, slot: KeySlot, login: string, passphrase: string, privateKey: Buffer): Promise<void> {
    file.lookup ??= this.newLookup();
    const master = await scryptAsync(lookupInput(login, passphrase), file.lookup.salt, file.lookup);
    slot.tag = slotTag(master);
    slot.wrappedPrivateKey = seal(slotKek(master, slot.id), privateKey, privateKeyAad(file, slot.id));
    slot.kdf = { alg: 'lookup' };
    delete slot.loginTag;
    delete slot.slowLoginTag;
    master.fill(0);
    file.format = KEYSLOT_FORMAT;
    writeKeySlotFile(this.dataDir, file);
  }

  /**
   * After a format-1 file was opened: the other members' sha256 login tags (a dictionary
   * reverses them) become slow tags, from the logins the database holds.
   */
  private async hideLegacyLogins(): Promise<void> {
    const state = this.requireOpen();
    const file = this.readFile();
    const pending = file.slots.filter((s) => s.loginTag);
    if (pending.length === 0 || !file.lookup) return;
    const staff = await state.db.selectFrom('staff').select(['id', 'login']).execute();
    for (const slot of pending) {
      const login = staff.find((m) => m.id === slot.staffId)?.login;
      if (login) slot.slowLoginTag = (await scryptAsync(normalLogin(login), file.lookup.legacySalt, file.lookup)).toString('base64');
      delete slot.loginTag;
    }
    file.format = KEYSLOT_FORMAT;
    writeKeySlotFile(this.dataDir, file);
  }

  private newLookup(): LookupParams {
    return { ...this.scrypt, salt: randomBytes(16).toString('base64'), legacySalt: randomBytes(16).toString('base64') };
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

export interface Authenticated {
  key: Buffer;
  staffId: string | null;
  /** This unlock converted its own format-1 slot. */
  legacyFile: boolean;
}

export const RECOVERY = '(recovery)';
const normalLogin = (login: string) => login.normalize('NFKC').trim().toLowerCase();
export const lookupInput = (login: string, passphrase: string) => `${normalLogin(login)}\u0000${passphrase.normalize('NFC')}`;
export const slotTag = (master: Buffer) => createHmac('sha256', master).update('kaiji-slot-tag').digest('base64');
export const slotKek = (master: Buffer, slotId: string) => createHmac('sha256', master).update(`kaiji-slot-kek|${slotId}`).digest();
/** Audit summaries name a login only as typed by staff at the lock screen, capped. */
export const auditLogin = (login: string) => login.slice(0, 32);

export function scryptAsync(input: string, salt: string, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const { N, r, p } = params;
  return new Promise((resolve, reject) =>
    scrypt(input, Buffer.from(salt, 'base64'), 32, { N, r, p, maxmem: 256 * N * r + 16 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** A staff slot (format 2: found by the tag of the login+passphrase derivation under `file.lookup`). */
export async function staffKeySlot(
  file: Pick<KeySlotFile, 'vaultId' | 'keyVersion' | 'lookup'>,
  key: Buffer,
  staffId: string,
  login: string,
  passphrase: string,
): Promise<KeySlot> {
  const lookup = file.lookup!;
  const master = await scryptAsync(lookupInput(login, passphrase), lookup.salt, lookup);
  const id = randomUUID();
  const slot = newKeySlot(file, key, { kind: 'staff', staffId, tag: slotTag(master), kdf: { alg: 'lookup' } }, slotKek(master, id), id);
  master.fill(0);
  return slot;
}

/** The recovery slot: its key-encryption key derived from the recovery key's bytes. */
export function recoveryKeySlot(file: Pick<KeySlotFile, 'vaultId' | 'keyVersion'>, key: Buffer, recovery: Buffer): KeySlot {
  const salt = randomBytes(16).toString('base64');
  return newKeySlot(file, key, { kind: 'recovery', kdf: { alg: 'hkdf', salt } }, deriveFromRecoveryKey(recovery, salt), randomUUID());
}

/**
 * A key slot: a new X25519 pair whose private key is wrapped under `kek` and to which the
 * database key is boxed (the vault's and the office key ring's slots alike). Wipes `kek`.
 */
export function newKeySlot(
  file: Pick<KeySlotFile, 'vaultId' | 'keyVersion'>,
  key: Buffer,
  base: Pick<KeySlot, 'kind' | 'staffId' | 'tag' | 'kdf'>,
  kek: Buffer,
  id: string,
): KeySlot {
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

/**
 * The throttle bucket of a login: one byte of its hash, so the file names no login. Two logins
 * share a bucket in 1 vault of 256 (the vault id salts the hash): then they share a count.
 */
export function bucketOf(file: KeySlotFile, login: string): string {
  return sha256hex(`${file.vaultId}|bucket|${normalLogin(login)}`).slice(0, 2);
}

function failuresOf(file: KeySlotFile, bucket: string): { count: number; lastAt: number | null } {
  // A format-1 file's single count still applies until the next success.
  return file.failures?.[bucket] ?? file.unlockFailures ?? { count: 0, lastAt: null };
}

export function freeAttempts(file: KeySlotFile): number {
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
  const found = await findStaffSlotIn(file, credentials.login, credentials.passphrase, file.lookup);
  if (!found) return null;
  const { slot, privateKey } = found;
  if (!slot.dbKey) throw new KaijiError('ACCOUNT_DISABLED');
  return { key: unbox(privateKey, slot.publicKey, slot.dbKey, dbKeyAad(file, slot.id, file.keyVersion)), staffId: slot.staffId ?? null };
}

type FoundSlot = { slot: KeySlot; privateKey: Buffer; legacy: boolean };

/**
 * The staff slot that login + passphrase open: format 2 by the derivation's tag (run even when
 * the file has no lookup yet, with `lookup`, so timing tells nothing), then format-1 slots by
 * their sha256 tag or by the slow tag left until their owner signs in.
 */
async function findStaffSlotIn(file: KeySlotFile, login: string, passphrase: string, lookup: LookupParams | undefined): Promise<FoundSlot | null> {
  if (lookup) {
    const master = await scryptAsync(lookupInput(login, passphrase), lookup.salt, lookup);
    try {
      const tag = slotTag(master);
      const slot = file.slots.find((s) => s.kind === 'staff' && s.tag === tag && s.kdf.alg === 'lookup');
      if (slot) {
        const privateKey = tryOpen(slotKek(master, slot.id), slot, file);
        return privateKey ? { slot, privateKey, legacy: false } : null;
      }
    } finally {
      master.fill(0);
    }
  }
  const legacyTag = sha256hex(`${file.vaultId}|${normalLogin(login)}`);
  let legacy = file.slots.find((s) => s.kind === 'staff' && s.loginTag === legacyTag);
  if (!legacy && file.lookup && file.slots.some((s) => s.slowLoginTag)) {
    const slow = (await scryptAsync(normalLogin(login), file.lookup.legacySalt, file.lookup)).toString('base64');
    legacy = file.slots.find((s) => s.kind === 'staff' && s.slowLoginTag === slow);
  }
  if (!legacy || legacy.kdf.alg !== 'scrypt') return null;
  const privateKey = tryOpen(await deriveFromPassphrase(passphrase, legacy.kdf), legacy, file);
  return privateKey ? { slot: legacy, privateKey, legacy: true } : null;
}

