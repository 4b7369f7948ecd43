import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../vault/schema';

/**
 * I4: the arrival day of the envelope that brought the re-sent set attached at `since` (the
 * deficiency's resolved_at), or undefined when the set was attached without a logged envelope.
 * The new set's application date and money orders are judged from this day on.
 */
export async function resubmittedOn(db: Kysely<Database> | Transaction<Database>, caseId: string, since: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('case_deficiencies')
    .innerJoin('envelopes', 'envelopes.id', 'case_deficiencies.resolved_envelope_id')
    .select('envelopes.arrived_on')
    .where('case_deficiencies.case_id', '=', caseId)
    .where('case_deficiencies.resolved_at', '=', since)
    .executeTakeFirst();
  return row?.arrived_on;
}
