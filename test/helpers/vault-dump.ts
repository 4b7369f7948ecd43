import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
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

/** Page id -> SHA-256 of the stored image and thumbnail. */
export async function pageHashes(db: Kysely<Database>): Promise<Record<string, string>> {
  const rows = await db.selectFrom('pages').select(['id', 'image', 'thumbnail']).execute();
  return Object.fromEntries(rows.map((r) => [r.id, `${hash(r.image)}/${hash(r.thumbnail)}`]));
}

export async function auditRows(db: Kysely<Database>): Promise<{ seq: number; hash: string; action: string }[]> {
  return db.selectFrom('audit_log').select(['seq', 'hash', 'action']).orderBy('seq').execute();
}
