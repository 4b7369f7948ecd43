import { randomUUID } from 'node:crypto';
import type { SessionUser, SetupResult, VaultStatus } from '@shared/contract';
import { KaijiError } from '@shared/errors';
import { AuditLog, type Actor } from '../audit/audit-log';
import { OcrPool } from '../ocr';
import { createScanPipeline } from '../pages/scan-pipeline';
import type { PagePipeline } from '../pages/page-pipeline';
import { ScannerFolder } from '../pages/scanner-folder';
import { SettingsService } from '../settings/settings-service';
import { assertPassphraseAcceptable } from '../staff/passphrase-policy';
import { StaffService } from '../staff/staff-service';
import { acquireDirLock, ensureDataDir } from '../vault/data-dir';
import type { ScryptParams } from '../vault/crypto';
import { settleRekeyIntents } from '../vault/rekey-audit';
import { Vault, type OpenVault } from '../vault/vault';
import type { DeskVault } from '../vault/desk-vault';
import type { OfficeConnection } from '../office/office-database';
import { OfficeVault } from '../office/office-vault';
import { createWorkspace, type Workspace } from './workspace';
import { ChangeBus, listenForChanges, type ChangeListener } from '../concurrency/change-notices';
import { officeClient } from '../office/office-database';
import type { OfficeSource } from '@shared/contract/channels/office';

export interface CoreOptions {
  dataDir: string;
  mode: 'electron' | 'web';
  now?: () => number;
  scrypt?: Omit<ScryptParams, 'alg' | 'salt'>;
  /** How often the idle lock is checked. */
  idleCheckMs?: number;
  /** OCR workers; default one per core. */
  ocrWorkers?: number;
  /** How often the scanner folder is looked at. */
  scannerPollMs?: number;
  /**
   * #16: an office database instead of the local vault (several desks on PostgreSQL). The data
   * folder then holds only this desk's lock; see office/office-desk.ts for how a desk chooses.
   */
  office?: OfficeConnection;
  /** #16 item 1: where `office` came from (office/desk-connection.ts `officeAtStart`); 'start' when given without it. */
  officeSource?: OfficeSource;
}

/** Who is at the desk, and the services their unlock opened. */
export interface Session {
  user: SessionUser;
  actor: Actor & { id: string };
  ws: Workspace;
  idleLockMinutes: number;
  lastActivity: number;
  scanner: ScannerFolder | null;
}

/**
 * Kaiji's services for one desk, without Electron: the vault, the session of whoever
 * unlocked it, and the idle lock. Electron's main process and web mode each hold one
 * and route the same handler map into it.
 */
export class KaijiCore {
  /** The back end, which the office connection screen may switch while nobody is signed in (#16 item 1). */
  private backend: DeskVault;
  /** Where the office connection came from: 'start' (KAIJI_OFFICE / --office), 'desk' (office.json in the data folder), 'none'. */
  private backendSource: OfficeSource;
  readonly mode: 'electron' | 'web';
  /** #16 item 3: change notices for this desk's windows (services/concurrency/change-notices.ts). */
  readonly changes = new ChangeBus();
  private readonly now: () => number;
  private session: Session | null = null;
  private readonly releaseDir: () => void;
  private readonly idleTimer: NodeJS.Timeout;
  private readonly options: CoreOptions;
  private ocr: OcrPool | null = null;
  private scanPipeline: PagePipeline | null = null;
  /** Page files are swept once per process (see begin). */
  private pageFilesSwept = false;

  constructor(options: CoreOptions) {
    ensureDataDir(options.dataDir);
    this.releaseDir = acquireDirLock(options.dataDir);
    this.options = options;
    this.mode = options.mode;
    this.now = options.now ?? Date.now;
    this.backend = this.openBackend(options.office);
    this.backendSource = options.office ? (options.officeSource ?? 'start') : 'none';
    this.idleTimer = setInterval(() => void this.lockIfIdle(), options.idleCheckMs ?? 5_000);
    this.idleTimer.unref();
  }

  private listener: Promise<ChangeListener | null> = Promise.resolve(null);

  get vault(): DeskVault {
    return this.backend;
  }

  get officeSource(): OfficeSource {
    return this.backendSource;
  }

  private openBackend(office: OfficeConnection | undefined): DeskVault {
    const vault = office
      ? new OfficeVault({ dataDir: this.options.dataDir, connection: office, now: this.now, scrypt: this.options.scrypt })
      : new Vault({ dataDir: this.options.dataDir, now: this.now, scrypt: this.options.scrypt });
    // #16 item 3: other desks' changes, heard on one LISTEN connection (ids only, so also while locked).
    this.listener =
      vault instanceof OfficeVault
        ? listenForChanges(() => officeClient(vault.connection), this.changes, { ownBackends: vault.backends }).catch(() => null)
        : Promise.resolve(null);
    return vault;
  }

  /**
   * #16 item 1: the desk restarts on another back end (an office database, or its local vault)
   * without restarting the process: only while nobody is signed in, so no session, workspace,
   * scanner or schedule holds the old one. The old pool and its LISTEN connection are closed;
   * every window refetches (a `*` notice) and reads the new status.
   */
  async switchBackend(office: OfficeConnection | undefined, source: OfficeSource): Promise<void> {
    if (this.session) throw new KaijiError('OFFICE_SIGN_OUT_FIRST');
    const old = this.backend;
    const oldListener = this.listener;
    this.backend = this.openBackend(office);
    this.backendSource = office ? source : 'none';
    this.pageFilesSwept = false;
    // The old listener may still be waiting on an unreachable server: closed whenever it settles, not awaited.
    void oldListener.then((l) => l?.close()).catch(() => undefined);
    await old.close?.();
    this.changes.publish({ table: '*', ids: [] });
  }

  get current(): Session | null {
    return this.session;
  }

  requireSession(): Session {
    if (!this.session) throw new KaijiError('LOCKED');
    return this.session;
  }

  async status(): Promise<VaultStatus> {
    if (!(await this.vault.initialized())) return { state: 'uninitialized', retryAfterMs: 0 };
    const s = this.session;
    // Waits are per login (issue 11, finding 3): before anyone has typed a login there is none
    // to show; a refused attempt carries its own retryAfterMs.
    if (!s) return { state: 'locked', retryAfterMs: 0 };
    const settings = await s.ws.settings.get();
    return {
      state: 'unlocked',
      user: s.user,
      companyName: settings.companyName,
      idleLockMinutes: s.idleLockMinutes,
      retryAfterMs: 0,
    };
  }

  async setup(input: { companyName: string; adminName: string; adminLogin: string; passphrase: string }): Promise<SetupResult> {
    assertPassphraseAcceptable(input.passphrase);
    const staffId = randomUUID();
    const at = () => new Date(this.now());
    const { open, recoveryKey } = await this.vault.create(
      { staffId, login: input.adminLogin, passphrase: input.passphrase },
      async (db) => {
        const audit = new AuditLog(db, at);
        await db.transaction().execute(async (trx) => {
          const admin = await StaffService.insertFirst(
            trx,
            staffId,
            { displayName: input.adminName, login: input.adminLogin, role: 'administrator' },
            at().toISOString(),
          );
          await SettingsService.write(trx, 'companyName', input.companyName);
          const actor = { id: admin.id, name: admin.displayName };
          await audit.append(trx, actor, { action: 'vault.created', recordType: 'vault', summary: { companyName: input.companyName } });
          await audit.append(trx, actor, {
            action: 'staff.added',
            recordType: 'staff',
            recordId: admin.id,
            summary: { login: admin.login, displayName: admin.displayName, role: admin.role },
          });
        });
      },
    );
    const user = await this.begin(open, 'vault.unlocked');
    return { user, recoveryKey };
  }

  /** Finding 3: the person at the desk stays signed in until someone else has proved who they are. */
  async unlock(login: string, passphrase: string): Promise<SessionUser> {
    const auth = await this.vault.authenticate(login, passphrase);
    if (this.session) await this.lock('switch_user');
    return this.begin(await this.vault.openWith(auth), 'vault.unlocked');
  }

  /** Recovery key + an administrator's login: that administrator gets a new passphrase. */
  async recover(recoveryKey: string, login: string, newPassphrase: string): Promise<SessionUser> {
    assertPassphraseAcceptable(newPassphrase);
    const auth = await this.vault.authenticateRecovery(recoveryKey);
    if (this.session) await this.lock('switch_user');
    const open = await this.vault.openWith(auth);
    const admin = await open.db
      .selectFrom('staff')
      .selectAll()
      .where('login', '=', login)
      .where('role', '=', 'administrator')
      .where('status', '!=', 'removed')
      .executeTakeFirst();
    if (!admin) {
      await this.drainPendingAudit(open, { id: null, name: null });
      await this.vault.lock();
      throw new KaijiError('NOT_FOUND');
    }
    await this.vault.setStaffSlot(admin.id, admin.login, newPassphrase);
    if (admin.status !== 'active') {
      await open.db.updateTable('staff').set({ status: 'active', updated_at: new Date(this.now()).toISOString() }).where('id', '=', admin.id).execute();
    }
    return this.begin({ ...open, staffId: admin.id }, 'vault.recovered');
  }

  async lock(reason: 'user' | 'idle' | 'switch_user' | 'shutdown' = 'user'): Promise<void> {
    const s = this.session;
    if (!s) return;
    this.session = null;
    s.ws.importJobs.close();
    await s.scanner?.stop();
    // A running backup holds a copy of the key and reads the database: let it finish first.
    s.ws.backups.stopSchedule();
    s.ws.trash.stopSchedule();
    await s.ws.backups.settle();
    try {
      await s.ws.db.transaction().execute((trx) => s.ws.audit.append(trx, s.actor, { action: 'vault.locked', summary: { reason } }));
    } finally {
      await this.vault.lock();
    }
  }

  /** The OCR pool and the scan pipeline live as long as the process: workers take time to start. */
  get pipeline(): PagePipeline {
    this.scanPipeline ??= createScanPipeline(this.ocrPool());
    return this.scanPipeline;
  }

  ocrPool(): OcrPool {
    this.ocr ??= new OcrPool({ size: this.options.ocrWorkers });
    return this.ocr;
  }

  /** Any call by the user counts as activity for the idle lock. */
  touch(): void {
    if (this.session) this.session.lastActivity = this.now();
  }

  /** Settings that live outside the database too are mirrored on change. */
  async afterSettingsChange(): Promise<void> {
    const s = this.requireSession();
    const settings = await s.ws.settings.get();
    s.idleLockMinutes = settings.idleLockMinutes;
    await this.vault.setFreeUnlockAttempts(settings.freeUnlockAttempts);
    await s.scanner?.stop();
    s.scanner = this.watchScanner(s, settings.scannerFolder);
  }

  private watchScanner(s: Pick<Session, 'ws' | 'actor'>, folder: string): ScannerFolder | null {
    if (!folder) return null;
    const scanner = new ScannerFolder(folder, s.ws.imports, s.actor);
    scanner.start(this.options.scannerPollMs);
    return scanner;
  }

  async lockIfIdle(): Promise<boolean> {
    const s = this.session;
    // A running import is the user's work too: it holds the lock off.
    if (s?.ws.importJobs.running) this.touch();
    if (!s || this.now() - s.lastActivity < s.idleLockMinutes * 60_000) return false;
    await this.lock('idle');
    return true;
  }

  async dispose(): Promise<void> {
    clearInterval(this.idleTimer);
    await this.lock('shutdown');
    await this.ocr?.terminate();
    await (await this.listener)?.close();
    await this.vault.close?.();
    this.releaseDir();
  }

  private async begin(open: OpenVault, action: 'vault.unlocked' | 'vault.recovered'): Promise<SessionUser> {
    const ws = createWorkspace(open.db, this.vault, () => new Date(this.now()), this.pipeline);
    const row = open.staffId ? await ws.staff.get(open.staffId) : undefined;
    if (!row || row.status !== 'active') {
      await this.drainPendingAudit(open, { id: null, name: null }, { action: 'vault.unlock_failed', reason: 'account_inactive', staffId: open.staffId });
      await this.vault.lock();
      throw new KaijiError('ACCOUNT_DISABLED');
    }
    // #15 item 6: an older vault's page images move out to encrypted page files; files of
    // interrupted writes (no row refers to them, so no key exists) are removed.
    await ws.pages.moveImagesOut();
    // Orphans come from a process that died mid-write: one sweep after start finds them all
    // (#13 item 10: reading 20k page file names took ~100 ms of every unlock after an idle lock).
    if (!this.pageFilesSwept) {
      await ws.pages.sweepFiles();
      this.pageFilesSwept = true;
    }
    const user: SessionUser = { id: row.id, login: row.login, displayName: row.displayName, role: row.role };
    // #13 item 8: the dispatcher lets this session do nothing else until the passphrase changes.
    if (await ws.staff.mustChangePassphrase(row.id)) user.mustChangePassphrase = true;
    const actor = { id: row.id, name: row.displayName, role: row.role };
    await this.drainPendingAudit(open, actor, { action, login: row.login });
    const settings = await ws.settings.get();
    this.session = {
      user,
      actor,
      ws,
      idleLockMinutes: settings.idleLockMinutes,
      lastActivity: this.now(),
      scanner: this.watchScanner({ ws, actor }, settings.scannerFolder),
    };
    // Daily backups while the app runs, under whoever unlocked (#15 item 1). An office
    // database is backed up on its server (pg_dump), never from a desk.
    if (this.vault.kind === 'vault') ws.backups.startSchedule(actor);
    // #13 item 3: what has been in the trash longer than settings.trashDays goes for good, now and daily.
    // A failed purge must not keep anyone out; the next run tries again.
    await ws.trash.purgeExpired().catch(() => undefined);
    ws.trash.startSchedule();
    return user;
  }

  /** Moves attempts recorded while locked into the chain, together with this event. */
  private async drainPendingAudit(open: OpenVault, actor: Actor, event?: { action: string } & Record<string, unknown>): Promise<void> {
    const audit = new AuditLog(open.db, () => new Date(this.now()));
    await open.db.transaction().execute(async (trx) => {
      for (const record of open.pendingAudit) {
        const seen = await trx
          .selectFrom('audit_log')
          .select('seq')
          .where('record_type', '=', 'unlock_attempt')
          .where('record_id', '=', record.id)
          .executeTakeFirst();
        if (seen) continue;
        await audit.append(trx, { id: null, name: null }, {
          action: record.action,
          recordType: 'unlock_attempt',
          recordId: record.id,
          summary: { ...record.summary, attemptedAt: record.at },
        });
      }
      // Finding 9: a rekey cut short by a crash gets its outcome in the trail.
      await settleRekeyIntents(trx, audit, this.vault.keyVersion);
      if (event) {
        const { action, ...summary } = event;
        await audit.append(trx, actor, { action, recordType: 'vault', summary });
      }
    });
    await this.vault.clearPendingAudit();
  }
}
