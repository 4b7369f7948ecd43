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
  applyVaultPragmas(handle, options);
  for (const suffix of ['-wal', '-shm', '-journal']) privateFile(path + suffix);
  return handle;
}

/**
 * Every pragma the vault runs with besides the key (the bench opens plain SQLite with exactly
 * these to measure what encryption alone costs).
 */
export function applyVaultPragmas(handle: SqliteHandle, options: { readonly?: boolean } = {}): void {
  if (!options.readonly) {
    handle.pragma('journal_mode = WAL');
    handle.pragma('synchronous = NORMAL');
    // Checkpoint every ~40 MB of WAL instead of SQLite's 4 MB (issue #14). Each checkpoint
    // reads every WAL frame back (decrypt + HMAC check) and writes it into the database
    // (encrypt + HMAC); a bulk import dirties ~1,500 pages per 1,000 cases, so at 1,000 pages
    // nearly every commit was checkpointed and a hot index page went through the cipher three
    // times per commit. Measured on 60k audited inserts: 1,105 -> 606 MB through the cipher.
    // The WAL is encrypted like the database, and closing the vault checkpoints and removes it.
    handle.pragma('wal_autocheckpoint = 10000');
  }
  // A 64 MiB page cache instead of SQLite's 2 MiB (issue #14): with SQLCipher every page read
  // from the file is decrypted and its HMAC checked again, and at 100k cases the case indexes
  // and the audit chain outgrow 2 MiB, so hot index pages went through the cipher on every
  // commit (encrypted/plain rose from 1.02 on an empty vault to 1.35 at 100k). The cache is
  // plaintext in memory either way; memory only grows as pages are touched.
  handle.pragma('cache_size = -65536');
  // Sorts and temp tables stay in memory, never in unencrypted temp files.
  handle.pragma('temp_store = MEMORY');
  // Deleted content is overwritten, not left in free pages.
  handle.pragma('secure_delete = ON');
  handle.pragma('foreign_keys = ON');
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
