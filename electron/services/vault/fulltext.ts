import { sql, type Kysely, type Transaction } from 'kysely';
import { KaijiError } from '@shared/errors';
import { officeKeysOf } from '../office/office-keys-plugin';
import { queryTokens, searchable, textTokens, type OfficeKeys } from '../office/office-sealing';
import { dialectOf } from './migrations/dialect';
import type { Database } from './schema';

/**
 * Full-text search over recognised page text: SQLite FTS5 with the trigram tokenizer,
 * which needs no word segmentation and so works for Japanese. On an office database (#16) the
 * server holds no text: `page_tokens` keeps keyed MACs of each page's distinct trigrams, a
 * query's MACs select candidate pages, and the desk opens their text and confirms the match
 * (trigram sets over-approximate). The same three functions serve both back ends.
 */
type Db = Kysely<Database> | Transaction<Database>;

function keysFor(db: Db): OfficeKeys | null {
  if (dialectOf(db as unknown as Kysely<unknown>) !== 'postgres') return null;
  const keys = officeKeysOf(db);
  // An office database without the desk's keys is a wiring fault, never a reason to store text.
  if (!keys) throw new Error('office database opened without its keys');
  return keys;
}

export async function createPageTextIndex(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    // The office server never holds readable text: keyed trigram MACs only (docs/ARCHITECTURE.md,
    // "Searching what the server cannot read").
    await db.schema
      .createTable('page_tokens')
      .addColumn('page_id', 'text', (c) => c.notNull())
      .addColumn('mac', 'bytea', (c) => c.notNull())
      .addPrimaryKeyConstraint('page_tokens_pk', ['mac', 'page_id'])
      .execute();
    await db.schema.createIndex('page_tokens_page').on('page_tokens').column('page_id').execute();
    return;
  }
  await sql`create virtual table page_text using fts5(text, page_id unindexed, tokenize = 'trigram')`.execute(db);
}

export async function indexPageText(db: Db, pageId: string, text: string): Promise<void> {
  const keys = keysFor(db);
  if (keys) {
    await sql`delete from page_tokens where page_id = ${pageId}`.execute(db);
    const macs = textTokens(keys, text);
    if (macs.length) await sql`insert into page_tokens (page_id, mac) select ${pageId}, unnest(${macs}::bytea[])`.execute(db);
    return;
  }
  await sql`delete from page_text where page_id = ${pageId}`.execute(db);
  // Indexed without ideographic spaces (山田　太郎 is found by 山田太郎); the page keeps them.
  const indexed = text.replace(/\u3000/g, '');
  if (indexed.trim()) await sql`insert into page_text (text, page_id) values (${indexed}, ${pageId})`.execute(db);
}

/**
 * FTS5 secure-delete (SQLite >= 3.42; persistent for the table): a deleted row's terms leave the
 * index's segments now, not at some later merge. On an office database the MAC rows are simply
 * deleted (the server never held the text).
 */
export async function secureDeletePageText(db: Db): Promise<void> {
  if (keysFor(db)) return;
  await sql`insert into page_text(page_text, rank) values('secure-delete', 1)`.execute(db);
}

export async function removePageText(db: Db, pageId: string): Promise<void> {
  if (keysFor(db)) {
    await sql`delete from page_tokens where page_id = ${pageId}`.execute(db);
    return;
  }
  await sql`delete from page_text where page_id = ${pageId}`.execute(db);
}

/** Page ids whose text contains `query`. Trigrams need three characters; shorter falls back to LIKE. */
export async function searchPageText(db: Db, query: string, limit: number): Promise<string[]> {
  const q = query.replace(/\u3000/g, '').trim();
  if (!q) return [];
  // FTS5 fails on NUL (an SqliteError, i.e. INTERNAL): refused as input (finding 6; the contract's text() refuses it first).
  if (q.includes('\u0000')) throw new KaijiError('INVALID_INPUT', { issues: [{ path: 'query', code: 'invalid_string' }] });
  const keys = keysFor(db);
  if (keys) return searchOffice(db, keys, q, limit);
  const { rows } =
    [...q].length >= 3
      ? await sql<{ page_id: string }>`select page_id from page_text where page_text match ${`"${q.replace(/"/g, '""')}"`} limit ${limit}`.execute(db)
      : await sql<{ page_id: string }>`select page_id from page_text where text like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\' limit ${limit}`.execute(db);
  return rows.map((r) => r.page_id);
}

/** Confirmed at the desk on opened text; candidates by MACs when the query has a trigram, else every page. */
async function searchOffice(db: Db, keys: OfficeKeys, q: string, limit: number): Promise<string[]> {
  const wanted = searchable(q).join('');
  if (!wanted) return [];
  const macs = queryTokens(keys, q);
  const found: string[] = [];
  const confirm = async (ids: string[]) => {
    if (!ids.length) return;
    const rows = await db.selectFrom('pages').select(['id', 'ocr_text']).where('id', 'in', ids).orderBy('id').execute();
    for (const r of rows) if (found.length < limit && searchable(r.ocr_text).join('').includes(wanted)) found.push(r.id);
  };
  if (macs.length) {
    const { rows } = await sql<{ page_id: string }>`
      select page_id from page_tokens where mac = any(${macs}::bytea[])
      group by page_id having count(*) = ${macs.length} order by page_id`.execute(db);
    const ids = rows.map((r) => r.page_id);
    for (let i = 0; i < ids.length && found.length < limit; i += 200) await confirm(ids.slice(i, i + 200));
    return found;
  }
  // One or two characters: no trigram to ask for; the desk reads the text page by page.
  for (let after = ''; found.length < limit; ) {
    const batch = await db.selectFrom('pages').select('id').where('id', '>', after).where('ocr_status', '=', 'done').orderBy('id').limit(500).execute();
    if (!batch.length) break;
    await confirm(batch.map((r) => r.id));
    after = batch[batch.length - 1]!.id;
  }
  return found;
}
