/**
 * Reading an ID copy's OCR text into a SUGGESTED document record (issue 12 item 3): which
 * document it is (D1-D5, the agent proofs of D7, or a My Number card / notification card),
 * the name, address, birth date, issue date and validity as printed (era or Western form).
 * Pure, so the pipeline, the UI and the tests share it. Staff confirm every value; the
 * checklist treats an unconfirmed suggestion as "suggested - confirm".
 *
 * Matching is tolerant of the usual OCR confusions of these titles (住民票 read 住民率 / 住民球 /
 * 住民栗, 在留カード read 在留力ード, 被保険者証 read 被保瞼者証 ...).
 */
import { parseJapaneseDate } from './era';
import type { IdDocumentType } from './verification/identity-documents';
import type { AgentProofType } from './verification/agents';

export type IdReadingType = IdDocumentType | 'family_register' | 'power_of_attorney' | 'my_number_card' | 'notification_card';

/** 'id' (D1-D5), 'agent_proof' (D7), or 'not_accepted': a document the guidance does not list. */
export type IdReadingKind = 'id' | 'agent_proof' | 'not_accepted';

export interface IdReading {
  type: IdReadingType;
  kind: IdReadingKind;
  name?: string;
  address?: string;
  /** ISO dates. */
  birthDate?: string;
  issuedOn?: string;
  validUntil?: string;
  /**
   * A number a private company may not keep is on the page (D6; 個人番号 of a My Number card or
   * notification card, insurer / insured numbers, basic pension number): suggest masking it.
   */
  restrictedNumber?: 'my_number' | 'insurance' | 'pension';
  /** The text that decided the type (shown as the suggestion's reason). */
  matched: string;
}

const TYPE_KIND: Record<IdReadingType, IdReadingKind> = {
  residence_certificate: 'id',
  residence_card: 'id',
  drivers_license: 'id',
  passport: 'id',
  health_insurance: 'id',
  pension_book: 'id',
  family_register: 'agent_proof',
  power_of_attorney: 'agent_proof',
  my_number_card: 'not_accepted',
  notification_card: 'not_accepted',
};

// First match wins, so the more specific titles come first (a My Number card mentions 住所, an
// insurance card may carry 年金; 個人番号カード before 通知カード, 被保険者証 before 年金).
const TYPE_PATTERNS: readonly [IdReadingType, RegExp][] = [
  ['my_number_card', /個人番号カ[ーｰ一\-]ド|マイナンバ[ーｰ一\-]カ[ーｰ一\-]ド/u],
  ['notification_card', /通知カ[ーｰ一\-]ド/u],
  ['power_of_attorney', /委任状/u],
  ['family_register', /戸籍(?:謄本|抄本|全部事項|個人事項)|全部事項証明/u],
  ['residence_card', /在留[カ力]ード|RESIDENCECARD/u],
  ['residence_certificate', /住民[票率球栗漂禀標]|住民基本台帳|世帯全員の住民|住民票の写し/u],
  ['drivers_license', /運転免許証|免許証番号|公安委員会|DRIVER'?SLICENSE/u],
  ['passport', /PASSPORT|旅券|日本国旅券/u],
  ['health_insurance', /被保[険瞼検]者証|健康保[険瞼検]|保[険瞼検]者番号|国民健康|資格確認書|後期高齢者医療/u],
  ['pension_book', /年金手帳|基礎年金番号|年金番号/u],
];

const LETTER_WORDS = /請求(?:します|いたします|致します|書)|拝啓|同封|お願い/u;

/** NFKC, no whitespace, Latin upper-case: spacing and width never decide a match. */
const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/** Which document the page is, or null when it is none of them. The title (first lines) decides first. */
export function classifyIdText(text: string): { type: IdReadingType; matched: string } | null {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  // A letter that only mentions its enclosures (住民票の写しを同封します) is no ID copy: below
  // the title, a document's name counts only on a page that does not read like a letter.
  const letter = LETTER_WORDS.test(compact(text));
  for (const scope of letter ? [lines[0] ?? ''] : [lines.slice(0, 2).join(''), text]) {
    if (letter && LETTER_WORDS.test(compact(scope))) continue;
    const t = compact(scope);
    for (const [type, pattern] of TYPE_PATTERNS) {
      const m = pattern.exec(t);
      if (m) return { type, matched: m[0] };
    }
  }
  return null;
}

const MONTHS: Record<string, number> = { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12 };
const pad = (n: number) => String(n).padStart(2, '0');

// An era date as OCR gives it (spaces anywhere, 元年, 年/月 read as . or /), a Western date in
// figures or with 年月日, and a passport's "01 APR 1985" (with the Japanese month name beside it).
const ERA_DATE = /(明治|大正|昭和|平成|令和|[MTSHR])\.?\s*(元|\d{1,2})\s*[年.\/]\s*(\d{1,2})\s*[月.\/]\s*(\d{1,2})\s*[日曰目]?/gu;
const WESTERN_DATE = /(?<!\d)((?:19|20)\d{2})\s*[年.\/-]\s*(\d{1,2})\s*[月.\/-]\s*(\d{1,2})\s*[日曰目]?/gu;
const LATIN_DATE = /(?<!\d)(\d{1,2})\s*(?:[^\sA-Z\d]{0,3}\s*\/?\s*)?(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\s*\/?\s*((?:19|20)\d{2})/gu;

interface FoundDate {
  iso: string;
  index: number;
  end: number;
}

/** Every readable date in one line, left to right. */
export function datesIn(line: string): FoundDate[] {
  const s = line.normalize('NFKC').toUpperCase();
  const out: FoundDate[] = [];
  const add = (iso: string | null, m: RegExpMatchArray) => {
    if (iso && !out.some((d) => m.index! < d.end && d.index < m.index! + m[0].length)) out.push({ iso, index: m.index!, end: m.index! + m[0].length });
  };
  for (const m of s.matchAll(ERA_DATE)) add(parseJapaneseDate(`${m[1]}${m[2]}年${m[3]}月${m[4]}日`), m);
  for (const m of s.matchAll(WESTERN_DATE)) add(parseJapaneseDate(`${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`), m);
  for (const m of s.matchAll(LATIN_DATE)) add(parseJapaneseDate(`${m[3]}-${pad(MONTHS[m[2]!]!)}-${pad(Number(m[1]))}`), m);
  return out.sort((a, b) => a.index - b.index);
}

type DateRole = 'birth' | 'issued' | 'valid';

// Labels in front of a date (the nearest one on its left wins) and markers right after it.
const ROLE_BEFORE: readonly [DateRole, RegExp][] = [
  ['birth', /生年月日|DATEOFBIRTH|BIRTH/gu],
  ['valid', /有効期限|有効期間|満了日|DATEOFEXPIRY|EXPIRY|有効/gu],
  ['issued', /交付年月日|交付日|交付|発行年月日|発行日|発行|証明日|作成日|DATEOFISSUE|ISSUE/gu],
];
const ROLE_AFTER: readonly [DateRole, RegExp][] = [
  ['birth', /^\s*生/u],
  ['valid', /^\s*(?:まで有効|迄有効|まで)/u],
  ['issued', /^\s*(?:交付|発行|作成)/u],
];
// A certificate's own date sits on the line that certifies it (住民票: この写しは…証明する).
const CERTIFYING_LINE = /証明|相違ない|相違ありません/u;

function roleOf(line: string, d: FoundDate, previous: FoundDate | undefined, afterCertifying: boolean): DateRole | null {
  const after = line.slice(d.end);
  for (const [role, re] of ROLE_AFTER) if (re.test(after)) return role;
  const before = compact(line.slice(previous ? previous.end : 0, d.index));
  let best: { role: DateRole; at: number } | null = null;
  for (const [role, re] of ROLE_BEFORE) {
    for (const m of before.matchAll(re)) if (!best || m.index! > best.at) best = { role, at: m.index! };
  }
  if (best) return best.role;
  return CERTIFYING_LINE.test(line) || afterCertifying ? 'issued' : null;
}

const NAME_LABEL = /(?:氏\s*名|名\s*前|NAME)\s*[:：]?\s*/u;
const ADDRESS_LABEL = /(?:住\s*所|住居地|本\s*籍)\s*[:：]?\s*/u;
// What may follow a value on the same line: another label or a date.
const VALUE_STOP = /\s{2,}|生年月日|性別|住所|交付|有効|昭和|平成|令和|大正|明治|(?:19|20)\d{2}年|\d{1,2}年\d{1,2}月/u;

function valueAfter(line: string, label: RegExp): string | undefined {
  const m = label.exec(line);
  if (!m) return undefined;
  let rest = line.slice(m.index + m[0].length);
  const stop = VALUE_STOP.exec(rest);
  if (stop && stop.index > 0) rest = rest.slice(0, stop.index);
  // OCR leaves stray marks at the ends (、 | . from a frame line or a speck).
  const v = rest.replace(/[:：]/g, '').trim().replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
  return v.length >= 2 ? v : undefined;
}

/** The document's restricted number (D6), if the page shows one. */
function restrictedNumberOf(type: IdReadingType, t: string): IdReading['restrictedNumber'] {
  if ((type === 'my_number_card' || type === 'notification_card' || /個人番号/u.test(t)) && /(?<!\d)\d{4}\D?\d{4}\D?\d{4}(?!\d)/u.test(t)) return 'my_number';
  if (type === 'health_insurance' || /保[険瞼検]者番号|記号.{0,8}番号/u.test(t)) return 'insurance';
  if (type === 'pension_book' || /基礎年金番号/u.test(t)) return 'pension';
  return undefined;
}

/**
 * The suggested record for one page's OCR text, or null when the page is no ID document.
 * Dates are assigned by their labels (生年月日, 交付, 有効期限 / まで有効, 発行, Date of expiry);
 * a residence certificate's issue date is the date on its certifying line.
 */
export function readIdDocument(text: string): IdReading | null {
  const found = classifyIdText(text);
  if (!found) return null;
  const reading: IdReading = { type: found.type, kind: TYPE_KIND[found.type], matched: found.matched };
  const lines = text.normalize('NFKC').split('\n');
  let afterCertifying = false;
  for (const line of lines) {
    reading.name ??= valueAfter(line, NAME_LABEL);
    reading.address ??= valueAfter(line, ADDRESS_LABEL);
    const dates = datesIn(line);
    dates.forEach((d, i) => {
      const role = roleOf(line, d, dates[i - 1], afterCertifying);
      if (role === 'birth') reading.birthDate ??= d.iso;
      else if (role === 'valid') reading.validUntil ??= d.iso;
      else if (role === 'issued') reading.issuedOn ??= d.iso;
    });
    // The certifying sentence's date may stand on the line below it.
    afterCertifying = CERTIFYING_LINE.test(line) && dates.length === 0;
  }
  if (reading.name) reading.name = reading.name.replace(/\s+/g, ' ');
  const restricted = restrictedNumberOf(found.type, compact(text));
  if (restricted) reading.restrictedNumber = restricted;
  return reading;
}
