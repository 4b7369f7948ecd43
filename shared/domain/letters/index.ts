export { composeLetter, draftText, suggestTemplates, templateForDecision } from './compose';
export { LETTER_QR_PREFIX, LETTER_QR_VERSION, letterQrPayload, parseLetterQr } from './qr';
export { outcomeSentence } from './templates-decisions';
export {
  LETTER_TEMPLATES,
  MONEY_ORDER_RETURN_REASONS,
  REFUSAL_GROUNDS,
  type RefusalGround,
  type LetterCompany,
  type LetterData,
  type LetterDraft,
  type LetterLang,
  type LetterRecipient,
  type LetterSection,
  type LetterTemplateId,
  type MoneyOrderReturnReason,
  type MoneyOrderToReturn,
  type ProvisionRecordLine,
} from './types';
export { LETTER_TEMPLATE_LABELS } from './labels';
export { formatLetterDate, formatPostalCode, formatYen, KIND_FORMAL_NAMES } from './wording';
export { composeGuidanceLetter, CONTACT_CHANNELS, CONTACT_CHANNEL_WORDS, guidanceFee, type ContactChannel, type GuidanceLetterData } from './templates-guidance';
