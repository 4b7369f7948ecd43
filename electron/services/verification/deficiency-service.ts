import type { Kysely, Transaction } from 'kysely';
import { deficiencyList, requiredDocuments, RESEND_INSTRUCTION, type DeficiencyNotice } from '@shared/domain/verification/resubmission';
import type { AwaitingResubmission, StoredDeficiency } from '@shared/domain/verification/stored-deficiency';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { StatusChange } from '../cases/case-service';
import type { Database } from '../vault/schema';
import type { ChecklistService } from './checklist-service';
import type { CaseDeficienciesTable } from './schema';
import { newRowId } from '../core/row-id';

/**
 * The deficiency decision (R5, I4), stored with the status change that made it: the list is
 * computed from the checklist at that moment and frozen, so the notice printed later says
 * exactly what the administrator decided on. A re-sent set resolves it (resolve / onStatusChange).
 */
export class DeficiencyService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly checklists: ChecklistService,
  ) {}

  /** The case's latest deficiency decision (resolved or still waiting), or null. */
  async latest(caseId: string, db: Kysely<Database> = this.db): Promise<StoredDeficiency | null> {
    const row = await db
      .selectFrom('case_deficiencies')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toStored(row) : null;
  }

  /** Every decision of the case, newest first (a case can be sent back more than once). */
  async list(caseId: string): Promise<StoredDeficiency[]> {
    const rows = await this.db.selectFrom('case_deficiencies').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute();
    return rows.map(toStored);
  }

  /** Cases waiting for their re-sent set, longest waiting first. Shows names: audited (S3). */
  async awaiting(actor: Actor): Promise<AwaitingResubmission[]> {
    const rows = await this.db
      .selectFrom('cases')
      .select(['id', 'case_no', 'subject_name', 'received_on', 'status_since', 'updated_at'])
      .where('status', '=', 'deficient')
      .orderBy('status_since')
      .limit(500)
      .execute();
    if (rows.length > 0) {
      await this.audit.append(this.db, actor, { action: 'case.listed', recordType: 'case', summary: { shown: rows.map((r) => r.case_no), awaitingResubmission: true } });
    }
    return rows.map((r) => ({ caseId: r.id, caseNo: r.case_no, subjectName: r.subject_name, receivedOn: r.received_on, deficientSince: r.status_since ?? r.updated_at }));
  }

  /**
   * The status hook (registered on CaseService in workspace.ts): entering `deficient` stores
   * the list; leaving it for `checking` (the re-sent set, I4) resolves the open one.
   */
  readonly onStatusChange = async (trx: Transaction<Database>, actor: Actor, change: StatusChange): Promise<void> => {
    if (change.to === 'deficient') await this.record(trx, actor, change);
    else if (change.from === 'deficient' && change.to === 'checking') await this.resolve(trx, actor, change);
  };

  private async record(trx: Transaction<Database>, actor: Actor, change: StatusChange): Promise<void> {
    const { checklist, fields } = await this.checklists.compute(change.caseId, trx);
    const reason = change.reason?.trim() || null;
    let notice = deficiencyList(checklist.results, fields);
    if (!notice) {
      // Nothing the rules can see failed (e.g. an unsigned form): the written reason is the
      // deficiency, so without one there is nothing to tell the applicant.
      if (!reason) throw new KaijiError('DEFICIENCY_REASON_REQUIRED');
      notice = reasonOnlyNotice(reason, fields, checklist.results.filter((r) => r.status === 'needs_review').map((r) => r.ruleId));
    }
    const row: CaseDeficienciesTable = {
      id: newRowId(),
      case_id: change.caseId,
      notice: JSON.stringify(notice),
      reason,
      created_by: actor.id,
      created_at: change.at,
      resolved_at: null,
      resolved_envelope_id: null,
    };
    await trx.insertInto('case_deficiencies').values(row).execute();
    await this.audit.append(trx, actor, {
      action: 'case.deficiency_recorded',
      recordType: 'case',
      recordId: change.caseId,
      // Counts only: the problems name documents and dates of a person.
      summary: { caseNo: change.caseNo, deficiencyId: row.id, problems: notice.problems.length, pendingReview: notice.pendingReview },
    });
  }

  private async resolve(trx: Transaction<Database>, actor: Actor, change: StatusChange): Promise<void> {
    const open = await trx
      .selectFrom('case_deficiencies')
      .select('id')
      .where('case_id', '=', change.caseId)
      .where('resolved_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
    if (open.length === 0) return;
    await trx
      .updateTable('case_deficiencies')
      .set({ resolved_at: change.at, resolved_envelope_id: change.envelopeId ?? null })
      .where('id', 'in', open.map((o) => o.id))
      .execute();
    await this.audit.append(trx, actor, {
      action: 'case.deficiency_resolved',
      recordType: 'case',
      recordId: change.caseId,
      summary: { caseNo: change.caseNo, deficiencyIds: open.map((o) => o.id), ...(change.envelopeId ? { envelopeId: change.envelopeId } : {}) },
    });
  }
}

function reasonOnlyNotice(reason: string, fields: Record<string, string>, pendingReview: DeficiencyNotice['pendingReview']): DeficiencyNotice {
  return { problems: [{ ja: reason, en: reason }], resend: requiredDocuments(fields), instruction: RESEND_INSTRUCTION, pendingReview };
}

export function toStored(row: CaseDeficienciesTable): StoredDeficiency {
  return {
    id: row.id,
    caseId: row.case_id,
    notice: JSON.parse(row.notice) as DeficiencyNotice,
    reason: row.reason,
    createdAt: row.created_at,
    createdBy: row.created_by,
    resolvedAt: row.resolved_at,
    resolvedEnvelopeId: row.resolved_envelope_id,
  };
}
