import { isoDateInJapan } from '@shared/domain/dates';
import type { KindDecision } from '@shared/domain/decisions';
import type { LetterTemplateId } from '@shared/domain/letters/types';
import { feeDue } from '@shared/domain/verification/fees';
import { withDomesticCheckDigit } from '@shared/domain/tracking-number';
import type { Actor } from '../audit/audit-log';
import type { Workspace } from '../core/workspace';

/**
 * Demo cases end the way real ones must (issue #10 item 10, R1): through decisions, letters that
 * are issued, mailed and delivered, and money orders cashed or returned, so that the close guard
 * lets them close and no closed case owes anything.
 */

const DECISIONS: Record<KindDecision['kind'], KindDecision> = {
  K1: { kind: 'K1', outcome: 'done', grounds: [], reasonText: '', enclosures: ['会員登録情報（氏名・住所・電話番号）の写し 1通'] },
  K2: { kind: 'K2', outcome: 'done', grounds: [], reasonText: 'ご注文商品の発送及び代金の請求のため\n商品・サービスに関するお問い合わせへの対応のため' },
  K3: { kind: 'K3', outcome: 'done', grounds: [], reasonText: '登録住所を現住所に訂正いたしました。' },
  K4: { kind: 'K4', outcome: 'done', grounds: [], reasonText: 'ダイレクトメールへの利用を停止いたしました。' },
  K5: { kind: 'K5', outcome: 'done', grounds: [], reasonText: '提携先への提供を停止いたしました。' },
  K6: { kind: 'K6', outcome: 'no_data', grounds: [], reasonText: '' },
};

let tracking = 50_000_000_000;

/** Mails an issued letter by general registered mail with proof; `deliveredOn` records its proof. */
export async function mailDemoLetter(ws: Workspace, actor: Actor, caseId: string, letterId: string, sentOn: string, deliveredOn?: string): Promise<void> {
  tracking += 3_001;
  const item = await ws.mail.logOutbound(actor, { caseId, letterId, method: 'ippan_kakitome', trackingNumber: withDomesticCheckDigit(String(tracking)), proofRequested: true, sentOn, closesCase: true });
  if (deliveredOn) await ws.mail.recordDelivery(actor, item.id, { deliveredOn, proofReceivedOn: deliveredOn });
}

export async function issueDemoLetter(ws: Workspace, actor: Actor, caseId: string, template: LetterTemplateId): Promise<string> {
  const draft = await ws.letters.create(actor, { caseId, template, lang: 'ja', to: 'subject' });
  return (await ws.letters.issue(actor, draft.id)).id;
}

/** Cash (fee kept) or return (F4) every order still held by the case. */
async function settleOrders(ws: Workspace, actor: Actor, caseId: string, keep: boolean, on: string): Promise<void> {
  const open = await ws.db.selectFrom('money_orders').select(['id', 'received_on']).where('case_id', '=', caseId).where('state', 'in', ['received', 'lapsed']).execute();
  for (const o of open) {
    const date = o.received_on > on ? o.received_on : on;
    if (keep) await ws.moneyOrders.cash(actor, o.id, { cashedOn: date, depositRef: `ゆうちょ入金 ${date.replace(/-/g, '')}` });
    else await ws.moneyOrders.markReturned(actor, o.id, { returnedOn: date });
  }
}

/**
 * A case answered in full: every ticked kind confirmed and decided, one combined reply (item 4)
 * issued, mailed and delivered; its fee cashed. The delivery closes it (nothing owed).
 */
export async function answerAndCloseDemoCase(ws: Workspace, actor: Actor, caseId: string, today: Date): Promise<void> {
  const day = isoDateInJapan(today);
  const c = await ws.db.selectFrom('cases').select(['status']).where('id', '=', caseId).executeTakeFirstOrThrow();
  let kinds = await ws.decisions.requestedKinds(caseId);
  if (kinds.length === 0) {
    await ws.caseFiles.setFields(actor, caseId, [{ field: 'request.k1', value: 'true' }]);
    kinds = ['K1'];
  }
  // Kinds read from a scan are confirmed by a person first (item 6).
  await ws.lifecycle.confirmKinds(actor, caseId);
  const path = { received: ['checking', 'accepted'], checking: ['accepted'] } as Record<string, ('checking' | 'accepted')[]>;
  for (const to of path[c.status] ?? []) await ws.cases.setStatus(actor, caseId, to);
  for (const k of kinds) await ws.decisions.record(actor, caseId, DECISIONS[k]);
  await settleOrders(ws, actor, caseId, feeDue(kinds) > 0, day);
  const letterId = await issueDemoLetter(ws, actor, caseId, 'combined_reply');
  await mailDemoLetter(ws, actor, caseId, letterId, day, day);
}

/** A refused or withdrawn case: its notice (carrying the money orders back) issued and mailed, delivered if asked. */
export async function noticeDemoCase(ws: Workspace, actor: Actor, caseId: string, template: 'refusal_notice' | 'withdrawal_ack', today: Date, delivered: boolean): Promise<void> {
  const day = isoDateInJapan(today);
  await ws.lifecycle.confirmKinds(actor, caseId);
  const letterId = await issueDemoLetter(ws, actor, caseId, template);
  await mailDemoLetter(ws, actor, caseId, letterId, day, delivered ? day : undefined);
}
