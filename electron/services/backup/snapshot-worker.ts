import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { KaijiError } from '@shared/errors';
import type { AuditLogTable } from '../vault/schema';

/**
 * SQLite work that takes long on a big vault runs on a worker thread with its own connection,
 * so the app's connection keeps serving the UI (and imports keep writing: WAL readers see one
 * consistent snapshot). Measured: better-sqlite3's online backup API refuses an SQLCipher source
 * ("incompatible source and target databases"); `VACUUM INTO` writes a copy under the same key
 * (backup formats 1-2) but renumbers pages, so format 3 takes the pages as they lie with
 * `serialize()` (op `image`, `snapshotImage`). Inline (eval) code keeps the worker
 * independent of how the main bundle is laid out; the native module is resolved here.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const { op, path, keyHex } = workerData;
let h;
const timings = {};
function imageChunks(img) {
  const crypto = require('node:crypto');
  const fs = require('node:fs');
  const { join } = require('node:path');
  const ps = img.readUInt16BE(16) === 1 ? 65536 : img.readUInt16BE(16);
  const reserve = img[20];
  // Bytes that only describe the copy, not the data: the journal mode (a rollback-journal image
  // opens in memory and restores like any file) and each page's reserved IV/HMAC area (written
  // anew when the restore encrypts the pages). Zeroed, so unchanged pages give unchanged chunks.
  img[18] = 1;
  img[19] = 1;
  if (reserve) for (let o = ps - reserve; o < img.length; o += ps) img.fill(0, o, o + reserve);
  // What the copy says about itself is checked first: integrity, the page files it lists, its audit trail.
  const Database = require(workerData.modulePath);
  const m = new Database(img);
  let intact = false;
  const pageFiles = [];
  let head = null;
  let t = Date.now();
  try {
    const rows = m.pragma('integrity_check');
    intact = rows.length === 1 && rows[0].integrity_check === 'ok';
    timings.integrity = Date.now() - t;
    t = Date.now();
    const hasFile = m.prepare("select count(*) as n from pragma_table_info('pages') where name = 'image_file'").get().n > 0;
    if (hasFile) for (const r of m.prepare('select image_file, image_key from pages where image_file is not null').iterate()) pageFiles.push([r.image_file, Buffer.from(r.image_key).toString('hex')]);
    let batch = [];
    for (const r of m.prepare('select * from audit_log order by seq').iterate()) {
      batch.push(r);
      if (batch.length === 2000) { parentPort.postMessage({ type: 'audit', rows: batch }); batch = []; }
    }
    if (batch.length) parentPort.postMessage({ type: 'audit', rows: batch });
    head = m.prepare('select seq, hash from audit_head where id = 1').get() || null;
  } finally {
    m.close();
  }
  timings.rows = Date.now() - t;
  t = Date.now();
  // Fixed runs of pages, each named by a keyed hash of its plain bytes (reveals nothing but
  // equality), encrypted under its own nonce; a chunk the store already holds is not written again.
  const MAGIC = Buffer.from('KJDB\x01', 'latin1');
  const nameKey = Buffer.from(workerData.nameKeyHex, 'hex');
  const encKey = Buffer.from(workerData.encKeyHex, 'hex');
  const size = ps * workerData.chunkPages;
  const names = [];
  const dirs = new Set();
  let written = 0;
  let bytes = 0;
  const total = Math.ceil(img.length / size);
  for (let off = 0; off < img.length; off += size) {
    const plain = img.subarray(off, Math.min(img.length, off + size));
    const name = crypto.createHmac('sha256', nameKey).update(plain).digest('hex');
    names.push(name);
    if (names.length % 8 === 0) parentPort.postMessage({ type: 'progress', done: names.length, total });
    const dir = join(workerData.store, name.slice(0, 2));
    const path = join(dir, name);
    if (fs.existsSync(path)) continue;
    const nonce = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', encKey, nonce);
    c.setAAD(MAGIC);
    const file = Buffer.concat([MAGIC, nonce, c.update(plain), c.final(), c.getAuthTag()]);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = join(dir, '.tmp-' + crypto.randomUUID());
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      let w = 0;
      while (w < file.length) w += fs.writeSync(fd, file, w, file.length - w);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, path);
    dirs.add(dir);
    // Read back before it counts: tag and name must match what was meant.
    const back = fs.readFileSync(path);
    let ok = false;
    try {
      const d = crypto.createDecipheriv('aes-256-gcm', encKey, back.subarray(MAGIC.length, MAGIC.length + 12));
      d.setAAD(MAGIC);
      d.setAuthTag(back.subarray(back.length - 16));
      const again = Buffer.concat([d.update(back.subarray(MAGIC.length + 12, back.length - 16)), d.final()]);
      ok = crypto.createHmac('sha256', nameKey).update(again).digest('hex') === name;
    } catch (e) {
      ok = false;
    }
    if (!ok) {
      fs.rmSync(path, { force: true });
      const err = new Error('chunk read back');
      err.code = 'NOT_VERIFIED';
      throw err;
    }
    written++;
    bytes += file.length;
  }
  if (process.platform !== 'win32') {
    for (const d of [...dirs, workerData.store]) {
      const fd = fs.openSync(d, 'r');
      try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
    }
  }
  nameKey.fill(0);
  encKey.fill(0);
  timings.chunks = Date.now() - t;
  parentPort.postMessage({ type: 'done', ok: true, timings, intact, chunks: names, written, bytes, dbBytes: img.length, pageSize: ps, pageFiles, head });
}
try {
  h = new Database(path, { fileMustExist: true });
  h.pragma("cipher = 'sqlcipher'");
  h.pragma('legacy = 4');
  h.pragma('key = "x\\'' + keyHex + '\\'"');
  h.pragma('temp_store = MEMORY');
  h.pragma('busy_timeout = 10000');
  if (op === 'image') {
    // The live database's pages as SQLite sees them (one read transaction: a consistent snapshot,
    // WAL frames included), decrypted, in memory only. Pages keep their place between runs (no
    // VACUUM), so a daily backup finds most chunks unchanged.
    const t0 = Date.now();
    const img = h.serialize();
    timings.serialize = Date.now() - t0;
    h.close();
    h = null;
    imageChunks(img);
  } else {
    const rows = h.pragma('integrity_check');
    const fine = rows.length === 1 && rows[0].integrity_check === 'ok';
    const v = h.prepare('SELECT max(version) AS v FROM schema_migrations').get();
    parentPort.postMessage({ ok: true, integrity: fine, problems: fine ? 0 : rows.length, schemaVersion: v ? v.v : 0 });
  }
} catch (e) {
  parentPort.postMessage({ type: 'done', ok: false, code: e && e.code ? String(e.code) : 'ERROR' });
} finally {
  if (h) h.close();
}
`;

const modulePath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

interface WorkerReply {
  ok: boolean;
  code?: string;
  integrity?: boolean;
  problems?: number;
  schemaVersion?: number;
}

function run(data: { op: 'check'; path: string; key: Buffer }): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const keyHex = data.key.toString('hex');
    const worker = new Worker(WORKER_CODE, { eval: true, workerData: { op: data.op, path: data.path, keyHex, modulePath } });
    let reply: WorkerReply | null = null;
    worker.once('message', (m: WorkerReply) => (reply = m));
    worker.once('error', reject);
    worker.once('exit', () => (reply ? resolve(reply) : reject(new Error('worker exited'))));
  });
}

/** PRAGMA integrity_check on a copy; SQLITE_NOTADB/CORRUPT (wrong key, damaged pages) count as not intact. */
export async function checkDatabase(path: string, key: Buffer): Promise<{ intact: boolean; schemaVersion: number }> {
  const r = await run({ op: 'check', path, key });
  if (!r.ok) return { intact: false, schemaVersion: 0 };
  return { intact: r.integrity === true, schemaVersion: r.schemaVersion ?? 0 };
}

/** What `snapshotImage` found and wrote. */
export interface DatabaseImage {
  /** Chunk names in order: the database image is their plain bytes concatenated. */
  chunks: string[];
  /** Chunks this run wrote (the store lacked them), and their bytes on disk. */
  written: number;
  bytes: number;
  dbBytes: number;
  pageSize: number;
  /** integrity_check of the very image the chunks hold. */
  intact: boolean;
  /** The page files the image's rows name, with their keys (the generation's page manifest). */
  pageFiles: Map<string, Buffer>;
  head: { seq: number; hash: string } | null;
  /** Milliseconds per step on the worker (serialize, integrity, rows, chunks): for the bench. */
  timings: Record<string, number>;
}

/**
 * Backup format 3 (#15 item 6): a consistent image of the live database's pages (decrypted, in the
 * worker's memory only; never on disk in plain), checked (integrity_check, its page files, its audit
 * rows handed to `onAudit` in seq order), then cut into chunks of `chunkPages` pages written into
 * the backup folder's store under `keys` unless already there, each read back. Unchanged pages
 * keep their place in the live file, so a daily backup writes only the chunks around what changed.
 */
export function snapshotImage(
  path: string,
  key: Buffer,
  options: { store: string; nameKey: Buffer; encKey: Buffer; chunkPages: number },
  onAudit: (rows: AuditLogTable[]) => void,
  progress: (done: number, total: number) => void,
): Promise<DatabaseImage> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: {
        op: 'image',
        path,
        keyHex: key.toString('hex'),
        modulePath,
        store: options.store,
        nameKeyHex: options.nameKey.toString('hex'),
        encKeyHex: options.encKey.toString('hex'),
        chunkPages: options.chunkPages,
      },
    });
    let reply: (WorkerReply & { type: 'done'; intact?: boolean; chunks?: string[]; written?: number; bytes?: number; dbBytes?: number; pageSize?: number; pageFiles?: [string, string][]; head?: { seq: number; hash: string } | null }) | null = null;
    let failed: unknown = null;
    worker.on('message', (m: { type: string } & Record<string, unknown>) => {
      try {
        if (m.type === 'audit') onAudit(m.rows as AuditLogTable[]);
        else if (m.type === 'progress') progress(m.done as number, m.total as number);
        else if (m.type === 'done') reply = m as unknown as typeof reply;
      } catch (error) {
        failed = error;
      }
    });
    worker.once('error', reject);
    worker.once('exit', () => {
      if (failed) return reject(failed);
      const r = reply;
      if (!r) return reject(new Error('worker exited'));
      if (!r.ok) return reject(new KaijiError(r.code === 'NOT_VERIFIED' ? 'BACKUP_NOT_VERIFIED' : 'BACKUP_FAILED', r.code === 'NOT_VERIFIED' ? { check: 'database chunks' } : { step: 'snapshot', sqlite: r.code }));
      resolve({
        chunks: r.chunks!,
        written: r.written!,
        bytes: r.bytes!,
        dbBytes: r.dbBytes!,
        pageSize: r.pageSize!,
        intact: r.intact === true,
        pageFiles: new Map(r.pageFiles!.map(([n, k]) => [n, Buffer.from(k, 'hex')])),
        head: r.head ?? null,
        timings: (r as { timings?: Record<string, number> }).timings ?? {},
      });
    });
  });
}
