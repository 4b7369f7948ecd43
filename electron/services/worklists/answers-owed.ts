import type { Kysely } from 'kysely';
import type { CaseState } from '@shared/domain/case-state';
import type { Obligation } from '@shared/domain/obligations';
import { refreshCaseFacts } from '../facts/case-facts';
import type { Database } from '../vault/schema';

/**
 * THE query behind "answers owed" (#13 item 1; R1): every case whose
 * shared/domain/obligations.ts caseObligations is non-empty, with what it owes. `assigneeId`
 * narrows it to one person's cases ("needs my action"). Read from the stored per-case facts
 * (facts/case-facts.ts, kept by the same rule), refreshed first so no change is missed.
 */
export async function casesOwing(db: Kysely<Database>, scope: { assigneeId?: string } = {}): Promise<Map<string, { state: CaseState; owed: Obligation[] }>> {
  await refreshCaseFacts(db);
  let q = db
    .selectFrom('cases')
    .innerJoin('case_facts', 'case_facts.case_id', 'cases.id')
    .select(['cases.id', 'cases.status', 'case_facts.owed'])
    .where('case_facts.owes', '>', 0);
  if (scope.assigneeId) q = q.where('cases.assignee_id', '=', scope.assigneeId);
  const out = new Map<string, { state: CaseState; owed: Obligation[] }>();
  for (const r of await q.execute()) out.set(r.id, { state: r.status as CaseState, owed: JSON.parse(r.owed) as Obligation[] });
  return out;
}
