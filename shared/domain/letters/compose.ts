/**
 * composeLetter: the editable draft of one letter from a case's data (R1, R5), Japanese or
 * English. suggestTemplates: which letters a case needs.
 */
import type { KindDecision } from '../decisions';
import type { TemplateText } from './template-text';
import { correctionResultText, partialOrRefusalText, suspensionResultText, thirdPartyStopResultText } from './templates-decisions';
import { disclosureText, noDataText, provisionRecordsText, purposeOfUseText } from './templates-disclosure';
import { deficiencyText, moneyOrderReturnText } from './templates-notices';
import { combinedReplyText, refusalNoticeText, withdrawalAckText } from './templates-lifecycle';
import { LETTER_TEMPLATES, type LetterData, type LetterDraft, type LetterLang, type LetterTemplateId } from './types';
import { frame } from './wording';

const TEXTS: Record<LetterTemplateId, (d: LetterData, lang: LetterLang) => TemplateText> = {
  deficiency: deficiencyText,
  refusal_notice: refusalNoticeText,
  withdrawal_ack: withdrawalAckText,
  combined_reply: combinedReplyText,
  disclosure: disclosureText,
  partial_or_refusal: partialOrRefusalText,
  no_data: noDataText,
  purpose_of_use: purposeOfUseText,
  correction_result: correctionResultText,
  suspension_result: suspensionResultText,
  third_party_stop_result: thirdPartyStopResultText,
  provision_records: provisionRecordsText,
  money_order_return: moneyOrderReturnText,
};

/**
 * Throws KaijiError('LETTER_DATA_MISSING') when the data lacks what the template needs
 * (no deficiency list, no decision for the kind, no enclosures for a disclosure, ...).
 */
export function composeLetter(templateId: LetterTemplateId, data: LetterData, lang: LetterLang): LetterDraft {
  const text = TEXTS[templateId](data, lang);
  const f = frame(data, lang);
  return {
    templateId,
    lang,
    title: text.title,
    salutation: f.salutation,
    body: text.body,
    complimentaryClose: f.complimentaryClose,
    itemsMarker: f.itemsMarker,
    sections: text.sections,
    notes: [...text.notes, f.inquiries],
    closing: f.closing,
  };
}

/** The letter that answers one decision (partial / not_done of any kind share one letter). */
export function templateForDecision(d: KindDecision): LetterTemplateId {
  if (d.outcome === 'partial' || d.outcome === 'not_done') return 'partial_or_refusal';
  if (d.outcome === 'no_data') return 'no_data';
  switch (d.kind) {
    case 'K1':
      return 'disclosure';
    case 'K2':
      return 'purpose_of_use';
    case 'K3':
      return 'correction_result';
    case 'K4':
      return 'suspension_result';
    case 'K5':
      return 'third_party_stop_result';
    case 'K6':
      return 'provision_records';
  }
}

/**
 * The letters a case needs, in LETTER_TEMPLATES order. A deficient application gets only
 * the deficiency notice (nothing was decided), plus the money-order return when any
 * money orders go back (`moneyOrdersToReturn` = how many).
 */
export function suggestTemplates(decisions: readonly KindDecision[], hasDeficiency: boolean, moneyOrdersToReturn: number): LetterTemplateId[] {
  const wanted = new Set<LetterTemplateId>();
  if (hasDeficiency) wanted.add('deficiency');
  else for (const d of decisions) wanted.add(templateForDecision(d));
  if (moneyOrdersToReturn > 0) wanted.add('money_order_return');
  return LETTER_TEMPLATES.filter((t) => wanted.has(t));
}

/** Plain text of a draft (previews, search, tests): the same order the PDF prints. */
export function draftText(draft: LetterDraft): string {
  return [
    draft.title,
    draft.salutation,
    ...draft.body,
    draft.lang === 'ja' ? draft.complimentaryClose : '',
    draft.itemsMarker,
    ...draft.sections.flatMap((s) => [s.heading, ...s.items]),
    ...draft.notes,
    draft.lang === 'ja' ? '' : draft.complimentaryClose,
    draft.closing,
  ]
    .filter((l) => l !== '')
    .join('\n');
}
