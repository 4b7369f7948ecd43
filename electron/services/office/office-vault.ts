import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { KaijiError } from '@shared/errors';
import {
  box,
  decodeRecoveryKey,
  encodeRecoveryKey,
  newKeyPair,
  randomKey,
  unbox,
  DEFAULT_SCRYPT,
  type Boxed,
  type ScryptParams,
} from '../vault/crypto';
import type { DeskVault } from '../vault/desk-vault';
import { dbKeyAad, KEYSLOT_FORMAT, type KeySlotFile, type LookupParams } from '../vault/keyslot-file';
import { LATEST_SCHEMA_VERSION } from '../vault/migrator';
import type { PendingAuditRecord } from '../vault/pending-audit';
import type { Database } from '../vault/schema';
import { retryAfterMs } from '../vault/unlock-throttle';
import {
  auditLogin,
  bucketOf,
  dbKeyFromSlots,
  freeAttempts,
  recoveryKeySlot,
  staffKeySlot,
  DEFAULT_FREE_ATTEMPTS,
  RECOVERY,
  type Authenticated,
  type OpenVault,
} from '../vault/vault';
import { connectFailure } from './desk-connection';
import { officeKysely, type OfficeConnection } from './office-database';
import { SealingPlugin } from './sealed-store';
import type { OfficeKeyring } from './office-keyring';
import { officeKeys, type OfficeKeys } from './office-sealing';

export interface OfficeVaultOptions {
  /** The desk's own folder (desk lock, settings); no office data is kept there. */
  dataDir: string;
  connection: OfficeConnection;
  now?: () => number;
  scrypt?: Omit<ScryptParams, 'alg' | 'salt'>;
  /** Connections this desk keeps open to the office server. */
  poolSize?: number;
}

const AUDIT_SECRET = 'audit_private_key';
const pendingAad = (officeId: string) => `kaiji-pending-audit|${officeId}`;

interface OpenState {
  db: Kysely<Database>;
  dataKey: Buffer;
  keys: OfficeKeys;
  pendingIds: string[];
}

type Db = Kysely<Database> | Transaction<Database>;
type AnyDb = Kysely<unknown> | Transaction<unknown>;

/**
 * The office database's counterpart of `Vault` (#16 item 1; design in docs/ARCHITECTURE.md,
 * "Several desks on PostgreSQL"). The office data key is boxed to the same kind of key slots as
 * vault.json holds, kept in `office_keyring` (one row, locked `for update` by each change so two
 * desks never lose each other's slot writes); any desk opens it with a staff passphrase or the
 * recovery key. Throttle counts per login bucket and unlock attempts made while locked live in
 * tables (migration 049), shared by every desk. A slot change runs in the caller's transaction,
 * with the staff row it belongs to.
 *
 * The desk connects as the app role: it cannot create or alter tables, so an office database
 * older than this build is refused (the owner upgrades it: `npm run office -- upgrade`).
 * SQLCipher-only operations (rekey, file backups) are refused with their own messages.
 */
export class OfficeVault implements DeskVault {
  readonly kind = 'office' as const;
  readonly dataDir: string;
  /** The pool, without keys: keyring, throttle, pending audit and the schema version. */
  private readonly bare: Kysely<Database>;
  private readonly now: () => number;
  private readonly scrypt: Omit<ScryptParams, 'alg' | 'salt'>;
  private state: OpenState | null = null;
  private keyring: OfficeKeyring | null = null;
  private attempts: Promise<unknown> = Promise.resolve();
  /** Server process ids of this desk's pool (#16 item 3: its own change notices are skipped). */
  readonly backends = new Set<number>();
  readonly connection: OfficeConnection;

  constructor(options: OfficeVaultOptions) {
    this.dataDir = options.dataDir;
    this.now = options.now ?? Date.now;
    this.scrypt = options.scrypt ?? DEFAULT_SCRYPT;
    this.connection = options.connection;
    this.bare = officeKysely(options.connection, options.poolSize ?? 4, this.backends);
  }

  get isOpen(): boolean {
    return this.state !== null;
  }

  get db(): Kysely<Database> {
    if (!this.state) throw new KaijiError('LOCKED');
    return this.state.db;
  }

  get keyVersion(): number {
    return this.keyring?.keyVersion ?? 1;
  }

  async initialized(): Promise<boolean> {
    return (await this.loadKeyring(this.bare)) !== null;
  }

  async retryAfterMs(login: string): Promise<number> {
    const keyring = await this.loadKeyring(this.bare);
    if (!keyring) return 0;
    return retryAfterMs(await this.failuresOf(bucketOf(asFile(keyring), login)), freeAttempts(asFile(keyring)), this.now());
  }

  async create(
    admin: { staffId: string; login: string; passphrase: string },
    init: (db: Kysely<Database>) => Promise<void>,
  ): Promise<{ open: OpenVault; recoveryKey: string }> {
    await this.assertSchema();
    if (await this.initialized()) throw new KaijiError('ALREADY_INITIALIZED');
    const dataKey = randomKey();
    const auditKeys = newKeyPair();
    const keyring: OfficeKeyring = {
      format: KEYSLOT_FORMAT,
      vaultId: randomUUID(),
      createdAt: new Date(this.now()).toISOString(),
      keyVersion: 1,
      auditPublicKey: auditKeys.publicKey,
      slots: [],
      freeUnlockAttempts: DEFAULT_FREE_ATTEMPTS,
      lookup: this.newLookup(),
    };
    keyring.slots.push(await staffKeySlot(keyring, dataKey, admin.staffId, admin.login, admin.passphrase));
    const recovery = randomBytes(32);
    keyring.slots.push(recoveryKeySlot(keyring, dataKey, recovery));
    const state = this.openState(dataKey, keyring.keyVersion);
    // The secret first: a second desk setting up at the same moment fails here (primary key),
    // before it has written anything else.
    await state.db.insertInto('vault_secrets').values({ name: AUDIT_SECRET, value: auditKeys.privateKey.toString('base64') }).execute();
    await init(state.db);
    // The keyring last, as vault.json is written last: until it exists the office is "not set up".
    const { rows } = await sql<{ id: number }>`insert into office_keyring (id, keyring, updated_at)
      values (1, ${JSON.stringify(keyring)}, ${new Date(this.now()).toISOString()}) on conflict (id) do nothing returning id`.execute(this.bare);
    if (rows.length === 0) throw new KaijiError('ALREADY_INITIALIZED');
    this.keyring = keyring;
    this.state = state;
    return { open: { db: state.db, staffId: admin.staffId, pendingAudit: [] }, recoveryKey: encodeRecoveryKey(recovery) };
  }

  async authenticate(login: string, passphrase: string): Promise<Authenticated> {
    return this.serial(async () => {
      const keyring = await this.prepareAttempt(login);
      let opened: Awaited<ReturnType<typeof dbKeyFromSlots>>;
      try {
        opened = await dbKeyFromSlots(asFile(keyring), { login, passphrase });
      } catch (error) {
        if (error instanceof KaijiError && error.code === 'ACCOUNT_DISABLED') throw await this.fail(keyring, login, 'ACCOUNT_DISABLED', { reason: 'disabled' });
        throw error;
      }
      if (!opened) throw await this.fail(keyring, login, 'WRONG_PASSPHRASE', { reason: 'passphrase_or_login' });
      await this.succeeded(keyring, login);
      return { key: opened.key, staffId: opened.staffId, legacyFile: false };
    });
  }

  async authenticateRecovery(recoveryKey: string): Promise<Authenticated> {
    return this.serial(async () => {
      const keyring = await this.prepareAttempt(RECOVERY);
      const opened = decodeRecoveryKey(recoveryKey) ? await dbKeyFromSlots(asFile(keyring), { recoveryKey }) : null;
      if (!opened) throw await this.fail(keyring, RECOVERY, 'WRONG_RECOVERY_KEY', { reason: 'recovery_key' });
      await this.succeeded(keyring, RECOVERY);
      return { key: opened.key, staffId: null, legacyFile: false };
    });
  }

  async openWith(auth: Authenticated): Promise<OpenVault> {
    if (this.state) await this.lock();
    try {
      await this.assertSchema();
    } catch (error) {
      auth.key.fill(0);
      throw error;
    }
    const keyring = await this.requireKeyring(this.bare);
    this.keyring = keyring;
    const state = this.openState(auth.key, keyring.keyVersion);
    const secret = await state.db.selectFrom('vault_secrets').select('value').where('name', '=', AUDIT_SECRET).executeTakeFirstOrThrow();
    const privateKey = Buffer.from(secret.value, 'base64');
    const rows = await sql<{ id: string; sealed: string }>`select id, sealed from office_pending_audit order by created_at, id`.execute(this.bare);
    const pendingAudit: PendingAuditRecord[] = [];
    for (const r of rows.rows) {
      try {
        pendingAudit.push(JSON.parse(unbox(privateKey, keyring.auditPublicKey, JSON.parse(r.sealed) as Boxed, pendingAad(keyring.vaultId)).toString('utf8')));
      } catch {
        // A record sealed to another office's key: nothing to recover from it.
      }
    }
    privateKey.fill(0);
    state.pendingIds = rows.rows.map((r) => r.id);
    this.state = state;
    return { db: state.db, staffId: auth.staffId, pendingAudit };
  }

  async lock(): Promise<void> {
    const state = this.state;
    if (!state) return;
    this.state = null;
    state.dataKey.fill(0);
    for (const k of [state.keys.enc, state.keys.index, state.keys.token]) k.fill(0);
  }

  async setStaffSlot(staffId: string, login: string, passphrase: string, trx?: Transaction<Database>): Promise<void> {
    const state = this.requireOpen();
    await this.changeKeyring(trx, async (keyring) => {
      const slot = await staffKeySlot(keyring, state.dataKey, staffId, login, passphrase);
      keyring.slots = [...keyring.slots.filter((s) => s.staffId !== staffId), slot];
    });
  }

  async verifyPassphrase(staffId: string, login: string, passphrase: string): Promise<void> {
    return this.serial(async () => {
      const keyring = await this.prepareAttempt(login, false);
      const opened = await dbKeyFromSlots(asFile(keyring), { login, passphrase }).catch(() => null);
      opened?.key.fill(0);
      if (!opened || opened.staffId !== staffId) throw await this.fail(keyring, login, 'WRONG_PASSPHRASE', { reason: 'passphrase_change' }, false);
      await this.succeeded(keyring, login);
    });
  }

  async setStaffSlotEnabled(staffId: string, enabled: boolean, trx?: Transaction<Database>): Promise<void> {
    const state = this.requireOpen();
    await this.changeKeyring(trx, async (keyring) => {
      const slot = keyring.slots.find((s) => s.staffId === staffId);
      if (!slot) throw new KaijiError('NOT_FOUND');
      slot.dbKey = enabled ? box(slot.publicKey, state.dataKey, dbKeyAad(keyring, slot.id, keyring.keyVersion)) : null;
    });
  }

  async deleteStaffSlot(staffId: string, trx?: Transaction<Database>): Promise<void> {
    this.requireOpen();
    await this.changeKeyring(trx, async (keyring) => {
      keyring.slots = keyring.slots.filter((s) => s.staffId !== staffId);
    });
  }

  async rotateRecoveryKey(trx?: Transaction<Database>): Promise<string> {
    const state = this.requireOpen();
    const recovery = randomBytes(32);
    await this.changeKeyring(trx, async (keyring) => {
      keyring.slots = [...keyring.slots.filter((s) => s.kind !== 'recovery'), recoveryKeySlot(keyring, state.dataKey, recovery)];
    });
    return encodeRecoveryKey(recovery);
  }

  async setFreeUnlockAttempts(n: number): Promise<void> {
    await this.changeKeyring(undefined, async (keyring) => {
      keyring.freeUnlockAttempts = n;
    });
  }

  async rekey(): Promise<void> {
    throw new KaijiError('OFFICE_NOT_HERE');
  }

  backupSource(): never {
    throw new KaijiError('OFFICE_BACKUP_BY_SERVER');
  }

  async clearPendingAudit(): Promise<void> {
    const ids = this.state?.pendingIds.splice(0) ?? [];
    if (ids.length) await sql`delete from office_pending_audit where id = any(${ids})`.execute(this.bare);
  }

  /**
   * #16 item 1: a desk joining or leaving this office (the connection screen), recorded while no
   * one is signed in: sealed to the office's audit key and moved into the chain by the next
   * unlock at any desk. Nothing is recorded for an office not yet set up (no audit key yet).
   */
  async recordWhileLocked(action: string, summary: Record<string, unknown>): Promise<void> {
    const keyring = await this.loadKeyring(this.bare);
    if (keyring) await this.appendPending(keyring, { action, summary });
  }

  async close(): Promise<void> {
    await this.lock();
    await this.bare.destroy();
  }

  // --- internals ---------------------------------------------------------------

  private openState(dataKey: Buffer, keyVersion: number): OpenState {
    const keys = officeKeys(dataKey, keyVersion);
    // Every personal column is sealed on write and opened on read at this desk (sealed-store.ts).
    return { db: this.bare.withPlugin(new SealingPlugin(keys)), dataKey, keys, pendingIds: [] };
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

  private async assertSchema(): Promise<void> {
    const found = await this.schemaVersion();
    if (found > LATEST_SCHEMA_VERSION) throw new KaijiError('VAULT_TOO_NEW', { found, supported: LATEST_SCHEMA_VERSION });
    if (found < LATEST_SCHEMA_VERSION) throw new KaijiError('OFFICE_SCHEMA_OLD', { found, supported: LATEST_SCHEMA_VERSION });
  }

  private async schemaVersion(): Promise<number> {
    try {
      const { rows } = await sql<{ v: number | null }>`select max(version) as v from schema_migrations`.execute(this.bare);
      return Number(rows[0]?.v ?? 0);
    } catch (error) {
      if ((error as { code?: string }).code === '42P01') return 0; // no schema yet
      throw unreachable(error);
    }
  }

  private async loadKeyring(db: AnyDb | Db): Promise<OfficeKeyring | null> {
    try {
      const { rows } = await sql<{ keyring: string }>`select keyring from office_keyring where id = 1`.execute(db);
      return rows[0] ? (JSON.parse(rows[0].keyring) as OfficeKeyring) : null;
    } catch (error) {
      if ((error as { code?: string }).code === '42P01') return null;
      throw unreachable(error);
    }
  }

  private async requireKeyring(db: AnyDb | Db): Promise<OfficeKeyring> {
    const keyring = await this.loadKeyring(db);
    if (!keyring) throw new KaijiError('NOT_INITIALIZED');
    return keyring;
  }

  /** Read-change-write of the one keyring row under its row lock, in the caller's transaction if given. */
  private async changeKeyring(trx: Transaction<Database> | undefined, change: (keyring: OfficeKeyring) => Promise<void>): Promise<void> {
    const run = async (t: Transaction<Database>) => {
      const { rows } = await sql<{ keyring: string }>`select keyring from office_keyring where id = 1 for update`.execute(t);
      if (!rows[0]) throw new KaijiError('NOT_INITIALIZED');
      const keyring = JSON.parse(rows[0].keyring) as OfficeKeyring;
      await change(keyring);
      await sql`update office_keyring set keyring = ${JSON.stringify(keyring)}, updated_at = ${new Date(this.now()).toISOString()} where id = 1`.execute(t);
      this.keyring = keyring;
    };
    if (trx) await run(trx);
    else await this.bare.transaction().execute(run);
  }

  /** The wait is checked before any key derivation; a refused attempt counts too (as vault.ts). */
  private async prepareAttempt(login: string, pendingAudit = true): Promise<OfficeKeyring> {
    const keyring = await this.requireKeyring(this.bare);
    const bucket = bucketOf(asFile(keyring), login);
    const before = await this.failuresOf(bucket);
    if (retryAfterMs(before, freeAttempts(asFile(keyring)), this.now()) > 0) {
      const { rows } = await sql<{ count: number; last_at: string | null }>`
        insert into office_unlock_failures (bucket, count, last_at) values (${bucket}, 1, ${this.now()})
        on conflict (bucket) do update set count = office_unlock_failures.count + 1
        returning count, last_at`.execute(this.bare);
      const failures = { count: rows[0]!.count, lastAt: rows[0]!.last_at === null ? null : Number(rows[0]!.last_at) };
      const wait = retryAfterMs(failures, freeAttempts(asFile(keyring)), this.now());
      if (pendingAudit) {
        await this.appendPending(keyring, {
          action: 'vault.unlock_refused',
          summary: { login: auditLogin(login), reason: 'throttled', retryAfterMs: wait, failures: failures.count },
        });
      }
      throw new KaijiError('TOO_MANY_ATTEMPTS', { seconds: Math.ceil(wait / 1000), retryAfterMs: wait, failures: failures.count });
    }
    return keyring;
  }

  private async failuresOf(bucket: string): Promise<{ count: number; lastAt: number | null }> {
    const { rows } = await sql<{ count: number; last_at: string | null }>`select count, last_at from office_unlock_failures where bucket = ${bucket}`.execute(this.bare);
    const r = rows[0];
    return r ? { count: r.count, lastAt: r.last_at === null ? null : Number(r.last_at) } : { count: 0, lastAt: null };
  }

  private async fail(
    keyring: OfficeKeyring,
    login: string,
    code: 'WRONG_PASSPHRASE' | 'WRONG_RECOVERY_KEY' | 'ACCOUNT_DISABLED',
    summary: Record<string, unknown>,
    pendingAudit = true,
  ): Promise<KaijiError> {
    const now = this.now();
    const bucket = bucketOf(asFile(keyring), login);
    // One statement: desks failing at once each add their own count.
    const { rows } = await sql<{ count: number }>`
      insert into office_unlock_failures (bucket, count, last_at) values (${bucket}, 1, ${now})
      on conflict (bucket) do update set count = office_unlock_failures.count + 1, last_at = excluded.last_at
      returning count`.execute(this.bare);
    const failures = { count: rows[0]!.count, lastAt: now };
    if (pendingAudit) {
      await this.appendPending(keyring, { action: 'vault.unlock_failed', summary: { login: auditLogin(login), ...summary, failures: failures.count } });
    }
    return new KaijiError(code, { retryAfterMs: retryAfterMs(failures, freeAttempts(asFile(keyring)), now), failures: failures.count });
  }

  private async succeeded(keyring: OfficeKeyring, login: string): Promise<void> {
    await sql`delete from office_unlock_failures where bucket = ${bucketOf(asFile(keyring), login)}`.execute(this.bare);
  }

  private async appendPending(keyring: OfficeKeyring, record: Omit<PendingAuditRecord, 'id' | 'at'>): Promise<void> {
    const at = new Date(this.now()).toISOString();
    const full: PendingAuditRecord = { id: randomUUID(), at, ...record };
    const sealed = box(keyring.auditPublicKey, Buffer.from(JSON.stringify(full)), pendingAad(keyring.vaultId));
    await sql`insert into office_pending_audit (id, sealed, created_at) values (${full.id}, ${JSON.stringify(sealed)}, ${at})`.execute(this.bare);
  }

  private newLookup(): LookupParams {
    return { ...this.scrypt, salt: randomBytes(16).toString('base64'), legacySalt: randomBytes(16).toString('base64') };
  }
}

/** The keyring read as the slot file `dbKeyFromSlots` and the bucket hash take. */
function asFile(keyring: OfficeKeyring): KeySlotFile {
  return { ...keyring, pendingRekey: null };
}

/** Connection failures say so in both languages; the driver's text (host names) stays out of the message. */
function unreachable(error: unknown): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (/^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|ECONNRESET|28P01|28000|3D000)$/.test(code)) return new KaijiError('OFFICE_UNREACHABLE');
  // #16 item 1: a server that dropped TLS or changed its certificate is named as the connection screen names it.
  const tls = connectFailure(error);
  return tls.code === 'OFFICE_NO_TLS' || tls.code === 'OFFICE_WRONG_CA' ? tls : error;
}
