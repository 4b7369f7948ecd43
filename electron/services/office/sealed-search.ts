import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { queryTokens, textTokens } from './office-sealing';
import { PREFIX_COLUMNS, PREFIX_MAX, prefixPurpose, sealingOf } from './sealed-store';
import { prefixIndexes } from './office-sealing';

/**
 * The lookups a service needs on sealed columns, one call for both back ends (#16 item 2):
 * on the SQLite vault (no sealing plugin) they are the plain SQL the services used before; on
 * the office database they go through MACs the desk computes. A service swaps its range or
 * FTS5 query for these and stays the same otherwise.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: the helpers name their own tables
type AnyDb = Kysely<any> | Transaction<any>;

/**
 * `column starts with prefix` for a name key or case number (PREFIX_COLUMNS), `prefix` already
 * normalised as the column is (nameKey(), NFKC case number). SQLite: the index range services
 * used (`>= prefix and < prefix + U+FFFF`). Office: the row's id among those holding the prefix's
 * MAC; a prefix longer than PREFIX_MAX characters matches on its first PREFIX_MAX (a superset,
 * which the desk narrows on the opened values if it must).
 */
export function startsWith(db: AnyDb, target: { table: string; column: string; alias?: string }, prefix: string): Expression<SqlBool> {
  const alias = target.alias ?? target.table;
  const seal = sealingOf(db);
  if (!prefix) return sql<SqlBool>`1 = 1`;
  if (!seal) {
    const ref = sql.ref(`${alias}.${target.column}`);
    return sql<SqlBool>`(${ref} >= ${prefix} and ${ref} < ${`${prefix}\uffff`})`;
  }
  if (!(PREFIX_COLUMNS[target.table] ?? []).includes(target.column)) throw new Error(`${target.table}.${target.column} has no prefix MACs`);
  const chars = [...prefix].slice(0, PREFIX_MAX);
  const mac = prefixIndexes(seal.keys, prefixPurpose(target.table, target.column), chars.join(''), PREFIX_MAX).at(-1)!;
  return sql<SqlBool>`${sql.ref(`${alias}.id`)} in (select row_id from name_prefixes where table_name = ${target.table} and column_name = ${target.column} and mac = ${mac})`;
}

/**
 * Replaces a page's keyed trigram MACs (office database only: the vault keeps its FTS5 table).
 * Whitespace and case are folded as textTokens does; the page's text itself is a sealed column.
 */
export async function replacePageTokens(db: AnyDb, pageId: string, text: string): Promise<void> {
  const seal = sealingOf(db);
  if (!seal) throw new Error('page_tokens exist on the office database only');
  await db.deleteFrom('page_tokens').where('page_id', '=', pageId).execute();
  const macs = textTokens(seal.keys, text);
  // Batches keep each statement's parameter list far below PostgreSQL's 65535.
  for (let i = 0; i < macs.length; i += 2000) {
    await db
      .insertInto('page_tokens')
      .values(macs.slice(i, i + 2000).map((mac) => ({ page_id: pageId, mac })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/**
 * Pages holding every trigram MAC of `query` (candidates: the desk confirms on the opened text,
 * as trigram sets over-approximate). null when the query has fewer than three characters: then
 * no MAC narrows it and the caller scans opened text.
 */
export async function pageTokenCandidates(db: AnyDb, query: string, limit: number): Promise<string[] | null> {
  const seal = sealingOf(db);
  if (!seal) throw new Error('page_tokens exist on the office database only');
  const macs = queryTokens(seal.keys, query);
  if (macs.length === 0) return null;
  const rows = await db
    .selectFrom('page_tokens')
    .select('page_id')
    .where('mac', 'in', macs)
    .groupBy('page_id')
    .having(sql`count(*)`, '=', macs.length)
    .orderBy('page_id')
    .limit(limit)
    .execute();
  return rows.map((r: { page_id: string }) => r.page_id);
}
