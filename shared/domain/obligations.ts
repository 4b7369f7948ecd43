import type { Bilingual } from '../result';
import type { CaseState } from './case-state';
import type { KindDecision } from './decisions';
import { templateForDecision } from './letters/compose';
import type { LetterTemplateId } from './letters/types';
import { KIND_FORMAL_NAMES } from './letters/wording';
import { REQUEST_KINDS, type RequestKind } from './page-kind';
import { FEE_KINDS } from './verification/fees';

/**
 * What a case still owes (R1, F4, R5; issue #10 item 1): ONE pure rule used by the close
 * guard (CaseService), the case header, Today's "answers owed", the letters panel and the tests.
 *
 * A case ends on one of four routes, each with the written notices it owes:
 * - answer: every requested kind is decided and answered by a letter (per-kind letters or one
 *   combined reply) that was issued, mailed and delivered (a returned letter must go again);
 * - deficiency (R5): the deficiency notice, issued, mailed and delivered;
 * - refusal (R3, seed Art. 10): the refusal notice with its ground (Art. 36);
 * - withdrawal: the acknowledgement, where the company's setting asks for one.
 * On every route each money order is accounted for (F4): cashed or returned.
 */

export const OBLIGATION_CODES = [
  'record_kinds',
  'confirm_kind',
  'decide',
  'compose',
  'approve',
  'revise',
  'issue',
  'mail',
  'deliver',
  'resend',
  'settle_money_orders',
  'return_money_orders',
] as const;
export type ObligationCode = (typeof OBLIGATION_CODES)[number];

/** Letters that are not an answer to a kind but a notice a route owes. */
export const NOTICE_KINDS = ['deficiency', 'refusal', 'withdrawal'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type CaseRoute = 'answer' | NoticeKind;

export const WITHDRAWAL_WAYS = ['letter', 'phone', 'other'] as const;
export type WithdrawalWay = (typeof WITHDRAWAL_WAYS)[number];

/** Company setting: when a withdrawal gets a written acknowledgement. */
export const WITHDRAWAL_ACK_POLICIES = ['always', 'unless_letter', 'never'] as const;
export type WithdrawalAckPolicy = (typeof WITHDRAWAL_ACK_POLICIES)[number];

export interface LetterSnapshot {
  id: string;
  template: LetterTemplateId;
  status: 'draft' | 'issued';
  /** Outbound items logged for this letter. */
  mailed: boolean;
  /** Any of its items delivered (delivery date or proof of delivery). */
  delivered: boolean;
  /** Items still on their way (neither delivered nor returned). */
  inTransit: boolean;
  /** Every item came back undelivered. */
  returned: boolean;
  /** #13 item 2b: the draft's approval (決裁) when the setting asks for one; absent = not required. */
  approval?: 'awaiting' | 'approved' | 'sent_back';
}

export interface CaseSnapshot {
  state: CaseState;
  /** For a closed case: the state it was closed from (decides the route). */
  closedFrom?: CaseState;
  /** Kinds ticked on the application; `confirmed` once a person confirmed what OCR read (item 6). */
  requested: readonly { kind: RequestKind; confirmed: boolean }[];
  decisions: readonly KindDecision[];
  letters: readonly LetterSnapshot[];
  /** Money orders neither cashed nor returned (received or lapsed, F4). */
  openMoneyOrders: number;
  withdrawal?: { via: WithdrawalWay; ackPolicy: WithdrawalAckPolicy };
  /** Keys (obligationKey) an administrator waived with a written reason. */
  waived: readonly string[];
}

export interface Obligation {
  code: ObligationCode;
  kind?: RequestKind;
  notice?: NoticeKind;
  label: Bilingual;
}

export const obligationKey = (o: Pick<Obligation, 'code' | 'kind' | 'notice'>): string => `${o.code}:${o.kind ?? o.notice ?? ''}`;

/** The route a case is on now (or was on when it closed). */
export function routeOf(state: CaseState, closedFrom?: CaseState): CaseRoute | null {
  const s = state === 'closed' ? closedFrom : state;
  switch (s) {
    case 'deficient':
      return 'deficiency';
    case 'refused':
      return 'refusal';
    case 'withdrawn':
      return 'withdrawal';
    case 'accepted':
    case 'deciding':
    case 'responding':
      return 'answer';
    default:
      // Received or checking: nothing is owed yet, the application is still being read.
      return null;
  }
}

/** The kinds a letter answers, given the decisions: one template may answer several kinds. */
export function kindsAnsweredBy(template: LetterTemplateId, decisions: readonly KindDecision[]): RequestKind[] {
  if (template === 'combined_reply') return decisions.map((d) => d.kind);
  return decisions.filter((d) => templateForDecision(d) === template).map((d) => d.kind);
}

const NOTICE_TEMPLATE: Record<NoticeKind, LetterTemplateId> = {
  deficiency: 'deficiency',
  refusal: 'refusal_notice',
  withdrawal: 'withdrawal_ack',
};

export function withdrawalAckOwed(via: WithdrawalWay, policy: WithdrawalAckPolicy): boolean {
  return policy === 'always' || (policy === 'unless_letter' && via !== 'letter');
}

/** Every obligation still open, in a stable order (kinds K1..K6, then notices, then money). */
export function caseObligations(c: CaseSnapshot): Obligation[] {
  const route = routeOf(c.state, c.closedFrom);
  const out: Obligation[] = [];
  if (route === 'answer') {
    if (c.requested.length === 0) out.push(make('record_kinds'));
    for (const k of REQUEST_KINDS) {
      const req = c.requested.find((r) => r.kind === k);
      if (!req) continue;
      if (!req.confirmed) {
        out.push(make('confirm_kind', { kind: k }));
        continue;
      }
      const decision = c.decisions.find((d) => d.kind === k);
      if (!decision) {
        out.push(make('decide', { kind: k }));
        continue;
      }
      const covering = c.letters.filter((l) => l.template !== 'deficiency' && kindsAnsweredBy(l.template, c.decisions).includes(k));
      const step = letterStep(covering);
      if (step) out.push(make(step, { kind: k }));
    }
  } else if (route) {
    const notice = route;
    const owed = notice !== 'withdrawal' || !c.withdrawal || withdrawalAckOwed(c.withdrawal.via, c.withdrawal.ackPolicy);
    if (owed) {
      const step = letterStep(c.letters.filter((l) => l.template === NOTICE_TEMPLATE[notice]));
      if (step) out.push(make(step, { notice }));
    }
  }
  if (route && c.openMoneyOrders > 0) {
    // F4: the fee of an answered K1/K2/K6 application is kept (cashed); otherwise it goes back.
    const feeKept = route === 'answer' && c.requested.some((r) => FEE_KINDS.includes(r.kind));
    out.push(make(feeKept ? 'settle_money_orders' : 'return_money_orders', { count: c.openMoneyOrders }));
  }
  const waived = new Set(c.waived);
  return out.filter((o) => !waived.has(obligationKey(o)));
}

/** Nothing owed: the only condition under which a case may close without a waiver. */
export const owesNothing = (c: CaseSnapshot): boolean => caseObligations(c).length === 0;

/** The next step of the best letter among those that answer one thing. */
function letterStep(letters: readonly LetterSnapshot[]): ObligationCode | null {
  if (letters.some((l) => l.delivered)) return null;
  if (letters.some((l) => l.inTransit)) return 'deliver';
  const issued = letters.filter((l) => l.status === 'issued');
  if (issued.some((l) => !l.mailed)) return 'mail';
  if (issued.some((l) => l.returned)) return 'resend';
  const drafts = letters.filter((l) => l.status === 'draft');
  // #13 item 2b: with approval on, a draft is issued only once a second administrator approved it.
  if (drafts.some((l) => !l.approval || l.approval === 'approved')) return 'issue';
  if (drafts.some((l) => l.approval === 'awaiting')) return 'approve';
  if (drafts.length > 0) return 'revise';
  return 'compose';
}

const NOTICE_NAMES: Record<NoticeKind, Bilingual> = {
  deficiency: { ja: '不備通知', en: 'deficiency notice' },
  refusal: { ja: '拒否の通知', en: 'refusal notice' },
  withdrawal: { ja: '取下げの受領通知', en: 'withdrawal acknowledgement' },
};

function make(code: ObligationCode, o: { kind?: RequestKind; notice?: NoticeKind; count?: number } = {}): Obligation {
  const what: Bilingual = o.kind
    ? { ja: `${o.kind}（${KIND_FORMAL_NAMES[o.kind].ja}）の回答`, en: `the ${o.kind} answer` }
    : o.notice
      ? NOTICE_NAMES[o.notice]
      : { ja: '', en: '' };
  const label = labelOf(code, what, o);
  return { code, ...(o.kind ? { kind: o.kind } : {}), ...(o.notice ? { notice: o.notice } : {}), label };
}

function labelOf(code: ObligationCode, what: Bilingual, o: { kind?: RequestKind; count?: number }): Bilingual {
  switch (code) {
    case 'record_kinds':
      return { ja: '請求種別が記録されていません', en: 'No requested kind is recorded' };
    case 'confirm_kind':
      return { ja: `${o.kind} は OCR の読み取りのみで未確認です`, en: `${o.kind} was read by OCR and is not confirmed` };
    case 'decide':
      return { ja: `${o.kind} の決定がありません`, en: `${o.kind} is not decided` };
    case 'compose':
      return { ja: `${what.ja}が未作成です`, en: `${cap(what.en)} is not drafted` };
    case 'approve':
      return { ja: `${what.ja}が決裁待ちです（作成者以外の管理者の承認）`, en: `${cap(what.en)} awaits approval by another administrator` };
    case 'revise':
      return { ja: `${what.ja}が差し戻されました（修正して再度決裁へ）`, en: `${cap(what.en)} was sent back (revise it for approval again)` };
    case 'issue':
      return { ja: `${what.ja}が未発行です`, en: `${cap(what.en)} is not issued` };
    case 'mail':
      return { ja: `${what.ja}が未発送です`, en: `${cap(what.en)} is not mailed` };
    case 'deliver':
      return { ja: `${what.ja}の配達確認待ちです`, en: `${cap(what.en)} awaits proof of delivery` };
    case 'resend':
      return {
        ja: `${what.ja}が返送されました（再送するか、管理者が理由を付して完了）`,
        en: `${cap(what.en)} came back undelivered (send again, or an administrator closes with a reason)`,
      };
    case 'settle_money_orders':
      return { ja: `定額小為替 ${o.count} 枚の換金又は返還が未了です`, en: `${o.count} money order(s) still to cash or return` };
    case 'return_money_orders':
      return { ja: `定額小為替 ${o.count} 枚の返還が未了です`, en: `${o.count} money order(s) still to return` };
  }
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
