import type { Kysely } from 'kysely';
import type { CaseObligations, OwedCase } from '@shared/contract/lifecycle-types';
import { CASE_ACTIONS, mayDo } from '@shared/domain/case-permissions';
import { caseObligations, type Obligation } from '@shared/domain/obligations';
import { REQUEST_KINDS } from '@shared/domain/page-kind';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { Database } from '../vault/schema';
import { caseSnapshot } from './case-snapshot';
import { refreshCaseFacts } from '../facts/case-facts';
import { assertMay, auditIfDenied } from './guard';

const KIND_FIELDS = REQUEST_KINDS.map((k) => `request.k${k.slice(1)}`);

/**
 * What cases still owe (issue #10 item 1) for the case header, Today and the letters panel, all
 * through shared/domain/obligations.ts; the confirmation of OCR-read kinds (item 6).
 */
export class LifecycleService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  async obligations(actor: Actor, caseId: string): Promise<CaseObligations> {
    const c = await this.db.selectFrom('cases').select(['id', 'case_no', 'status']).where('id', '=', caseId).executeTakeFirst();
    if (!c) throw new KaijiError('NOT_FOUND');
    const snapshot = await caseSnapshot(this.db, caseId);
    const waived = await this.db.selectFrom('case_waivers').selectAll().where('case_id', '=', caseId).orderBy('waived_at').orderBy('obligation').execute();
    return {
      caseId,
      caseNo: c.case_no,
      status: c.status,
      owed: caseObligations(snapshot),
      unconfirmedKinds: snapshot.requested.filter((r) => !r.confirmed).map((r) => r.kind),
      waived: waived.map((w) => ({ obligation: w.obligation, reason: w.reason, waivedByName: w.waived_by_name, waivedAt: w.waived_at })),
      allowed: CASE_ACTIONS.filter((a) => mayDo(actor.role, a)),
    };
  }

  /**
   * Today's "answers owed": one row per case with every reason, oldest arrivals first. Read from
   * the stored per-case facts (services/facts, migration 024): one index range, whatever the
   * vault's size.
   */
  async owed(limit: number): Promise<OwedCase[]> {
    await refreshCaseFacts(this.db);
    const rows = await this.db
      .selectFrom('case_facts as f')
      .innerJoin('cases as c', 'c.id', 'f.case_id')
      .select(['c.id', 'c.case_no', 'c.status', 'c.received_on', 'f.owed'])
      .where('f.owes', '>', 0)
      .orderBy('f.received_on')
      .orderBy('c.case_no')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ caseId: r.id, caseNo: r.case_no, status: r.status, receivedOn: r.received_on, owed: JSON.parse(r.owed) as Obligation[] }));
  }

  /** Item 6: a person confirms the ticked kinds as read from the paper (audited, one click). */
  async confirmKinds(actor: Actor, caseId: string): Promise<CaseObligations> {
    try {
      assertMay(actor, 'confirm_kinds');
    } catch (e) {
      await auditIfDenied(this.db, this.audit, actor, e, { caseId });
      throw e;
    }
    await this.db.transaction().execute(async (trx) => {
      const c = await trx.selectFrom('cases').select(['case_no']).where('id', '=', caseId).executeTakeFirst();
      if (!c) throw new KaijiError('NOT_FOUND');
      const rows = await trx.selectFrom('case_fields').select(['field', 'value']).where('case_id', '=', caseId).where('field', 'in', KIND_FIELDS).execute();
      await trx
        .updateTable('case_fields')
        .set({ confidence: null, needs_review: 0, updated_by: actor.id, updated_at: this.now().toISOString() })
        .where('case_id', '=', caseId)
        .where('field', 'in', KIND_FIELDS)
        .execute();
      await this.audit.append(trx, actor, {
        action: 'case.kinds_confirmed',
        recordType: 'case',
        recordId: caseId,
        summary: { caseNo: c.case_no, kinds: REQUEST_KINDS.filter((k) => rows.some((r) => r.field === `request.k${k.slice(1)}` && r.value === 'true')) },
      });
    });
    return this.obligations(actor, caseId);
  }
}
