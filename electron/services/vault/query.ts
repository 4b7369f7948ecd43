import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column LIKE '%text%'` with an explicit escape character (portable SQLite/PostgreSQL). */
export function contains(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`%${escapeLike(text)}%`} escape '\\'`;
}

/**
 * Rows in code-point order of their text keys, compared at the desk. For sealed columns (a staff
 * name, a saved filter's name): the office database holds them as ciphertext and refuses to
 * order by them (#16 item 2), and code-point order is what SQLite's ORDER BY gives, so both back
 * ends list alike. Only for lists that are small by nature (staff, one person's filters).
 */
export function sortedAtDesk<T>(rows: T[], ...keys: ((row: T) => string)[]): T[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort((x, y) => {
    for (const key of keys) {
      const c = cmp(key(x), key(y));
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** Prefix match as a range, which an ordinary index serves in both SQLite and PostgreSQL. */
export function prefixRange(text: string): [string, string] {
  return [text, `${text}\uffff`];
}
