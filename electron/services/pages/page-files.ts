import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { KaijiError } from '@shared/errors';
import { fsyncDir } from '../vault/keyslot-file';

/**
 * Page images as individually encrypted files beside the database (#15 item 6), the way Signal
 * Desktop keeps attachments: each file is AES-256-GCM under its own random key and nonce; the key
 * lives only in the page's row of the encrypted database (so deleting the row with secure_delete
 * makes the file unreadable even where the disk keeps old blocks), and the file's name is the
 * SHA-256 of its ciphertext: it reveals nothing, and any bit flip is seen before decryption.
 *
 *   file = "KJPF" | 0x01 | 12-byte nonce | ciphertext | 16-byte tag   (AAD = "KJPF" | 0x01)
 *
 * Files are written to a temp name in the same folder (ciphertext only), fsynced, renamed, and the
 * folder fsynced. Folders are 0700 and files 0600 like the rest of the data folder.
 */
export const PAGE_FILES_DIR = 'pages';
const MAGIC = Buffer.from('KJPF\x01', 'latin1');
const NAME = /^[0-9a-f]{64}$/;

export interface PageFileRef {
  /** Content address: SHA-256 (hex) of the encrypted file. */
  name: string;
  /** 32-byte AES key, stored in the page's database row. */
  key: Buffer;
}

/** Where a content-addressed piece lives under a root (two-level fan-out keeps folders small). */
export function piecePath(root: string, name: string): string {
  if (!NAME.test(name)) throw new KaijiError('PAGE_FILE_DAMAGED');
  return join(root, name.slice(0, 2), name);
}

export function encryptPiece(plain: Buffer, key: Buffer): Buffer {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(MAGIC);
  return Buffer.concat([MAGIC, nonce, c.update(plain), c.final(), c.getAuthTag()]);
}

/** Checks the content address and the GCM tag; any mismatch is PAGE_FILE_DAMAGED. */
export function decryptPiece(bytes: Buffer, name: string, key: Buffer): Buffer {
  if (sha256(bytes) !== name || bytes.length < MAGIC.length + 12 + 16 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new KaijiError('PAGE_FILE_DAMAGED');
  try {
    const d = createDecipheriv('aes-256-gcm', key, bytes.subarray(MAGIC.length, MAGIC.length + 12));
    d.setAAD(MAGIC);
    d.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([d.update(bytes.subarray(MAGIC.length + 12, bytes.length - 16)), d.final()]);
  } catch {
    throw new KaijiError('PAGE_FILE_DAMAGED');
  }
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Writes bytes under `path` atomically: temp file in the same folder, fsync, rename, folder fsync. */
export function writeFileAtomic(path: string, bytes: Buffer): void {
  const dir = join(path, '..');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.tmp-${randomUUID()}`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(tmp, path);
  fsyncDir(dir);
}

/** The vault's page files under `<data dir>/pages`. */
export class PageFiles {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, PAGE_FILES_DIR);
  }

  /** Encrypts and stores; the returned key goes into the page's row. */
  write(plain: Buffer): PageFileRef {
    const key = randomBytes(32);
    const bytes = encryptPiece(plain, key);
    const name = sha256(bytes);
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    writeFileAtomic(piecePath(this.root, name), bytes);
    return { name, key };
  }

  read(name: string, key: Uint8Array): Buffer {
    let bytes: Buffer;
    try {
      bytes = readFileSync(piecePath(this.root, name));
    } catch (error) {
      if (error instanceof KaijiError) throw error;
      throw new KaijiError('PAGE_FILE_MISSING');
    }
    return decryptPiece(bytes, name, Buffer.from(key));
  }

  path(name: string): string {
    return piecePath(this.root, name);
  }

  /**
   * Removes a page file. Its key went with the row (secure_delete zeroes it), so whatever the disk
   * keeps is ciphertext nobody can open; the bytes are still overwritten before the unlink.
   */
  remove(name: string | null | undefined): void {
    if (!name) return;
    for (const f of this.removeListeners) f(name);
    // A backup copying files holds removals until it has finished (its snapshot may list this file).
    if (this.holds > 0) {
      this.deferred.push(name);
      return;
    }
    const p = piecePath(this.root, name);
    try {
      const size = statSync(p).size;
      const fd = openSync(p, 'r+');
      try {
        writeSync(fd, Buffer.alloc(size), 0, size, 0);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // already gone
    }
    rmSync(p, { force: true });
  }

  private readonly removeListeners: ((name: string) => void)[] = [];

  /** Called with a file's name when it is removed (caches of what it held drop it). */
  onRemove(listener: (name: string) => void): void {
    this.removeListeners.push(listener);
  }

  private holds = 0;
  private deferred: string[] = [];

  /** Defers removals until the returned release is called (a backup's copy of page files). */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holds > 0) return;
      for (const name of this.deferred.splice(0)) this.remove(name);
    };
  }

  /** Every stored file name (for sweeps and backups). */
  list(): string[] {
    if (!existsSync(this.root)) return [];
    const out: string[] = [];
    for (const d of readdirSync(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(d)) continue;
      for (const f of readdirSync(join(this.root, d))) if (NAME.test(f)) out.push(f);
    }
    return out;
  }

  /**
   * Removes temp files of interrupted writes and files no row refers to (a write whose transaction
   * rolled back, a delete interrupted after its commit). Only files older than `minAgeMs`: an
   * import running in another session may have written a file whose row is not committed yet.
   */
  sweep(referenced: ReadonlySet<string>, minAgeMs = 15 * 60_000, now = Date.now()): number {
    if (!existsSync(this.root) || this.holds > 0) return 0;
    let removed = 0;
    for (const d of readdirSync(this.root)) {
      const dir = join(this.root, d);
      if (!statSync(dir).isDirectory()) continue;
      for (const f of readdirSync(dir)) {
        if ((f.startsWith('.tmp-') || (NAME.test(f) && !referenced.has(f))) && now - statSync(join(dir, f)).mtimeMs >= minAgeMs) {
          if (NAME.test(f)) this.remove(f);
          else rmSync(join(dir, f), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}
