import { addMonths } from './verification/date-rules';

/**
 * Retention and disposal (S4, seed Art. 9): request files, ID copies above all, are kept no
 * longer than needed. Pure, so the due list the service computes, the rule printed in the
 * disposal register and what the settings page explains come from one place.
 */
export const RECORD_CLASSES = ['id_documents', 'money_order_images', 'case_file'] as const;
export type RecordClass = (typeof RECORD_CLASSES)[number];

export interface RetentionSchedule {
  /** Scanned identity documents (D1-D7 copies): months after the case closed. */
  idDocumentsMonths: number;
  /** Images of the money orders (F1; the ledger entries stay for the accounts): months after close. */
  moneyOrderImagesMonths: number;
  /** The whole case file: every page, OCR text, personal fields, letters' PDFs: years after close. */
  caseFileYears: number;
}

export const DEFAULT_RETENTION: RetentionSchedule = { idDocumentsMonths: 6, moneyOrderImagesMonths: 6, caseFileYears: 3 };

export const RECORD_CLASS_LABELS: Record<RecordClass, { ja: string; en: string }> = {
  id_documents: { ja: '本人確認書類の写し', en: 'ID document copies' },
  money_order_images: { ja: '定額小為替の画像', en: 'money order images' },
  case_file: { ja: '案件記録一式', en: 'whole case file' },
};

/** Page kinds (shared/domain/page-kind.ts) whose images a class covers; the case file covers all. */
export const CLASS_PAGE_KINDS: Record<Exclude<RecordClass, 'case_file'>, readonly string[]> = {
  id_documents: ['id_document'],
  money_order_images: ['money_order'],
};

export function retentionMonths(cls: RecordClass, s: RetentionSchedule): number {
  if (cls === 'id_documents') return s.idDocumentsMonths;
  if (cls === 'money_order_images') return s.moneyOrderImagesMonths;
  return s.caseFileYears * 12;
}

/** First day the class may be disposed of: the close day plus the period (month ends clamp). */
export function disposalDueOn(cls: RecordClass, closedOn: string, s: RetentionSchedule): string {
  return addMonths(closedOn, retentionMonths(cls, s));
}

/** The rule as the register keeps it, e.g. `本人確認書類の写し：終了後6か月 / ID document copies: 6 months after close`. */
export function retentionRule(cls: RecordClass, s: RetentionSchedule): string {
  const label = RECORD_CLASS_LABELS[cls];
  if (cls === 'case_file') return `${label.ja}：終了後${s.caseFileYears}年 / ${label.en}: ${s.caseFileYears} years after close`;
  const m = retentionMonths(cls, s);
  return `${label.ja}：終了後${m}か月 / ${label.en}: ${m} months after close`;
}

/** Disposing of the case file takes the ID copies and money order images with it. */
export function classesCovered(classes: readonly RecordClass[]): RecordClass[] {
  return classes.includes('case_file') ? [...RECORD_CLASSES] : RECORD_CLASSES.filter((c) => classes.includes(c));
}
