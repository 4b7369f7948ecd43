import type { Kysely, Transaction } from 'kysely';
import { forbiddenDetails, mayDo, type CaseAction } from '@shared/domain/case-permissions';
import type { CaseState } from '@shared/domain/case-state';
import { caseObligations, obligationKey } from '@shared/domain/obligations';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { Database } from '../vault/schema';
import { caseSnapshot } from './case-snapshot';
import { newRowId } from '../core/row-id';

/** ROLE_FORBIDS unless the actor's role may do `action` (shared/domain/case-permissions.ts). */
export function assertMay(actor: Actor, action: CaseAction): void {
  if (!mayDo(actor.role, action)) throw new KaijiError('ROLE_FORBIDS', forbiddenDetails(action));
}

/**
 * A refused step is audited like a refused channel (access.denied). The refused transaction
 * rolled back, so this is written on its own.
 */
export async function auditIfDenied(db: Kysely<Database>, audit: AuditLog, actor: Actor, error: unknown, record: { caseId?: string; caseNo?: string }): Promise<void> {
  if (!(error instanceof KaijiError) || !['ROLE_FORBIDS', 'LETTER_NEEDS_APPROVAL', 'LETTER_AWAITING_APPROVAL', 'APPROVAL_SELF'].includes(error.code)) return;
  await audit
    .append(db, actor, {
      action: 'access.denied',
      recordType: 'case',
      ...(record.caseId ? { recordId: record.caseId } : {}),
      summary: { caseAction: error.details?.action ?? 'issue_letter', code: error.code, ...(record.caseNo ? { caseNo: record.caseNo } : {}) },
    })
    .catch(() => undefined);
}

/**
 * The close guard (issue #10 item 2, R1): a case reaches `closed` only when nothing is owed.
 * Otherwise an administrator may close with a written reason: each waived obligation is stored
 * and audited in the closing transaction. Without `waive` the close is refused (CASE_STILL_OWES).
 */
export async function guardClose(
  trx: Transaction<Database>,
  audit: AuditLog,
  actor: Actor,
  c: { id: string; caseNo: string; from: CaseState },
  opts: { waive: boolean; reason?: string; at: string },
): Promise<void> {
  const snapshot = await caseSnapshot(trx, c.id, { state: 'closed', closedFrom: c.from });
  const owed = caseObligations(snapshot);
  if (owed.length === 0) return;
  const items = { itemsJa: owed.map((o) => o.label.ja).join('、'), itemsEn: owed.map((o) => o.label.en).join('; '), count: owed.length };
  if (!opts.waive) throw new KaijiError('CASE_STILL_OWES', items);
  assertMay(actor, 'waive');
  const reason = opts.reason?.trim();
  if (!reason) throw new KaijiError('WAIVER_REASON_REQUIRED', items);
  for (const o of owed) {
    const key = obligationKey(o);
    await trx
      .insertInto('case_waivers')
      .values({ id: newRowId(), case_id: c.id, obligation: key, reason, waived_by: actor.id, waived_by_name: actor.name, waived_at: opts.at })
      .execute();
    // The reason is in the status change; the trail names what was waived.
    await audit.append(trx, actor, { action: 'case.obligation_waived', recordType: 'case', recordId: c.id, summary: { caseNo: c.caseNo, obligation: key } });
  }
}
