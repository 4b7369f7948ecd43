import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { createDecipheriv, createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KaijiError } from '@shared/errors';
import { openSqlCipher } from '../vault/database';
import { decryptPiece, piecePath, sha256 } from '../pages/page-files';

/**
 * The page files of a backup folder (#15 item 6): one shared, content-addressed store per vault
 * (`kaiji-<vault>-pages/`) that every generation's manifest points into. A piece is the vault's
 * page file as it is (AES-256-GCM under the key held in its row, named by the SHA-256 of its
 * bytes), so copying reveals nothing and needs no re-encryption. Pieces are only ever added while
 * generations are written; the pruning step removes those no kept generation lists.
 */
export const piecesDir = (folder: string, vaultShort: string) => join(folder, `kaiji-${vaultShort}-pages`);

/** The page files a database (copy) refers to, with their keys: the generation's manifest. */
export function pageFilesOf(dbPath: string, dbKey: Buffer): Map<string, Buffer> {
  const h = openSqlCipher(dbPath, dbKey, { readonly: true });
  try {
    const hasColumn = (h.prepare("select count(*) as n from pragma_table_info('pages') where name = 'image_file'").get() as { n: number }).n > 0;
    if (!hasColumn) return new Map();
    const rows = h.prepare('select image_file, image_key from pages where image_file is not null').all() as { image_file: string; image_key: Buffer }[];
    return new Map(rows.map((r) => [r.image_file, Buffer.from(r.image_key)]));
  } finally {
    h.close();
  }
}

/**
 * Copies the pieces the backup store lacks from the vault's page folder and reads each one back
 * (content address and GCM tag under its key) before it counts. Returns the number and bytes
 * written. Pieces already there were read back when they were written.
 */
export async function copyNewPieces(
  vaultPages: string,
  store: string,
  pieces: Map<string, Buffer>,
  progress: (done: number, total: number) => void,
): Promise<{ written: number; bytes: number }> {
  let written = 0;
  let bytes = 0;
  let done = 0;
  for (const [name, key] of pieces) {
    const dest = piecePath(store, name);
    if (!existsSync(dest)) {
      let data: Buffer;
      try {
        data = await readFile(piecePath(vaultPages, name));
      } catch {
        throw new KaijiError('BACKUP_FAILED', { step: 'page files' });
      }
      // On the thread pool (write, fsync, rename): a slow backup drive must not hold the app.
      await writeFileAtomicAsync(dest, data);
      const back = await readFile(dest);
      try {
        decryptPiece(back, name, key);
      } catch {
        rmSync(dest, { force: true });
        throw new KaijiError('BACKUP_NOT_VERIFIED', { check: 'page files' });
      }
      written++;
      bytes += data.length;
    }
    progress(++done, pieces.size);
    // Yield between files: the app stays responsive while a first backup copies thousands of them.
    await new Promise((r) => setImmediate(r));
  }
  return { written, bytes };
}

/** Files looked at between two yields to the event loop in the store-wide loops below. */
const FILES_PER_TURN = 256;

/** Lets other work (the app's calls) run between batches of a loop over every piece. */
const yieldTurn = () => new Promise<void>((r) => setImmediate(r));

/**
 * Pieces the manifest lists that are missing from the store, differ from their name or do not
 * open under their key. Asynchronous and yielding: a store of 20k page files checked in one
 * synchronous loop held the app's event loop ~350 ms at the end of every backup.
 */
export async function damagedPieces(store: string, pieces: Map<string, Buffer>, full: boolean): Promise<string[]> {
  const bad: string[] = [];
  let n = 0;
  for (const [name, key] of pieces) {
    const p = piecePath(store, name);
    try {
      if (full) decryptPiece(await readFile(p), name, key);
      else if (!(await stat(p)).isFile()) bad.push(name);
    } catch {
      bad.push(name);
    }
    if (++n % FILES_PER_TURN === 0) await yieldTurn();
  }
  return bad;
}

/**
 * Removes pieces (and temp files of interrupted copies) that no kept generation lists; counts
 * page files and database chunks apart (by their magic) for the audit summary.
 */
export async function removeUnlisted(store: string, keep: ReadonlySet<string>): Promise<{ pages: number; chunks: number }> {
  const removed = { pages: 0, chunks: 0 };
  if (!existsSync(store)) return removed;
  const head = Buffer.alloc(4);
  for (const d of readdirSync(store)) {
    const dir = join(store, d);
    if (!statSync(dir).isDirectory()) continue;
    // One folder's listing at a time, then the event loop's turn (see damagedPieces).
    await yieldTurn();
    for (const f of await readdir(dir)) {
      if (keep.has(f)) continue;
      let kind = '';
      try {
        const fd = openSync(join(dir, f), 'r');
        try {
          kind = readSync(fd, head, 0, 4, 0) === 4 ? head.toString('latin1') : '';
        } finally {
          closeSync(fd);
        }
      } catch {
        // unreadable: removed all the same
      }
      rmSync(join(dir, f), { force: true });
      if (f.startsWith('.tmp-')) continue;
      if (kind === 'KJDB') removed.chunks++;
      else removed.pages++;
    }
  }
  return removed;
}

export { sha256 };

/** writeFileAtomic with every disk wait off the main thread. */
async function writeFileAtomicAsync(path: string, bytes: Buffer): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.tmp-${randomUUID()}`);
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } catch (error) {
    await fh.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await fh.close();
  await rename(tmp, path);
  if (process.platform !== 'win32') {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  }
}

/**
 * Database chunks (backup format 3): fixed runs of the database image's plain pages, named by
 * HMAC-SHA256 under a key derived from the database key (so a name reveals nothing but that two
 * chunks are equal) and encrypted with AES-256-GCM under another derived key and a fresh nonce:
 *
 *   chunk file = "KJDB" 01 | 12-byte nonce | ciphertext | 16-byte tag   (AAD = "KJDB" 01)
 *
 * The keys are stable for a database key, so an unchanged chunk keeps its name from run to run
 * and is stored once; after a rekey every chunk is new. Written by the snapshot worker
 * (snapshot-worker.ts), read here.
 */
const DB_CHUNK_MAGIC = Buffer.from('KJDB\x01', 'latin1');
/** 32 pages of 4 KB: what a scattered change costs at least (measured in bench/backup-bench.ts). */
export const DB_CHUNK_PAGES = 32;

export function dbChunkKeys(dbKey: Buffer): { nameKey: Buffer; encKey: Buffer } {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', dbKey, Buffer.from('kaiji-backup-db'), info, 32));
  return { nameKey: derive('chunk-name-v1'), encKey: derive('chunk-enc-v1') };
}

/** Opens a database chunk: GCM tag under the chunk key, then its name must be the HMAC of what it holds. */
export function decryptDbChunk(bytes: Buffer, name: string, keys: { nameKey: Buffer; encKey: Buffer }): Buffer {
  if (bytes.length < DB_CHUNK_MAGIC.length + 12 + 16 || !bytes.subarray(0, DB_CHUNK_MAGIC.length).equals(DB_CHUNK_MAGIC)) throw new KaijiError('BACKUP_PIECE_DAMAGED', { count: 1 });
  let plain: Buffer;
  try {
    const d = createDecipheriv('aes-256-gcm', keys.encKey, bytes.subarray(DB_CHUNK_MAGIC.length, DB_CHUNK_MAGIC.length + 12));
    d.setAAD(DB_CHUNK_MAGIC);
    d.setAuthTag(bytes.subarray(bytes.length - 16));
    plain = Buffer.concat([d.update(bytes.subarray(DB_CHUNK_MAGIC.length + 12, bytes.length - 16)), d.final()]);
  } catch {
    throw new KaijiError('BACKUP_PIECE_DAMAGED', { count: 1 });
  }
  if (createHmac('sha256', keys.nameKey).update(plain).digest('hex') !== name) throw new KaijiError('BACKUP_PIECE_DAMAGED', { count: 1 });
  return plain;
}

/**
 * The database image a format-3 generation lists, put together from the store: every chunk
 * opened and checked. Returns the image, or the number of chunks missing or changed.
 */
export function assembleImage(store: string, chunks: readonly string[], dbBytes: number, keys: { nameKey: Buffer; encKey: Buffer }): { image: Buffer } | { bad: number } {
  const image = Buffer.alloc(dbBytes);
  let off = 0;
  let bad = 0;
  for (const name of chunks) {
    try {
      const plain = decryptDbChunk(readFileSync(piecePath(store, name)), name, keys);
      if (off + plain.length > dbBytes) return { bad: bad + 1 };
      plain.copy(image, off);
      off += plain.length;
    } catch {
      bad++;
    }
  }
  if (bad) return { bad };
  // A manifest whose chunks do not add up to the image it names is not a generation Kaiji wrote.
  if (off !== dbBytes) return { bad: 1 };
  return { image };
}
