import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsync, openSync, readSync, writeSync } from 'node:fs';
import { KaijiError } from '@shared/errors';
import { KEYSLOT_FORMAT, type KeySlotFile } from '../vault/keyslot-file';

/**
 * The backup file (S2), one file:
 *
 *   "KAIJIBAK" | u32 header length | header JSON | chunk*
 *   chunk = u32 ciphertext length | 12-byte IV | ciphertext | 16-byte GCM tag
 *
 * The header carries the vault's key-slot file as it was at backup time (no personal data, the
 * same thing vault.json holds) and a salt. The chunks are the SQLCipher database copy (itself
 * encrypted under the database key) encrypted once more under HKDF(database key, salt): whoever
 * opens a slot gets the database key and so the backup key, nobody else. Each chunk's AAD binds
 * the header's hash, the chunk's index and whether it is the last one, so an altered header, a
 * flipped byte, reordered, missing or extra chunks and a truncated file are all refused.
 *
 * Format 2 (#15 item 6, incremental): page images are files beside the database, each encrypted
 * under its own key held in its row. A generation's body is its manifest (JSON list of the page
 * files its database refers to) followed by the database copy; the page files themselves are
 * copied once, as they are (ciphertext, named by its SHA-256), into `<prefix>-pages/` beside the
 * generation files and shared by every generation that lists them. Format 1 files (no manifest)
 * are still read.
 *
 * Format 3 (#15 item 6, the database incremental too): the body is the manifest alone: the page
 * files as before and the database image as a list of chunks (fixed runs of its plain pages,
 * encrypted and content-addressed in the same store, backup-pieces.ts); `dbBytes` is 0. Only the
 * chunks around what changed are written by a daily backup. Formats 1 and 2 are still read.
 */
export const BACKUP_MAGIC = Buffer.from('KAIJIBAK', 'ascii');
export const BACKUP_FORMAT = 3;
export const BACKUP_EXTENSION = '.kaijibak';
const CHUNK = 1 << 20;
const MAX_HEADER = 4 << 20;

export interface BackupHeader {
  format: number;
  /** Schema version of the database inside (migrations applied). */
  schemaVersion: number;
  appVersion: string;
  createdAt: string;
  vaultId: string;
  /** vault.json at backup time: the slots that open this file. */
  keySlots: KeySlotFile;
  /** HKDF salt of the backup key (base64). */
  salt: string;
  /** Plain length of the database copy. */
  dbBytes: number;
  /** Format 2: plain length of the manifest before the database copy (absent in format 1). */
  manifestBytes?: number;
  /** Format 2: how many page files the manifest lists. */
  pieces?: number;
}

/** What a generation's manifest lists: its page files and (format 3) its database image's chunks. */
export interface BackupManifest {
  pages: string[];
  db: { chunks: string[]; bytes: number; pageSize: number } | null;
}

const NO_MANIFEST: BackupManifest = { pages: [], db: null };

export function backupKey(dbKey: Buffer, salt: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.from(salt, 'base64'), 'kaiji-backup-v1', 32));
}

export function newSalt(): string {
  return randomBytes(16).toString('base64');
}

const aad = (headerHash: Buffer, index: number, last: boolean) =>
  Buffer.concat([Buffer.from('kaiji-backup-chunk|'), headerHash, Buffer.from(`|${index}|${last ? 1 : 0}`)]);

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export type Progress = (done: number, total: number) => void;

/**
 * Encrypts `srcPath` (the database copy) into `destPath` and fsyncs it. Yields to the event loop
 * between chunks so the app stays responsive; the caller renames the file into place.
 */
export async function writeBackupFile(
  srcPath: string | null,
  destPath: string,
  header: Omit<BackupHeader, 'dbBytes' | 'manifestBytes' | 'pieces'>,
  dbKey: Buffer,
  progress: Progress,
  manifest?: readonly string[] | BackupManifest,
): Promise<number> {
  // Format 3: no database copy in the body (its chunks are listed in the manifest).
  const src = srcPath === null ? null : openSync(srcPath, 'r');
  const dest = openSync(destPath, 'w', 0o600);
  const key = backupKey(dbKey, header.salt);
  try {
    const dbBytes = src === null ? 0 : fstatSync(src).size;
    const prefix = manifest ? Buffer.from(JSON.stringify(manifest), 'utf8') : Buffer.alloc(0);
    const total = prefix.length + dbBytes;
    const meta = manifest ? { dbBytes, manifestBytes: prefix.length, pieces: Array.isArray(manifest) ? manifest.length : (manifest as BackupManifest).pages.length } : { dbBytes };
    const headerBytes = Buffer.from(JSON.stringify({ ...header, ...meta }), 'utf8');
    const headerHash = createHash('sha256').update(headerBytes).digest();
    let written = writeAll(dest, Buffer.concat([BACKUP_MAGIC, u32(headerBytes.length), headerBytes]));
    const buf = Buffer.alloc(CHUNK);
    let offset = 0;
    let index = 0;
    // An empty source still gets one (empty) last chunk, so truncation is always detectable.
    do {
      // The manifest first, then the database copy, cut into the same chunks.
      let n = 0;
      if (offset < prefix.length) n = prefix.copy(buf, 0, offset, Math.min(prefix.length, offset + CHUNK));
      if (src !== null && n < CHUNK && offset + n >= prefix.length) n += readSync(src, buf, n, CHUNK - n, offset + n - prefix.length);
      offset += n;
      const last = offset >= total;
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(aad(headerHash, index, last));
      const ct = Buffer.concat([c.update(buf.subarray(0, n)), c.final()]);
      written += writeAll(dest, Buffer.concat([u32(ct.length), iv, ct, c.getAuthTag()]));
      index++;
      progress(offset, total);
      await new Promise((r) => setImmediate(r));
      if (last) break;
    } while (true);
    await fsyncAsync(dest);
    return written;
  } finally {
    key.fill(0);
    if (src !== null) closeSync(src);
    closeSync(dest);
  }
}

/** Reads and checks the header only (no key needed): format, schema version, slots. */
export function readBackupHeader(path: string, supportedSchema: number): { header: BackupHeader; headerHash: Buffer; bodyOffset: number } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new KaijiError('BACKUP_UNREADABLE');
  }
  try {
    const head = Buffer.alloc(12);
    if (readSync(fd, head, 0, 12, 0) < 12 || !head.subarray(0, 8).equals(BACKUP_MAGIC)) throw new KaijiError('BACKUP_INVALID');
    const len = head.readUInt32BE(8);
    if (len > MAX_HEADER) throw new KaijiError('BACKUP_INVALID');
    const bytes = Buffer.alloc(len);
    if (readSync(fd, bytes, 0, len, 12) < len) throw new KaijiError('BACKUP_DAMAGED');
    let header: BackupHeader;
    try {
      header = JSON.parse(bytes.toString('utf8')) as BackupHeader;
    } catch {
      throw new KaijiError('BACKUP_DAMAGED');
    }
    if (typeof header.format !== 'number' || typeof header.schemaVersion !== 'number') throw new KaijiError('BACKUP_DAMAGED');
    // A newer Kaiji's file is named as such before anything else is tried.
    if (header.format > BACKUP_FORMAT || header.schemaVersion > supportedSchema || (header.keySlots?.format ?? 0) > KEYSLOT_FORMAT) {
      throw new KaijiError('BACKUP_TOO_NEW', { found: `${header.format}/${header.schemaVersion}`, supported: `${BACKUP_FORMAT}/${supportedSchema}` });
    }
    if (!header.keySlots || !Array.isArray(header.keySlots.slots) || typeof header.salt !== 'string') throw new KaijiError('BACKUP_DAMAGED');
    if (header.manifestBytes !== undefined && (!Number.isInteger(header.manifestBytes) || header.manifestBytes < 0)) throw new KaijiError('BACKUP_DAMAGED');
    return { header, headerHash: createHash('sha256').update(bytes).digest(), bodyOffset: 12 + len };
  } finally {
    closeSync(fd);
  }
}

/**
 * Decrypts the body into `destPath` (the SQLCipher copy, still encrypted under the database key),
 * checking every chunk, and returns the manifest (format 2; [] for format 1). Any failure throws
 * BACKUP_DAMAGED; the caller removes `destPath`. Without `destPath` only the manifest is read
 * (the chunks it spans), e.g. to see which page files a kept generation needs.
 */
export async function decryptBackupBody(path: string, destPath: string | null, dbKey: Buffer, parsed: ReturnType<typeof readBackupHeader>, progress: Progress): Promise<BackupManifest> {
  const { header, headerHash, bodyOffset } = parsed;
  const fd = openSync(path, 'r');
  const dest = destPath === null ? null : openSync(destPath, 'w', 0o600);
  const key = backupKey(dbKey, header.salt);
  const manifestBytes = header.manifestBytes ?? 0;
  const total = manifestBytes + header.dbBytes;
  const prefix = Buffer.alloc(manifestBytes);
  let prefixFilled = 0;
  if (dest === null && manifestBytes === 0) {
    closeSync(fd);
    key.fill(0);
    return NO_MANIFEST;
  }
  try {
    const size = fstatSync(fd).size;
    let pos = bodyOffset;
    let plain = 0;
    let index = 0;
    const lenBuf = Buffer.alloc(4);
    for (;;) {
      if (readSync(fd, lenBuf, 0, 4, pos) < 4) throw new KaijiError('BACKUP_DAMAGED');
      const len = lenBuf.readUInt32BE(0);
      if (len > CHUNK + 16 || pos + 4 + 12 + len + 16 > size) throw new KaijiError('BACKUP_DAMAGED');
      const rec = Buffer.alloc(12 + len + 16);
      readSync(fd, rec, 0, rec.length, pos + 4);
      pos += 4 + rec.length;
      plain += len;
      const last = plain >= total;
      let out: Buffer;
      try {
        const d = createDecipheriv('aes-256-gcm', key, rec.subarray(0, 12));
        d.setAAD(aad(headerHash, index, last));
        d.setAuthTag(rec.subarray(12 + len));
        out = Buffer.concat([d.update(rec.subarray(12, 12 + len)), d.final()]);
      } catch {
        throw new KaijiError('BACKUP_DAMAGED');
      }
      let rest = out;
      if (prefixFilled < manifestBytes) {
        const take = Math.min(manifestBytes - prefixFilled, out.length);
        out.copy(prefix, prefixFilled, 0, take);
        prefixFilled += take;
        rest = out.subarray(take);
        if (dest === null && prefixFilled === manifestBytes) return parseManifest(prefix);
      }
      if (dest !== null) writeAll(dest, rest);
      index++;
      progress(plain, total);
      await new Promise((r) => setImmediate(r));
      if (last) break;
    }
    // Bytes after the last chunk were not written by Kaiji.
    if (pos !== size || plain !== total) throw new KaijiError('BACKUP_DAMAGED');
    if (dest !== null) await fsyncAsync(dest);
    return parseManifest(prefix);
  } finally {
    key.fill(0);
    closeSync(fd);
    if (dest !== null) closeSync(dest);
  }
}

const isNames = (list: unknown): list is string[] => Array.isArray(list) && list.every((n) => typeof n === 'string' && /^[0-9a-f]{64}$/.test(n));

function parseManifest(bytes: Buffer): BackupManifest {
  if (bytes.length === 0) return NO_MANIFEST;
  try {
    const m = JSON.parse(bytes.toString('utf8')) as unknown;
    // Format 2: the page files only.
    if (isNames(m)) return { pages: m, db: null };
    const o = m as BackupManifest;
    if (o && isNames(o.pages) && o.db && isNames(o.db.chunks) && Number.isInteger(o.db.bytes) && o.db.bytes > 0 && Number.isInteger(o.db.pageSize) && o.db.pageSize > 0) {
      return { pages: o.pages, db: { chunks: o.db.chunks, bytes: o.db.bytes, pageSize: o.db.pageSize } };
    }
  } catch {
    // falls through
  }
  throw new KaijiError('BACKUP_DAMAGED');
}

/** Every piece a manifest needs in the store (page files and database chunks): what pruning keeps. */
export function manifestPieces(m: BackupManifest): string[] {
  return m.db ? [...m.pages, ...m.db.chunks] : m.pages;
}

/** fsync on the thread pool: flushing a large file must not hold the app's event loop. */
function fsyncAsync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())));
}

function writeAll(fd: number, data: Buffer): number {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
  return data.length;
}
