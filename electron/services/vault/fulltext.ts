import { sql, type Kysely, type Transaction } from 'kysely';
import { KaijiError } from '@shared/errors';
import { dialectOf } from './migrations/dialect';
import type { Database } from './schema';

/**
 * Full-text search over recognised page text: SQLite FTS5 with the trigram tokenizer,
 * which needs no word segmentation and so works for Japanese. On PostgreSQL the
 * migration creates keyed trigram MACs instead (#16); only the SQLite functions exist so far.
 */
type Db = Kysely<Database> | Transaction<Database>;

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
  await sql`delete from page_text where page_id = ${pageId}`.execute(db);
  // Indexed without ideographic spaces (山田　太郎 is found by 山田太郎); the page keeps them.
  const indexed = text.replace(/\u3000/g, '');
  if (indexed.trim()) await sql`insert into page_text (text, page_id) values (${indexed}, ${pageId})`.execute(db);
}

export async function removePageText(db: Db, pageId: string): Promise<void> {
  await sql`delete from page_text where page_id = ${pageId}`.execute(db);
}

/** Page ids whose text contains `query`. Trigrams need three characters; shorter falls back to LIKE. */
export async function searchPageText(db: Db, query: string, limit: number): Promise<string[]> {
  const q = query.replace(/\u3000/g, '').trim();
  if (!q) return [];
  // FTS5 fails on NUL (an SqliteError, i.e. INTERNAL): refused as input (finding 6; the contract's text() refuses it first).
  if (q.includes('\u0000')) throw new KaijiError('INVALID_INPUT', { issues: [{ path: 'query', code: 'invalid_string' }] });
  const { rows } =
    [...q].length >= 3
      ? await sql<{ page_id: string }>`select page_id from page_text where page_text match ${`"${q.replace(/"/g, '""')}"`} limit ${limit}`.execute(db)
      : await sql<{ page_id: string }>`select page_id from page_text where text like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\' limit ${limit}`.execute(db);
  return rows.map((r) => r.page_id);
}
