import { sql, type Kysely, type Transaction } from 'kysely';
import { KaijiError } from '@shared/errors';
import type { Database } from '../vault/schema';

/**
 * Optimistic versions (#16 item 3). A desk shows a row with the version it read and sends that
 * version back with the edit; the edit bumps the version in one statement
 * `update … set version = version + 1 where key = ? and version = ?`. A write based on a stale
 * view matches no row and is refused as CONFLICT: never a silent overwrite of another desk's
 * change. The statement is the check and the claim at once, so it holds under any interleaving
 * on PostgreSQL (the row lock makes a second writer wait, then re-check `version`, find it moved
 * and match nothing) as on SQLite (one writer).
 *
 * A caller without a version (scripts, background work, older callers) still bumps it, so the
 * desks that did read it learn of the change.
 */
export const VERSIONED_TABLES = ['cases', 'case_fields', 'letters', 'money_orders', 'settings', 'saved_filters', 'staff'] as const;
export type VersionedTable = (typeof VERSIONED_TABLES)[number];

/** What the conflict message calls the record (ja/en, no personal values). */
export const RECORD_WORDS = {
  case: { whatJa: '案件', whatEn: 'case' },
  letter: { whatJa: '文書', whatEn: 'letter' },
  money_order: { whatJa: '定額小為替', whatEn: 'money order' },
  settings: { whatJa: '設定', whatEn: 'settings' },
  saved_filter: { whatJa: '保存した条件', whatEn: 'saved filter' },
  staff: { whatJa: '職員', whatEn: 'staff member' },
} as const;
export type RecordWord = keyof typeof RECORD_WORDS;

export function conflict(record: RecordWord): KaijiError {
  return new KaijiError('CONFLICT', { record, ...RECORD_WORDS[record] });
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Claims the next version of one row (`key` = its id column, `id` its value). With `expected`,
 * refuses unless the row is still at that version: NOT_FOUND when the row is gone, CONFLICT
 * when another desk moved it. Returns the row's new version. Call it first in the edit's
 * transaction, so on PostgreSQL the row stays locked for the rest of the edit.
 */
export async function claimVersion(
  trx: Db,
  table: 'cases' | 'letters' | 'money_orders' | 'saved_filters' | 'staff',
  id: string,
  expected: number | undefined,
  record: RecordWord,
): Promise<number> {
  let q = trx
    .updateTable(table)
    .set({ version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (expected !== undefined) q = q.where('version', '=', expected);
  const row = await q.returning('version').executeTakeFirst();
  if (row) return Number(row.version);
  const exists = await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  throw exists ? conflict(record) : new KaijiError('NOT_FOUND');
}
