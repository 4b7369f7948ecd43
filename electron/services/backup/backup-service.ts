import { createHash, randomUUID } from 'node:crypto';
import { accessSync, constants, createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { BackupOverview, BackupPhase, BackupRun, BackupSettings, BackupStatus } from '@shared/contract/backup-types';
import { KaijiError } from '@shared/errors';
import { AuditLog, type Actor } from '../audit/audit-log';
import { APP_VERSION } from '../core/app-info';
import { openSqlCipher, toKysely } from '../vault/database';
import { fsyncDir } from '../vault/keyslot-file';
import { LATEST_SCHEMA_VERSION } from '../vault/migrations';
import type { Database } from '../vault/schema';
import type { DeskVault } from '../vault/desk-vault';
import { BACKUP_EXTENSION, BACKUP_FORMAT, decryptBackupBody, manifestPieces, newSalt, readBackupHeader, writeBackupFile, type BackupManifest } from './backup-format';
import { snapshotImage, type DatabaseImage } from './snapshot-worker';
import { copyNewPieces, damagedPieces, DB_CHUNK_PAGES, dbChunkKeys, piecesDir, removeUnlisted } from './backup-pieces';
import { ChainVerifier } from '../audit/hash-chain';
import type { PageFiles } from '../pages/page-files';

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: '', generations: 7, daily: true, warnAfterDays: 3 };
const SETTING_KEYS: Record<keyof BackupSettings, string> = {
  folder: 'backup.folder',
  generations: 'backup.generations',
  daily: 'backup.daily',
  warnAfterDays: 'backup.warnAfterDays',
};
/** Work files (SQLCipher copies, encrypted like the vault) live inside the data folder, never in the shared temp folder. */
export const BACKUP_WORK_DIR = 'backup-work';
const DAY_MS = 86_400_000;
// Share of the progress bar per phase (the copy and the read-back dominate).
const PHASES: Record<'snapshot' | 'encrypt' | 'verify', [number, number]> = { snapshot: [0, 0.3], encrypt: [0.3, 0.9], verify: [0.9, 1] };

/**
 * Encrypted backups (S2, #15 item 1). A run: a consistent copy of the live database on a worker
 * thread (VACUUM INTO, same key), encrypted into `<name>.partial` in the chosen folder and fsynced,
 * read back (every chunk's tag, PRAGMA integrity_check, the audit chain) and only then renamed to
 * its final name; older generations beyond the setting are removed after that. A crash or kill at
 * any point leaves the earlier generations as they were and at most a `.partial` file, which the
 * next run removes. Every run is audited (`backup.verified` / `backup.failed`).
 */
export class BackupService {
  private state: BackupStatus = { running: false, runId: null, phase: 'idle', progress: 0, errorCode: null };
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<BackupRun> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly vault: DeskVault,
    private readonly now: () => Date,
    /** The vault's page files (#15 item 6): copied into the folder's piece store, held from removal meanwhile. */
    private readonly pageFiles: PageFiles | null = null,
  ) {}

  settings(db: Kysely<Database> = this.db): Promise<BackupSettings> {
    return readBackupSettings(db);
  }

  async updateSettings(actor: Actor, patch: Partial<BackupSettings>): Promise<BackupSettings> {
    if (patch.folder) assertWritableFolder(patch.folder);
    return this.db.transaction().execute(async (trx) => {
      const changed: string[] = [];
      for (const [name, value] of Object.entries(patch) as [keyof BackupSettings, unknown][]) {
        if (value === undefined) continue;
        const v = JSON.stringify(value);
        await trx
          .insertInto('settings')
          .values({ key: SETTING_KEYS[name], value: v })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: v }))
          .execute();
        changed.push(name);
      }
      // The folder path may name a person (a home folder): only which settings changed is logged.
      if (changed.length) await this.audit.append(trx, actor, { action: 'backup.settings_updated', recordType: 'settings', summary: { changed } });
      return this.settings(trx);
    });
  }

  status(): BackupStatus {
    return { ...this.state };
  }

  async overview(): Promise<BackupOverview> {
    const rows = await this.db.selectFrom('backup_runs').selectAll().orderBy('started_at', 'desc').limit(20).execute();
    return { settings: await this.settings(), status: this.status(), runs: rows.map(toRun), lastVerifiedAt: await this.lastVerifiedAt() };
  }

  lastVerifiedAt(): Promise<string | null> {
    return lastVerifiedBackupAt(this.db);
  }

  /** Starts a run in the background (the UI polls `status`); refuses when one is running. */
  start(actor: Actor, trigger: 'manual' | 'schedule' = 'manual'): { runId: string } {
    // #16: an office database is backed up by its server's pg_dump; no run row, no failure entry.
    if (this.vault.kind === 'office') throw new KaijiError('OFFICE_BACKUP_BY_SERVER');
    if (this.state.running) throw new KaijiError('BACKUP_RUNNING');
    const runId = randomUUID();
    this.state = { running: true, runId, phase: 'snapshot', progress: 0, errorCode: null };
    this.current = this.execute(actor, trigger, runId);
    this.current.catch(() => undefined);
    return { runId };
  }

  /** Runs one backup to the end (start + wait). */
  async run(actor: Actor, trigger: 'manual' | 'schedule' = 'manual'): Promise<BackupRun> {
    this.start(actor, trigger);
    return this.current!;
  }

  /** Waits for a running backup (lock waits for it so the key is not dropped mid-copy). */
  async settle(): Promise<void> {
    await this.current?.catch(() => undefined);
  }

  /** Daily while the app runs: checked hourly (and once shortly after unlock). */
  startSchedule(actor: Actor, everyMs = 3_600_000): void {
    this.stopSchedule();
    const tick = async () => {
      if (this.state.running) return;
      const s = await this.settings();
      if (!s.daily || !s.folder) return;
      const last = await this.lastAttemptAt();
      if (last && this.now().getTime() - Date.parse(last) < DAY_MS) return;
      this.start(actor, 'schedule');
    };
    const first = setTimeout(() => void tick().catch(() => undefined), Math.min(everyMs, 60_000));
    first.unref();
    this.timer = setInterval(() => void tick().catch(() => undefined), everyMs);
    this.timer.unref();
    this.stopFirst = () => clearTimeout(first);
  }

  private stopFirst: () => void = () => undefined;

  stopSchedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.stopFirst();
    this.timer = null;
  }

  /** A failed run also counts as an attempt, so a missing USB drive is retried the next day, not every hour. */
  private async lastAttemptAt(): Promise<string | null> {
    const row = await this.db.selectFrom('backup_runs').select((eb) => eb.fn.max('started_at').as('at')).executeTakeFirst();
    return (row?.at as string | null | undefined) ?? null;
  }

  private phase(phase: BackupPhase, fraction = 0): void {
    if (phase === 'snapshot' || phase === 'encrypt' || phase === 'verify') {
      const [a, b] = PHASES[phase];
      this.state.progress = a + (b - a) * Math.min(1, Math.max(0, fraction));
    }
    this.state.phase = phase;
  }

  private async execute(actor: Actor, trigger: 'manual' | 'schedule', runId: string): Promise<BackupRun> {
    const startedAt = this.now().toISOString();
    const work = join(this.vault.dataDir, BACKUP_WORK_DIR);
    let partial: string | null = null;
    let key: Buffer | null = null;
    // Page files the snapshot lists must still be there when they are copied.
    const release = this.pageFiles?.hold() ?? (() => undefined);
    try {
      const settings = await this.settings();
      assertWritableFolder(settings.folder);
      await this.db
        .insertInto('backup_runs')
        .values({ id: runId, trigger, status: 'running', started_at: startedAt, finished_at: null, file_name: null, bytes: null, sha256: null, error_code: null, started_by: actor.id })
        .execute();
      const source = this.vault.backupSource();
      key = source.key;
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true, mode: 0o700 });

      // 1. A consistent image of the database's pages on a worker (the app keeps serving), checked
      //    there (integrity_check, its audit rows verified here as they arrive) and cut into chunks:
      //    only those the folder's store lacks are written, each read back (format 3, #15 item 6).
      const vaultShort = source.keySlots.vaultId.slice(0, 8);
      removeStalePartials(settings.folder, vaultShort);
      const store = piecesDir(settings.folder, vaultShort);
      const chain = new ChainVerifier();
      const chunkKeys = dbChunkKeys(key);
      let image: DatabaseImage;
      try {
        image = await snapshotImage(
          source.dbPath,
          key,
          { store, ...chunkKeys, chunkPages: DB_CHUNK_PAGES },
          (rows) => rows.forEach((r) => chain.add(r)),
          (d, t) => this.phase('snapshot', d / Math.max(1, t)),
        );
      } finally {
        chunkKeys.nameKey.fill(0);
        chunkKeys.encKey.fill(0);
      }
      if (!image.intact) throw new KaijiError('BACKUP_NOT_VERIFIED', { check: 'integrity_check' });
      if (chain.finish(image.head ?? undefined).length) throw new KaijiError('BACKUP_NOT_VERIFIED', { check: 'audit chain' });

      // 2. Page files the image refers to: only those the store lacks are copied, each read back.
      this.phase('encrypt');
      const pieces = image.pageFiles;
      const copied = this.pageFiles
        ? await copyNewPieces(this.pageFiles.root, store, pieces, (d, t) => this.phase('encrypt', (0.9 * d) / Math.max(1, t)))
        : { written: 0, bytes: 0 };
      const manifest: BackupManifest = { pages: [...pieces.keys()].sort(), db: { chunks: image.chunks, bytes: image.dbBytes, pageSize: image.pageSize } };
      const fileName = `kaiji-${vaultShort}-${stamp(this.now())}${BACKUP_EXTENSION}`;
      partial = join(settings.folder, `${fileName}.partial`);
      const keySlots = { ...source.keySlots, pendingRekey: null, unlockFailures: { count: 0, lastAt: null } };
      const fileBytes = await writeBackupFile(
        null,
        partial,
        { format: BACKUP_FORMAT, schemaVersion: LATEST_SCHEMA_VERSION, appVersion: APP_VERSION, createdAt: startedAt, vaultId: keySlots.vaultId, keySlots, salt: newSalt() },
        key,
        (done, total) => this.phase('encrypt', 0.9 + (0.1 * done) / Math.max(1, total)),
        manifest,
      );
      // What this run wrote: the generation file, the new database chunks and the new page files.
      const bytes = fileBytes + image.bytes + copied.bytes;

      // 3. Read back what is on the folder's disk before it counts: the generation (every chunk's
      //    tag), its manifest equal to what was meant, every listed piece in the store. New pieces
      //    were read back as they were written; the image itself passed integrity_check and its
      //    audit chain above.
      this.phase('verify');
      const sha256 = await verifyGeneration(partial, key, work, manifest, store, (f) => this.phase('verify', f));
      const finalPath = join(settings.folder, fileName);
      renameSync(partial, finalPath);
      partial = null;
      fsyncDir(settings.folder);
      const removed = pruneGenerations(settings.folder, vaultShort, settings.generations);
      const piecesRemoved = await prunePieces(settings.folder, vaultShort, key);

      const finishedAt = this.now().toISOString();
      await this.db.transaction().execute(async (trx) => {
        await trx.updateTable('backup_runs').set({ status: 'verified', finished_at: finishedAt, file_name: fileName, bytes, sha256 }).where('id', '=', runId).execute();
        await this.audit.append(trx, actor, {
          action: 'backup.verified',
          recordType: 'backup',
          recordId: runId,
          summary: { trigger, fileName, bytes, sha256, generationsRemoved: removed, pagesWritten: copied.written, pagesShared: pieces.size - copied.written, pagesRemoved: piecesRemoved.pages, dbChunks: image.chunks.length, dbChunksWritten: image.written, dbChunksRemoved: piecesRemoved.chunks },
        });
      });
      this.state = { running: false, runId, phase: 'done', progress: 1, errorCode: null };
      return { id: runId, trigger, status: 'verified', startedAt, finishedAt, fileName, bytes, sha256, errorCode: null };
    } catch (error) {
      const code = error instanceof KaijiError ? error.code : 'BACKUP_FAILED';
      if (partial) rmSync(partial, { force: true });
      const finishedAt = this.now().toISOString();
      // The vault may have been locked meanwhile; the failure is then only in the status.
      await this.db
        .transaction()
        .execute(async (trx) => {
          await trx.updateTable('backup_runs').set({ status: 'failed', finished_at: finishedAt, error_code: code }).where('id', '=', runId).execute();
          await this.audit.append(trx, actor, { action: 'backup.failed', recordType: 'backup', recordId: runId, summary: { trigger, errorCode: code } });
        })
        .catch(() => undefined);
      this.state = { running: false, runId, phase: 'failed', progress: this.state.progress, errorCode: code };
      throw error instanceof KaijiError ? error : new KaijiError('BACKUP_FAILED', { step: 'write' });
    } finally {
      release();
      key?.fill(0);
      rmSync(work, { recursive: true, force: true });
    }
  }
}

export async function readBackupSettings(db: Kysely<Database>): Promise<BackupSettings> {
  const rows = await db.selectFrom('settings').selectAll().where('key', 'in', Object.values(SETTING_KEYS)).execute();
  const out: Record<string, unknown> = { ...DEFAULT_BACKUP_SETTINGS };
  for (const [name, key] of Object.entries(SETTING_KEYS)) {
    const row = rows.find((r) => r.key === key);
    if (row) out[name] = JSON.parse(row.value);
  }
  return out as unknown as BackupSettings;
}

/** When the newest backup that was read back and verified finished (the Today warning, S2). */
export async function lastVerifiedBackupAt(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('backup_runs').select((eb) => eb.fn.max('finished_at').as('at')).where('status', '=', 'verified').executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

/**
 * Reads a written generation back (format 3): every chunk of the file decrypts under its tag, the
 * manifest read back is the one meant, and every page file and database chunk it lists is in the
 * store. Returns the file's SHA-256.
 */
export async function verifyGeneration(
  path: string,
  dbKey: Buffer,
  workDir: string,
  expected: BackupManifest,
  store: string,
  progress: (f: number) => void,
): Promise<string> {
  const parsed = readBackupHeader(path, LATEST_SCHEMA_VERSION);
  // The body holds no database copy in format 3: the file written here stays empty.
  const empty = join(workDir, 'verify.db');
  try {
    const back = await decryptBackupBody(path, empty, dbKey, parsed, (d, t) => progress((0.5 * d) / Math.max(1, t)));
    if (JSON.stringify(back) !== JSON.stringify(expected)) throw new KaijiError('BACKUP_NOT_VERIFIED', { check: 'manifest' });
    const listed = manifestPieces(back);
    if ((await damagedPieces(store, new Map(listed.map((n) => [n, Buffer.alloc(0)])), false)).length) throw new KaijiError('BACKUP_NOT_VERIFIED', { check: 'pieces' });
    progress(0.9);
    const hash = await sha256File(path);
    progress(1);
    return hash;
  } finally {
    rmSync(empty, { force: true });
  }
}

export async function verifyAuditChain(dbPath: string, dbKey: Buffer): Promise<boolean> {
  const handle = openSqlCipher(dbPath, dbKey, { readonly: true });
  const db = toKysely(handle);
  try {
    return (await new AuditLog(db, () => new Date()).verify()).ok;
  } finally {
    await db.destroy();
  }
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

function assertWritableFolder(folder: string): void {
  try {
    if (!folder || !statSync(folder).isDirectory()) throw new Error('not a folder');
    accessSync(folder, constants.W_OK);
  } catch {
    throw new KaijiError('BACKUP_NO_FOLDER');
  }
}

/** `20261207T181833123Z`: sorts by time as a string; milliseconds keep two runs apart. */
function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

function generationFiles(folder: string, vaultShort: string): string[] {
  const prefix = `kaiji-${vaultShort}-`;
  return readdirSync(folder)
    .filter((f) => f.startsWith(prefix) && f.endsWith(BACKUP_EXTENSION))
    .sort();
}

/** Keeps the newest `keep` backups of this vault (only ours: the name carries the vault id). */
function pruneGenerations(folder: string, vaultShort: string, keep: number): number {
  const files = generationFiles(folder, vaultShort);
  const old = files.slice(0, Math.max(0, files.length - Math.max(1, keep)));
  for (const f of old) rmSync(join(folder, f), { force: true });
  if (old.length) fsyncDir(folder);
  return old.length;
}

/**
 * Page files no kept generation lists are removed from the piece store (after pruning generations).
 * Every kept generation's manifest is read first; if any cannot be read (another key after a
 * rekey, damage), nothing is removed: a later generation is never broken by pruning.
 */
async function prunePieces(folder: string, vaultShort: string, dbKey: Buffer): Promise<{ pages: number; chunks: number }> {
  const keep = new Set<string>();
  for (const f of generationFiles(folder, vaultShort)) {
    try {
      const path = join(folder, f);
      for (const name of manifestPieces(await decryptBackupBody(path, null, dbKey, readBackupHeader(path, LATEST_SCHEMA_VERSION), () => undefined))) keep.add(name);
    } catch {
      return { pages: 0, chunks: 0 };
    }
  }
  const removed = await removeUnlisted(piecesDir(folder, vaultShort), keep);
  if (removed.pages + removed.chunks) fsyncDir(folder);
  return removed;
}

/** A run that was killed left its `.partial`; it never counted. */
function removeStalePartials(folder: string, vaultShort: string): void {
  for (const f of readdirSync(folder)) {
    if (f.startsWith(`kaiji-${vaultShort}-`) && f.endsWith(`${BACKUP_EXTENSION}.partial`)) rmSync(join(folder, f), { force: true });
  }
}

function toRun(r: Database['backup_runs']): BackupRun {
  return {
    id: r.id,
    trigger: r.trigger as BackupRun['trigger'],
    status: r.status as BackupRun['status'],
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    fileName: r.file_name,
    bytes: r.bytes,
    sha256: r.sha256,
    errorCode: r.error_code,
  };
}
