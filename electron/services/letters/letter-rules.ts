import type { LetterSuggestion } from '@shared/contract/letters-types';
import type { Obligation } from '@shared/domain/obligations';
import { kindsAnsweredBy } from '@shared/domain/obligations';
import type { KindDecision } from '@shared/domain/decisions';
import { templateForDecision } from '@shared/domain/letters';
import { LETTER_TEMPLATES, type LetterTemplateId } from '@shared/domain/letters/types';

/** Letters that answer a decision (R1): issuing one moves the case to `responding`. */
export function isFinalResponse(template: LetterTemplateId): boolean {
  return template !== 'deficiency' && template !== 'money_order_return' && template !== 'refusal_notice' && template !== 'withdrawal_ack';
}

/** Letters whose text carries a decision: a clerk's change needs the administrator again (#10 item 5). */
export function carriesDecision(template: LetterTemplateId): boolean {
  return isFinalResponse(template) || template === 'refusal_notice';
}

/** Letters that send the case's open money orders back with them (F4). */
export function returnsMoneyOrders(template: LetterTemplateId): boolean {
  return template === 'money_order_return' || template === 'refusal_notice' || template === 'withdrawal_ack';
}

const NOTICE_TEMPLATE = { deficiency: 'deficiency', refusal: 'refusal_notice', withdrawal: 'withdrawal_ack' } as const;

/**
 * Which letters to draft now, read off what the case still owes (shared/domain/obligations.ts):
 * a notice owed gets its template; kinds with no answer drafted get their per-kind letters and,
 * when several are owed, the combined reply that answers them all (item 4); money orders to
 * send back get the return letter unless a notice owed already carries them.
 */
export function suggestionsFor(c: { owed: readonly Obligation[]; decisions: readonly KindDecision[] }): LetterSuggestion[] {
  const wanted = new Map<LetterTemplateId, LetterSuggestion['reason']>();
  const compose = c.owed.filter((o) => o.code === 'compose' || o.code === 'resend');
  for (const o of compose) {
    if (o.notice) wanted.set(NOTICE_TEMPLATE[o.notice], o.label);
  }
  const kinds = compose.filter((o) => o.kind).map((o) => o.kind!);
  for (const k of kinds) {
    const d = c.decisions.find((x) => x.kind === k);
    if (d) wanted.set(templateForDecision(d), { ja: `${k} の回答です（R1）：${c.owed.find((o) => o.kind === k)!.label.ja}`, en: `Answers ${k} (R1): ${c.owed.find((o) => o.kind === k)!.label.en}` });
  }
  if (kinds.length > 1 && kinds.every((k) => kindsAnsweredBy('combined_reply', c.decisions).includes(k))) {
    wanted.set('combined_reply', { ja: `${kinds.join('・')} を1通で回答します（R1）。`, en: `Answers ${kinds.join(', ')} in one letter (R1).` });
  }
  const money = c.owed.find((o) => o.code === 'return_money_orders');
  const noticeCarriesMoney = [...wanted.keys()].some((t) => t === 'refusal_notice' || t === 'withdrawal_ack');
  if (money && !noticeCarriesMoney) wanted.set('money_order_return', { ja: `受け取った定額小為替を返還します（F4）：${money.label.ja}`, en: `Returns the money orders received (F4): ${money.label.en}` });
  return LETTER_TEMPLATES.filter((t) => wanted.has(t)).map((template) => ({ template, reason: wanted.get(template)! }));
}
