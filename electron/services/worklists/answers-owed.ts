import type { Kysely } from 'kysely';
import type { CaseState } from '@shared/domain/case-state';
import { caseObligations, type Obligation } from '@shared/domain/obligations';
import { caseSnapshots } from '../lifecycle/case-snapshot';
import type { Database } from '../vault/schema';

/** States in which a case can owe answers or notices (received/checking are still being read; see routeOf). */
export const OWING_STATES: readonly CaseState[] = ['accepted', 'deciding', 'responding', 'deficient', 'refused', 'withdrawn'];

const CHUNK = 500;

/**
 * THE query behind "answers owed" (#13 item 1; R1): every case whose
 * shared/domain/obligations.ts caseObligations is non-empty, with what it owes. `assigneeId`
 * narrows it to one person's cases ("needs my action"). Computed from the case snapshots; when
 * per-case facts are stored (issue 13 item 10), this function is the one place to switch.
 */
export async function casesOwing(db: Kysely<Database>, scope: { assigneeId?: string } = {}): Promise<Map<string, { state: CaseState; owed: Obligation[] }>> {
  let q = db.selectFrom('cases').select(['id', 'status']).where('status', 'in', [...OWING_STATES]);
  if (scope.assigneeId) q = q.where('assignee_id', '=', scope.assigneeId);
  const candidates = await q.orderBy('id').execute();
  const out = new Map<string, { state: CaseState; owed: Obligation[] }>();
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const chunk = candidates.slice(i, i + CHUNK);
    const snaps = await caseSnapshots(db, chunk.map((c) => c.id));
    for (const c of chunk) {
      const owed = caseObligations(snaps.get(c.id)!);
      if (owed.length > 0) out.set(c.id, { state: c.status as CaseState, owed });
    }
  }
  return out;
}
