import type { CaseDecision, LetterSuggestion } from '@shared/contract/letters-types';
import { suggestTemplates } from '@shared/domain/letters';
import type { LetterTemplateId } from '@shared/domain/letters/types';
import type { RequestKind } from '@shared/domain/page-kind';
import { feeDue } from '@shared/domain/verification/fees';

/** Letters that answer a decision (R1): issuing one moves the case to `responding`. */
export function isFinalResponse(template: LetterTemplateId): boolean {
  return template !== 'deficiency' && template !== 'money_order_return';
}

const REASONS: Record<'deficiency' | 'decision' | 'money', { ja: string; en: string }> = {
  deficiency: { ja: '不備のため再提出を求める通知です（R5）。', en: 'Asks for the whole set again because of deficiencies (R5).' },
  decision: { ja: '記録された決定に対する回答です（R1）。', en: 'Answers the recorded decisions (R1).' },
  money: { ja: '受け取った定額小為替を返還します（F4）。', en: 'Returns the money orders received (F4).' },
};

/**
 * Which letters fit the case now (suggestTemplates of shared/domain/letters): a deficient case
 * gets its notice; a decided case its answers once every requested kind is decided; money orders
 * go back when the fee is not kept (deficient, refused, withdrawn, or only free kinds asked).
 */
export function suggestionsFor(c: {
  status: string;
  requested: readonly RequestKind[];
  decisions: readonly CaseDecision[];
  returnableOrders: number;
  hasDeficiencyList: boolean;
}): LetterSuggestion[] {
  const deficient = c.status === 'deficient' && c.hasDeficiencyList;
  const allDecided = c.requested.length > 0 && c.requested.every((k) => c.decisions.some((d) => d.kind === k));
  const answering = (c.status === 'deciding' || c.status === 'responding') && allDecided;
  const feeNotKept = ['deficient', 'refused', 'withdrawn'].includes(c.status) || (c.requested.length > 0 && feeDue(c.requested) === 0);
  const templates = suggestTemplates(answering ? c.decisions : [], deficient, feeNotKept ? c.returnableOrders : 0);
  return templates
    .filter((t) => t === 'money_order_return' || deficient || answering)
    .map((template) => ({ template, reason: REASONS[template === 'deficiency' ? 'deficiency' : template === 'money_order_return' ? 'money' : 'decision'] }));
}
