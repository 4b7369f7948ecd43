import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column LIKE '%text%'` with an explicit escape character (portable SQLite/PostgreSQL). */
export function contains(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`%${escapeLike(text)}%`} escape '\\'`;
}

/** Prefix match as a range, which an ordinary index serves in both SQLite and PostgreSQL. */
export function prefixRange(text: string): [string, string] {
  return [text, `${text}\uffff`];
}
