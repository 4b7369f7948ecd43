import type { Kysely, Transaction } from 'kysely';
import { isCaseState, type CaseState } from '@shared/domain/case-state';
import type { KindDecision, DecisionGround, DecisionOutcome } from '@shared/domain/decisions';
import type { LetterTemplateId } from '@shared/domain/letters/types';
import { WITHDRAWAL_WAYS, type CaseSnapshot, type LetterSnapshot, type WithdrawalAckPolicy, type WithdrawalWay } from '@shared/domain/obligations';
import { REQUEST_KINDS, type RequestKind } from '@shared/domain/page-kind';
import { KaijiError } from '@shared/errors';
import { approvalState } from '@shared/domain/approval';
import { RETURNABLE_ORDER_STATES } from '../letters/letter-data';
import type { Database } from '../vault/schema';

type Db = Kysely<Database> | Transaction<Database>;


/** The kind fields of the application form: request.k1 .. request.k6. */
const KIND_FIELDS = REQUEST_KINDS.map((k) => `request.k${k.slice(1)}`);

/**
 * Reads what the obligations rule needs for some cases, a handful of queries for all of them.
 * `as` lets the close guard ask "what would this case owe if it closed now" (state closed,
 * closed from its current state) inside the closing transaction.
 */
export async function caseSnapshots(db: Db, caseIds: readonly string[], as?: { state: CaseState; closedFrom?: CaseState }): Promise<Map<string, CaseSnapshot>> {
  const out = new Map<string, CaseSnapshot>();
  if (caseIds.length === 0) return out;
  const ids = [...new Set(caseIds)];
  const [cases, fields, decisions, letters, orders, changes, waivers, ackSetting] = await Promise.all([
    db.selectFrom('cases').select(['id', 'status']).where('id', 'in', ids).execute(),
    db.selectFrom('case_fields').select(['case_id', 'field', 'value', 'confidence', 'needs_review']).where('case_id', 'in', ids).where('field', 'in', KIND_FIELDS).execute(),
    db.selectFrom('case_decisions').selectAll().where('case_id', 'in', ids).execute(),
    // Trashed drafts (#13 item 3) are not the case's letters any more.
    db.selectFrom('letters').select(['id', 'case_id', 'template', 'status', 'approval']).where('case_id', 'in', ids).where('trashed_at', 'is', null).execute(),
    db.selectFrom('money_orders').select(['case_id']).where('case_id', 'in', ids).where('state', 'in', [...RETURNABLE_ORDER_STATES]).execute(),
    db
      .selectFrom('case_status_changes')
      .select(['case_id', 'from_state', 'to_state', 'ground', 'changed_at'])
      .where('case_id', 'in', ids)
      .where('to_state', 'in', ['closed', 'withdrawn'])
      .orderBy('changed_at')
      .execute(),
    db.selectFrom('case_waivers').select(['case_id', 'obligation']).where('case_id', 'in', ids).execute(),
    db.selectFrom('settings').select('value').where('key', '=', 'withdrawalAcknowledgement').executeTakeFirst(),
  ]);
  const approvalSetting = await db.selectFrom('settings').select('value').where('key', '=', 'approvalRequired').executeTakeFirst();
  const approvalRequired = approvalSetting ? JSON.parse(approvalSetting.value) === true : false;
  const letterIds = letters.map((l) => l.id);
  const mail = letterIds.length
    ? await db.selectFrom('mail_items').select(['letter_id', 'delivered_on', 'proof_received_on', 'returned_on']).where('letter_id', 'in', letterIds).execute()
    : [];
  const ackPolicy = (ackSetting ? JSON.parse(ackSetting.value) : 'always') as WithdrawalAckPolicy;
  for (const c of cases) {
    const state = isCaseState(c.status) ? c.status : 'received';
    const closedFrom = state === 'closed' ? (changes.filter((x) => x.case_id === c.id && x.to_state === 'closed').at(-1)?.from_state as CaseState | undefined) : undefined;
    const withdrawalChange = changes.filter((x) => x.case_id === c.id && x.to_state === 'withdrawn').at(-1);
    const via = (WITHDRAWAL_WAYS as readonly string[]).includes(withdrawalChange?.ground ?? '') ? (withdrawalChange!.ground as WithdrawalWay) : 'other';
    const requested = REQUEST_KINDS.flatMap((k) => {
      const f = fields.find((x) => x.case_id === c.id && x.field === `request.k${k.slice(1)}`);
      if (f?.value !== 'true') return [];
      // Staff typed or confirmed it: no OCR confidence left and nothing to review (item 6).
      return [{ kind: k as RequestKind, confirmed: f.confidence === null && f.needs_review === 0 }];
    });
    const snapshot: CaseSnapshot = {
      state: as?.state ?? state,
      ...((as ? as.closedFrom : closedFrom) ? { closedFrom: as ? as.closedFrom : closedFrom } : {}),
      requested,
      decisions: decisions
        .filter((d) => d.case_id === c.id)
        .map(
          (d): KindDecision => ({
            kind: d.kind as RequestKind,
            outcome: d.outcome as DecisionOutcome,
            grounds: JSON.parse(d.grounds) as DecisionGround[],
            reasonText: d.reason_text,
          }),
        ),
      letters: letters
        .filter((l) => l.case_id === c.id)
        .map((l): LetterSnapshot => {
          const items = mail.filter((m) => m.letter_id === l.id);
          const delivered = items.some((m) => !!(m.delivered_on || m.proof_received_on));
          return {
            id: l.id,
            template: l.template as LetterTemplateId,
            status: l.status === 'issued' ? 'issued' : 'draft',
            mailed: items.length > 0,
            delivered,
            inTransit: items.some((m) => !m.delivered_on && !m.proof_received_on && !m.returned_on),
            returned: items.length > 0 && items.every((m) => !!m.returned_on),
            ...(approvalRequired && l.status !== 'issued' ? { approval: approvalState(true, l.approval) as 'awaiting' | 'approved' | 'sent_back' } : {}),
          };
        }),
      openMoneyOrders: orders.filter((o) => o.case_id === c.id).length,
      ...(withdrawalChange || state === 'withdrawn' || (as?.closedFrom ?? closedFrom) === 'withdrawn' ? { withdrawal: { via, ackPolicy } } : {}),
      waived: waivers.filter((w) => w.case_id === c.id).map((w) => w.obligation),
    };
    out.set(c.id, snapshot);
  }
  return out;
}

export async function caseSnapshot(db: Db, caseId: string, as?: { state: CaseState; closedFrom?: CaseState }): Promise<CaseSnapshot> {
  const s = (await caseSnapshots(db, [caseId], as)).get(caseId);
  if (!s) throw new KaijiError('NOT_FOUND');
  return s;
}
