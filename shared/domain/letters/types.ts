import type { KindDecision } from '../decisions';
import type { RequestKind } from '../page-kind';
import type { ProvisionBasis } from '../provisions';
import type { DeficiencyNotice } from '../verification/resubmission';

/**
 * The written responses Kaiji prints (R1-R5). Order = the order letters are suggested and
 * listed in. Each template has a Japanese and an English text.
 */
export const LETTER_TEMPLATES = [
  'deficiency', // R5: what is missing, send the whole set again (I4)
  'refusal_notice', // R3 / seed Art. 10: the request is refused, with its ground (Art. 36) and the money-order return
  'withdrawal_ack', // the withdrawal is acknowledged (how it came), money orders returned
  'combined_reply', // one reply answering every decided kind (common practice in Japan)
  'disclosure', // K1 done: notice with the list of enclosures (Art. 33(1))
  'partial_or_refusal', // any kind partial / not_done, with reasons (Art. 33(3), 36)
  'no_data', // no retained personal data (Art. 33(3), R2)
  'purpose_of_use', // K2 (Art. 32(2))
  'correction_result', // K3 (Art. 34(3))
  'suspension_result', // K4 incl. R4 alternative (Art. 35(7))
  'third_party_stop_result', // K5 incl. R4 alternative (Art. 35(7))
  'provision_records', // K6 (Art. 33(5))
  'money_order_return', // return of fixed-amount postal money orders
] as const;
export type LetterTemplateId = (typeof LETTER_TEMPLATES)[number];

export type LetterLang = 'ja' | 'en';

/** The company as it signs letters; all from settings. */
export interface LetterCompany {
  name: string;
  /** 7 digits, with or without hyphen: 169-0051. */
  postalCode: string;
  /** Without the postal code; may hold line breaks. */
  address: string;
  /** The desk that answers questions, e.g. 個人情報お問合せ窓口 (電話 03-6233-9447). */
  contactPoint: string;
  /** Who signs: 個人情報保護管理者. */
  administratorTitle: string;
}

/** A postal money order (定額小為替) to give back. */
export interface MoneyOrderToReturn {
  /** The certificate number printed on it (記号番号). */
  certificateNo: string;
  /** Face value in yen. */
  faceValue: number;
}

/** Why a whole request is refused (R3, seed Art. 10). */
export const REFUSAL_GROUNDS = ['not_liable', 'repeated', 'excessive_work'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const MONEY_ORDER_RETURN_REASONS = ['deficiency', 'fee_not_required', 'excess', 'withdrawn', 'refused'] as const;
export type MoneyOrderReturnReason = (typeof MONEY_ORDER_RETURN_REASONS)[number];

/** Everything a template may need; each template uses what concerns it. */
export interface LetterData {
  caseNo: string;
  /** Who the letter is addressed to (the data subject or the applicant, M2). */
  recipient: { name: string; postalCode: string; address: string };
  /** The day the application arrived (YYYY-MM-DD). */
  receivedOn: string;
  /** The kinds asked for on the application. */
  requestedKinds: readonly RequestKind[];
  /** The administrator's decisions (templates pick the kinds they answer). */
  decisions: readonly KindDecision[];
  /** R5 notice from verification (deficiency template). */
  deficiency?: DeficiencyNotice;
  /**
   * R5: the administrator's own reason, typed when marking the case deficient; printed
   * verbatim after the generated list (it may name what the rules cannot see).
   */
  deficiencyReason?: string;
  /** Enclosures beyond those in the decisions (disclosure, provision records). */
  enclosures?: readonly string[];
  /**
   * K6 answered from the provision register (T2): the person's confirmed records. Absent:
   * the letter lists enclosures as for K1; empty: the letter says no record exists.
   */
  provisionRecords?: readonly ProvisionRecordLine[];
  /** K2: the purposes of use to notify, one per item (from the company's published policy). */
  purposesOfUse?: readonly string[];
  /** Money orders returned with the letter (money_order_return). */
  moneyOrders?: readonly MoneyOrderToReturn[];
  moneyOrderReturnReason?: MoneyOrderReturnReason;
  /** refusal_notice: the ground (R3) and the administrator's reason as written. */
  refusal?: { ground: RefusalGround; reasonText: string; decidedOn: string };
  /** withdrawal_ack: how and when the withdrawal came. */
  withdrawal?: { via: 'letter' | 'phone' | 'other'; receivedOn: string };
  company: LetterCompany;
}

/** One record of provision to a third party as a K6 letter lists it (T1). */
export interface ProvisionRecordLine {
  providedOn: string;
  recipient: string;
  items: string;
  basis: ProvisionBasis;
}

/** The addressee block as printed (and shown through the envelope window). */
export interface LetterRecipient {
  postalCode: string;
  /** May hold line breaks (prefecture/city on one line, building on the next). */
  address: string;
  name: string;
  /** 様 for a person, 御中 for an organisation. */
  honorific: '様' | '御中';
}

/** A heading and its items (printed after 記 in Japanese). */
export interface LetterSection {
  heading: string;
  /** One entry per item; an item may hold line breaks. */
  items: string[];
}

/**
 * A letter as plain, editable text. Staff may change any string before issuing; the
 * renderer lays it out (Japanese: 拝啓 … 敬具, 記 … 以上; English: Dear … Yours sincerely).
 */
export interface LetterDraft {
  /** A case letter's template, or 'guidance' (I1: the contacts capability's guidance letter). */
  templateId: LetterTemplateId | 'guidance';
  lang: LetterLang;
  /** Centred title: 保有個人データの開示について（通知）. */
  title: string;
  /** First line: 拝啓　時下ますます… / Dear Hanako Yamada, */
  salutation: string;
  /** Body paragraphs (Japanese paragraphs get a one-character indent when printed). */
  body: string[];
  /** 敬具 (printed right-aligned after the body) / Yours sincerely, (after the sections). */
  complimentaryClose: string;
  /** 記 (centred before the sections) or '' (English). */
  itemsMarker: string;
  sections: LetterSection[];
  /** Paragraphs after the sections (how to ask questions, what to send back). */
  notes: string[];
  /** 以上 (right-aligned, last) or ''. */
  closing: string;
}
