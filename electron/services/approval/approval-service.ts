import type { Kysely, Transaction } from 'kysely';
import { approvalAllowsIssue, approvalRefusal, approvalState, preparersOf, type ApprovalRefusal, type ApprovalState } from '@shared/domain/approval';
import { kindsAnsweredBy } from '@shared/domain/obligations';
import type { KindDecision } from '@shared/domain/decisions';
import type { LetterTemplateId } from '@shared/domain/letters/types';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import { auditIfDenied } from '../lifecycle/guard';
import { forbiddenDetails } from '@shared/domain/case-permissions';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../vault/schema';
import type { LettersTable } from '../letters/schema';
import type { DecisionHook } from '../letters/decision-service';

type Db = Kysely<Database> | Transaction<Database>;

/** What the letters panel shows of a letter's approval. */
export interface LetterApproval {
  state: ApprovalState;
  byName: string | null;
  at: string | null;
  /** Why it was sent back (shown to staff; never in the audit trail). */
  reason: string | null;
  /** Staff ids who may not approve it (they prepared it or made a decision it carries). */
  excluded: string[];
}

/**
 * The second administrator's approval (決裁, issue #13 item 2b). Rules: shared/domain/approval.ts.
 * The letter service asks `assertMayIssue` before rendering and calls `onEdited` inside its
 * editing transaction; a decision hook clears the approvals of the case's drafts whenever a
 * decision is recorded again. Approvals and send-backs are audited (`letter.approved`,
 * `letter.sent_back`) in the same transaction; the reason stays out of the trail.
 */
export class ApprovalService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly settings: SettingsService,
    private readonly now: () => Date,
  ) {}

  async required(db: Db = this.db): Promise<boolean> {
    return (await this.settings.get(db)).approvalRequired;
  }

  /** The approval as shown for these rows (one settings read and one decisions read for all). */
  async describe(rows: readonly LettersTable[], db: Db = this.db): Promise<Map<string, LetterApproval>> {
    const out = new Map<string, LetterApproval>();
    if (rows.length === 0) return out;
    const required = await this.required(db);
    // Off (the default): no one is excluded from anything, so the decisions need not be read.
    const deciders = required ? await this.decidersByCase(db, [...new Set(rows.map((r) => r.case_id))]) : new Map<string, never[]>();
    for (const r of rows) {
      const state = r.status === 'issued' ? (r.approval === 'approved' ? 'approved' : 'not_required') : approvalState(required, r.approval);
      out.set(r.id, {
        state,
        byName: r.approval ? (r.approval_by_name ?? null) : null,
        at: r.approval ? (r.approval_at ?? null) : null,
        reason: r.approval === 'sent_back' ? (r.approval_reason ?? null) : null,
        excluded: [...new Set([...preparersOf(prep(r)), ...carriedDeciders(r, deciders.get(r.case_id) ?? [])])],
      });
    }
    return out;
  }

  async approve(actor: Actor, letterId: string): Promise<void> {
    await this.act(actor, letterId, 'approved', null);
  }

  async sendBack(actor: Actor, letterId: string, reason: string): Promise<void> {
    await this.act(actor, letterId, 'sent_back', reason);
  }

  /**
   * Refuses to issue a letter the setting holds back: awaiting or sent back (LETTER_AWAITING_APPROVAL,
   * audited as a refusal). Called before rendering and again inside the issuing transaction.
   */
  async assertMayIssue(db: Db, actor: Actor, row: LettersTable & { case_no: string }): Promise<void> {
    const state = approvalState(await this.required(db), row.approval);
    if (approvalAllowsIssue(state)) return;
    const denied = new KaijiError('LETTER_AWAITING_APPROVAL', { state });
    await auditIfDenied(this.db, this.audit, actor, denied, { caseId: row.case_id, caseNo: row.case_no });
    throw denied;
  }

  /** A change to the letter: its editor becomes a preparer and any approval or send-back is gone. */
  async onEdited(trx: Transaction<Database>, actor: Actor, row: LettersTable): Promise<{ approvalCleared: boolean }> {
    const preparers = preparersOf({ ...prep(row), preparedBy: [...prep(row).preparedBy, ...(actor.id ? [actor.id] : [])] });
    await trx
      .updateTable('letters')
      .set({ prepared_by: JSON.stringify(preparers), approval: null, approval_by: null, approval_by_name: null, approval_at: null, approval_reason: null })
      .where('id', '=', row.id)
      .where('status', '=', 'draft')
      .execute();
    return { approvalCleared: !!row.approval };
  }

  /** A decision recorded again changes what the case's drafts carry: their approvals are gone. */
  readonly onDecision: DecisionHook = async (trx, _actor, caseId) => {
    await trx
      .updateTable('letters')
      .set({ approval: null, approval_by: null, approval_by_name: null, approval_at: null, approval_reason: null })
      .where('case_id', '=', caseId)
      .where('status', '=', 'draft')
      .where('approval', 'is not', null)
      .execute();
  };

  private async act(actor: Actor, letterId: string, act: 'approved' | 'sent_back', reason: string | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('letters')
        .innerJoin('cases', 'cases.id', 'letters.case_id')
        .selectAll('letters')
        .select('cases.case_no as case_no')
        .where('letters.id', '=', letterId)
        .where('letters.trashed_at', 'is', null)
        .executeTakeFirst();
      if (!row) throw new KaijiError('NOT_FOUND');
      const deciders = (await this.decidersByCase(trx, [row.case_id])).get(row.case_id) ?? [];
      const refusal = approvalRefusal(actor, { status: row.status === 'issued' ? 'issued' : 'draft', preparers: preparersOf(prep(row)), deciders: carriedDeciders(row, deciders) });
      if (refusal) throw refusalError(refusal);
      await trx
        .updateTable('letters')
        .set({ approval: act, approval_by: actor.id, approval_by_name: actor.name, approval_at: this.now().toISOString(), approval_reason: reason, needs_approval: 0 })
        .where('id', '=', letterId)
        .where('status', '=', 'draft')
        .execute();
      await this.audit.append(trx, actor, {
        action: act === 'approved' ? 'letter.approved' : 'letter.sent_back',
        recordType: 'case',
        recordId: row.case_id,
        // The reason may name people: the trail says that one was given, not what it says.
        summary: { caseNo: row.case_no, letterId, template: row.template, ...(act === 'sent_back' ? { reasonGiven: true } : {}) },
      });
    }).catch(async (e: unknown) => {
      // A refusal rolled back with the transaction: record it on its own (S3).
      if (e instanceof KaijiError && (e.code === 'ROLE_FORBIDS' || e.code === 'APPROVAL_SELF')) {
        const c = await this.db.selectFrom('letters').innerJoin('cases', 'cases.id', 'letters.case_id').select(['letters.case_id', 'cases.case_no']).where('letters.id', '=', letterId).executeTakeFirst();
        if (c) await auditIfDenied(this.db, this.audit, actor, e, { caseId: c.case_id, caseNo: c.case_no });
      }
      throw e;
    });
  }

  private async decidersByCase(db: Db, caseIds: readonly string[]): Promise<Map<string, (KindDecision & { decidedBy: string | null })[]>> {
    const out = new Map<string, (KindDecision & { decidedBy: string | null })[]>();
    if (caseIds.length === 0) return out;
    const rows = await db.selectFrom('case_decisions').select(['case_id', 'kind', 'outcome', 'grounds', 'reason_text', 'decided_by']).where('case_id', 'in', caseIds).execute();
    for (const r of rows) {
      const list = out.get(r.case_id) ?? [];
      list.push({ kind: r.kind as KindDecision['kind'], outcome: r.outcome as KindDecision['outcome'], grounds: JSON.parse(r.grounds) as KindDecision['grounds'], reasonText: r.reason_text, decidedBy: r.decided_by });
      out.set(r.case_id, list);
    }
    return out;
  }
}

function prep(r: LettersTable): { createdBy: string | null; updatedBy: string | null; preparedBy: string[] } {
  return { createdBy: r.created_by, updatedBy: r.updated_by, preparedBy: JSON.parse(r.prepared_by ?? '[]') as string[] };
}

/** Who decided the kinds this letter answers (a combined reply carries every decision). */
function carriedDeciders(r: LettersTable, decisions: readonly (KindDecision & { decidedBy: string | null })[]): string[] {
  const kinds = kindsAnsweredBy(r.template as LetterTemplateId, decisions);
  return decisions.filter((d) => kinds.includes(d.kind) && d.decidedBy).map((d) => d.decidedBy!);
}

function refusalError(refusal: ApprovalRefusal): KaijiError {
  switch (refusal) {
    case 'role':
      return new KaijiError('ROLE_FORBIDS', forbiddenDetails('approve_letter'));
    case 'issued':
      return new KaijiError('LETTER_ISSUED');
    case 'self':
      return new KaijiError('APPROVAL_SELF', { action: 'approve_letter' });
  }
}
