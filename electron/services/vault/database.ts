import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { KaijiError } from '@shared/errors';
import type { Database } from './schema';

export type SqliteHandle = BetterSqlite3.Database;

/**
 * The only SQLite-specific code: opening an SQLCipher-format file with a raw 256-bit
 * key (no SQLCipher KDF: the key is already random) and the pragmas that keep
 * plaintext off the disk. Everything above this speaks kysely.
 */
export function openSqlCipher(path: string, key: Buffer, options: { readonly?: boolean } = {}): SqliteHandle {
  // SQLite creates the file with the process umask (0644) and gives -wal/-shm the mode of
  // the database: made 0600 first, all three stay private (finding 10).
  if (!options.readonly && !existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  privateFile(path);
  const handle = new BetterSqlite3(path, { readonly: options.readonly ?? false });
  try {
    applyKey(handle, key);
    // Touching the schema is what fails on a wrong key (SQLITE_NOTADB).
    handle.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    handle.close();
    throw isNotADatabase(error) ? new KaijiError('VAULT_CORRUPT') : error;
  }
  if (!options.readonly) {
    handle.pragma('journal_mode = WAL');
    handle.pragma('synchronous = NORMAL');
  }
  // Sorts and temp tables stay in memory, never in unencrypted temp files.
  handle.pragma('temp_store = MEMORY');
  // Deleted content is overwritten, not left in free pages.
  handle.pragma('secure_delete = ON');
  handle.pragma('foreign_keys = ON');
  for (const suffix of ['-wal', '-shm', '-journal']) privateFile(path + suffix);
  return handle;
}

/** Owner-only (0600) if the file exists; Windows keeps its ACLs (chmod only sets read-only there). */
export function privateFile(path: string): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(path, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

export function applyKey(handle: SqliteHandle, key: Buffer): void {
  handle.pragma(`cipher = 'sqlcipher'`);
  handle.pragma('legacy = 4');
  handle.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** Re-encrypts every page under a new key (the caller has switched off WAL first). */
export function rekeySqlCipher(handle: SqliteHandle, newKey: Buffer): void {
  handle.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
}

export function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

export function toKysely(handle: SqliteHandle): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
}
