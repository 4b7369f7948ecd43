/**
 * A change notice (#16 item 3): which table changed and the ids of the rows (the row's own id
 * and, for a row of a case, the case's id). `table: '*'` means "anything may have changed"
 * (a reconnected listener). Random ids and table names only: never a personal value.
 */
export interface ChangeNotice {
  table: string;
  ids: string[];
}

const TABLE = /^[a-z_*][a-zA-Z_]{0,62}$/;
const ID = /^[A-Za-z0-9_.\-]{1,100}$/;

/** `<table>:<id>[:<case id>]` as the triggers send it; null for anything else. */
export function parseNotice(payload: string): ChangeNotice | null {
  const [table, ...ids] = payload.split(':');
  if (!table || !TABLE.test(table)) return null;
  return { table, ids: ids.filter((id) => ID.test(id)) };
}

/**
 * Whether a query that called channels with these inputs shows what the notice is about: a
 * query about particular records (its input names ids) matches when one of them is in the
 * notice; a query about no record in particular (lists, Today, settings) matches any notice.
 */
export function noticeMatches(notice: ChangeNotice, queryIds: readonly (readonly string[])[]): boolean {
  if (notice.table === '*' || notice.ids.length === 0) return true;
  return queryIds.some((ids) => ids.length === 0 || ids.some((id) => notice.ids.includes(id)));
}

/** The wire form between the desk's services and its windows (the same as the triggers'). */
export function formatNotice(notice: ChangeNotice): string {
  return [notice.table, ...notice.ids].join(':');
}

/** Input fields that name a record, as the renderer's queries and the vault's notices read them. */
const ID_FIELDS = ['id', 'caseId', 'contactId', 'letterId', 'pageId', 'envelopeId'] as const;

/** The record ids a channel input names (a notice or a query is about these). */
export function idsOfInput(input: unknown): string[] {
  if (!input || typeof input !== 'object') return [];
  const i = input as Record<string, unknown>;
  const out: string[] = [];
  for (const f of ID_FIELDS) if (typeof i[f] === 'string') out.push(i[f] as string);
  if (Array.isArray(i.ids)) for (const v of i.ids) if (typeof v === 'string') out.push(v);
  return out;
}
