import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../vault/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The form's tick boxes for K1-K6 (shared/domain/application-form.ts: request.k1..k6 = 'true'). */
export const KIND_FIELDS = ['request.k1', 'request.k2', 'request.k3', 'request.k4', 'request.k5', 'request.k6'] as const;

/** `K1,K3`: the ticked kinds in order; '' when none is ticked (yet). */
export function kindsKey(rows: readonly { field: string; value: string }[]): string {
  return KIND_FIELDS.filter((f) => rows.some((r) => r.field === f && r.value === 'true'))
    .map((f) => `K${f.slice(-1)}`)
    .join(',');
}

/** The kinds key of each given case, read from its fields. */
export async function kindsFor(db: Db, caseIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>(caseIds.map((id) => [id, '']));
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db
      .selectFrom('case_fields')
      .select(['case_id', 'field', 'value'])
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .where('field', 'in', [...KIND_FIELDS])
      .execute();
    const byCase = new Map<string, { field: string; value: string }[]>();
    for (const r of rows) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r]);
    for (const [id, fields] of byCase) out.set(id, kindsKey(fields));
  }
  return out;
}

/**
 * The high-water mark never passes `now` minus a margin: a write stamped within the same
 * millisecond as the newest one seen, but committed after this look, is still found next time.
 */
const MARGIN_MS = 2_000;
export const capMark = (mark: string, now: Date): string => {
  const cap = new Date(now.getTime() - MARGIN_MS).toISOString();
  return mark < cap ? mark : cap;
};

/**
 * Copies kinds written at or after `through` onto their cases (every field write sets
 * updated_at, and fields are never deleted); returns the new high-water mark. Rows at or after
 * the mark are looked at again next time, which costs a read, never a wrong count.
 */
export async function refreshChangedKinds(db: Kysely<Database>, through: string, now: Date): Promise<string> {
  const changed = await db
    .selectFrom('case_fields')
    .select(['case_id', 'updated_at'])
    .where('field', 'in', [...KIND_FIELDS])
    .where('updated_at', '>=', through)
    .execute();
  if (changed.length === 0) return through;
  const mark = capMark(changed.reduce((m, r) => (r.updated_at > m ? r.updated_at : m), through), now);
  // Cases still to compute get their kinds with the rest of their stored columns.
  const computed: { id: string; request_kinds?: string | null }[] = [];
  const ids = [...new Set(changed.map((r) => r.case_id))];
  for (let i = 0; i < ids.length; i += 500) {
    computed.push(...(await db.selectFrom('cases').select(['id', 'request_kinds']).where('id', 'in', ids.slice(i, i + 500)).where('deadline_computed', 'is not', null).execute()));
  }
  const kinds = await kindsFor(db, computed.map((c) => c.id));
  const stale = computed.filter((c) => c.request_kinds !== kinds.get(c.id)).map((c) => c.id);
  if (stale.length > 0) {
    await db.transaction().execute(async (trx) => {
      for (const id of stale) await trx.updateTable('cases').set({ request_kinds: kinds.get(id)! }).where('id', '=', id).execute();
    });
  }
  return mark;
}
