import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { PageFiles } from '../../electron/services/pages/page-files';
import type { Database } from '../../electron/services/vault/schema';

const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Every table's rows (blobs as SHA-256), sorted, per table: VACUUM may renumber implicit rowids,
 * so rows are compared as sets, not by rowid.
 */
export async function dumpTables(db: Kysely<Database>, skip: readonly string[] = []): Promise<Record<string, string[]>> {
  const { rows: tables } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (skip.includes(name)) continue;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    out[name] = rows
      .map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, v instanceof Uint8Array ? `sha256:${hash(v)}` : v])))
      .sort();
  }
  return out;
}

/** Page id -> SHA-256 of the stored image (decrypted from its page file, #15 item 6) and thumbnail. */
export async function pageHashes(db: Kysely<Database>, dataDir: string): Promise<Record<string, string>> {
  const files = new PageFiles(dataDir);
  const rows = await db.selectFrom('pages').select(['id', 'image', 'image_file', 'image_key', 'thumbnail']).execute();
  return Object.fromEntries(
    rows.map((r) => [r.id, `${hash(r.image_file && r.image_key ? files.read(r.image_file, r.image_key) : r.image)}/${hash(r.thumbnail)}`]),
  );
}

export async function auditRows(db: Kysely<Database>): Promise<{ seq: number; hash: string; action: string }[]> {
  return db.selectFrom('audit_log').select(['seq', 'hash', 'action']).orderBy('seq').execute();
}
