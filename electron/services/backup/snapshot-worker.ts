import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { KaijiError } from '@shared/errors';

/**
 * SQLite work that takes long on a big vault runs on a worker thread with its own connection,
 * so the app's connection keeps serving the UI (and imports keep writing: WAL readers see one
 * consistent snapshot). Measured: better-sqlite3's online backup API refuses an SQLCipher source
 * ("incompatible source and target databases"), while `VACUUM INTO` writes a copy encrypted
 * under the same key, which is what `snapshot` uses. Inline (eval) code keeps the worker
 * independent of how the main bundle is laid out; the native module is resolved here.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const { op, path, dest, keyHex } = workerData;
let h;
try {
  h = new Database(path, { fileMustExist: true });
  h.pragma("cipher = 'sqlcipher'");
  h.pragma('legacy = 4');
  h.pragma('key = "x\\'' + keyHex + '\\'"');
  h.pragma('temp_store = MEMORY');
  h.pragma('busy_timeout = 10000');
  if (op === 'snapshot') {
    h.prepare('VACUUM INTO ?').run(dest);
    parentPort.postMessage({ ok: true });
  } else {
    const rows = h.pragma('integrity_check');
    const fine = rows.length === 1 && rows[0].integrity_check === 'ok';
    const v = h.prepare('SELECT max(version) AS v FROM schema_migrations').get();
    parentPort.postMessage({ ok: true, integrity: fine, problems: fine ? 0 : rows.length, schemaVersion: v ? v.v : 0 });
  }
} catch (e) {
  parentPort.postMessage({ ok: false, code: e && e.code ? String(e.code) : 'ERROR' });
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

function run(data: { op: 'snapshot' | 'check'; path: string; dest?: string; key: Buffer }): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const keyHex = data.key.toString('hex');
    const worker = new Worker(WORKER_CODE, { eval: true, workerData: { op: data.op, path: data.path, dest: data.dest, keyHex, modulePath } });
    let reply: WorkerReply | null = null;
    worker.once('message', (m: WorkerReply) => (reply = m));
    worker.once('error', reject);
    worker.once('exit', () => (reply ? resolve(reply) : reject(new Error('worker exited'))));
  });
}

/** A consistent encrypted copy of the live database at `dest` (same key). */
export async function snapshotDatabase(path: string, dest: string, key: Buffer): Promise<void> {
  const r = await run({ op: 'snapshot', path, dest, key });
  if (!r.ok) throw new KaijiError('BACKUP_FAILED', { step: 'snapshot', sqlite: r.code });
}

/** PRAGMA integrity_check on a copy; SQLITE_NOTADB/CORRUPT (wrong key, damaged pages) count as not intact. */
export async function checkDatabase(path: string, key: Buffer): Promise<{ intact: boolean; schemaVersion: number }> {
  const r = await run({ op: 'check', path, key });
  if (!r.ok) return { intact: false, schemaVersion: 0 };
  return { intact: r.integrity === true, schemaVersion: r.schemaVersion ?? 0 };
}
