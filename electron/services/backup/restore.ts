import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { RestoreResult } from '@shared/contract/backup-types';
import { KaijiError } from '@shared/errors';
import { AuditLog } from '../audit/audit-log';
import { openSqlCipher, toKysely } from '../vault/database';
import { KEYSLOT_FILE, fsyncDir, writeKeySlotFile } from '../vault/keyslot-file';
import { LATEST_SCHEMA_VERSION } from '../vault/migrations';
import { DB_FILE, dbKeyFromSlots } from '../vault/vault';
import { decryptBackupBody, readBackupHeader } from './backup-format';
import { sha256File, verifyAuditChain } from './backup-service';
import { checkDatabase } from './snapshot-worker';
import { assembleImage, dbChunkKeys, pageFilesOf, piecesDir } from './backup-pieces';
import { writeSqlCipherImage } from './sqlcipher-image';
import { PAGE_FILES_DIR, decryptPiece, piecePath, writeFileAtomic } from '../pages/page-files';

export type RestoreCredentials = { login: string; passphrase: string } | { recoveryKey: string };

/**
 * Restores a backup into a data folder that holds no vault yet (S2, #15 item 1). Works without an
 * unlocked vault (the unlock screen): the backup's own key slots open it, so the recovery key or a
 * staff passphrase valid at backup time is needed. Everything is built in a staging folder inside
 * the target and checked (every chunk's tag, integrity_check, the audit chain) before the database
 * and then vault.json (the "initialised" switch, as at setup) are moved into place; any refusal
 * removes the staging folder and leaves the target as it was. The restore is audited inside the
 * restored vault (`vault.restored`).
 */
export async function restoreBackup(options: {
  file: string;
  targetDir: string;
  credentials: RestoreCredentials;
  now?: () => Date;
  progress?: (fraction: number) => void;
}): Promise<Omit<RestoreResult, 'openHere'>> {
  const now = options.now ?? (() => new Date());
  const progress = options.progress ?? (() => undefined);
  const parsed = readBackupHeader(options.file, LATEST_SCHEMA_VERSION);
  const opened = await dbKeyFromSlots(parsed.header.keySlots, options.credentials);
  if (!opened) throw new KaijiError('RESTORE_WRONG_CREDENTIALS');
  const target = resolve(options.targetDir);
  if (existsSync(join(target, KEYSLOT_FILE)) || existsSync(join(target, DB_FILE)) || existsSync(join(target, PAGE_FILES_DIR))) throw new KaijiError('RESTORE_TARGET_NOT_EMPTY');
  mkdirSync(target, { recursive: true, mode: 0o700 });
  const staging = join(target, `.kaiji-restore-${randomUUID()}`);
  mkdirSync(staging, { mode: 0o700 });
  const key = opened.key;
  let movedPages = false;
  try {
    const copy = join(staging, DB_FILE);
    const store = piecesDir(dirname(resolve(options.file)), parsed.header.vaultId.slice(0, 8));
    const manifest = await decryptBackupBody(options.file, copy, key, parsed, (d, t) => progress((0.3 * d) / Math.max(1, t)));
    if (manifest.db) {
      // Format 3: the database image from its chunks in the store, each opened under the chunk key
      // and checked against its name, then written encrypted under the vault's key (never in plain).
      const keys = dbChunkKeys(key);
      try {
        const got = assembleImage(store, manifest.db.chunks, manifest.db.bytes, keys);
        if ('bad' in got) throw new KaijiError('BACKUP_PIECE_DAMAGED', { count: got.bad });
        progress(0.45);
        writeSqlCipherImage(got.image, key, copy);
        got.image.fill(0);
      } finally {
        keys.nameKey.fill(0);
        keys.encKey.fill(0);
      }
    }
    progress(0.6);
    if (!(await checkDatabase(copy, key)).intact) throw new KaijiError('BACKUP_DAMAGED');
    if (!(await verifyAuditChain(copy, key))) throw new KaijiError('BACKUP_DAMAGED');
    // Format 2 (#15 item 6): the page files the generation lists, from the shared piece store beside
    // it; each is checked against its content address and opened under its row's key (GCM tag).
    const pieces = pageFilesOf(copy, key);
    if (manifest.pages.length !== pieces.size || manifest.pages.some((n) => !pieces.has(n))) throw new KaijiError('BACKUP_DAMAGED');
    if (pieces.size) {
      const stagedPages = join(staging, PAGE_FILES_DIR);
      const bad: string[] = [];
      let done = 0;
      for (const [name, pieceKey] of pieces) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(piecePath(store, name));
          decryptPiece(bytes, name, pieceKey);
        } catch {
          bad.push(name);
          continue;
        }
        writeFileAtomic(piecePath(stagedPages, name), bytes);
        if (++done % 64 === 0) progress(0.6 + (0.25 * done) / pieces.size);
      }
      if (bad.length) throw new KaijiError('BACKUP_PIECE_DAMAGED', { count: bad.length });
    }
    progress(0.9);
    const fileSha256 = await sha256File(options.file);
    const handle = openSqlCipher(copy, key);
    const db = toKysely(handle);
    try {
      const staff = opened.staffId
        ? await db.selectFrom('staff').select(['id', 'display_name']).where('id', '=', opened.staffId).executeTakeFirst()
        : undefined;
      await new AuditLog(db, now).append(db, { id: staff?.id ?? null, name: staff?.display_name ?? null }, {
        action: 'vault.restored',
        recordType: 'vault',
        summary: { backupCreatedAt: parsed.header.createdAt, backupSha256: fileSha256, schemaVersion: parsed.header.schemaVersion, with: opened.staffId ? 'passphrase' : 'recovery_key' },
      });
      handle.pragma('wal_checkpoint(TRUNCATE)');
      handle.pragma('journal_mode = DELETE');
    } finally {
      await db.destroy();
    }
    for (const f of readdirSync(staging)) if (f !== DB_FILE && f !== PAGE_FILES_DIR) rmSync(join(staging, f), { force: true });
    // Page files first, then the database, then vault.json: a folder without vault.json is no vault.
    if (existsSync(join(staging, PAGE_FILES_DIR))) {
      renameSync(join(staging, PAGE_FILES_DIR), join(target, PAGE_FILES_DIR));
      movedPages = true;
    }
    renameSync(copy, join(target, DB_FILE));
    fsyncDir(target);
    // Last: a folder with vault.json is a vault; before this the target is still "no vault".
    writeKeySlotFile(target, { ...parsed.header.keySlots, pendingRekey: null, unlockFailures: { count: 0, lastAt: null } });
    progress(1);
    return { dataDir: target, backupCreatedAt: parsed.header.createdAt };
  } catch (error) {
    rmSync(join(target, DB_FILE), { force: true });
    if (movedPages) rmSync(join(target, PAGE_FILES_DIR), { recursive: true, force: true });
    throw error;
  } finally {
    key.fill(0);
    rmSync(staging, { recursive: true, force: true });
  }
}
