/**
 * What each text field of the company's form can hold (I3). A value read from a scan that
 * cannot be one of these was misread: it is flagged for review whatever the OCR engine's own
 * confidence says (handwriting makes tesseract confidently wrong). Pure, for services and tests.
 */
import type { FieldName } from './application-form';
import { parseJapaneseDate } from './era';

const KANA = /^[\u3041-\u3096\u30a1-\u30fa\u30fc\s]+$/u;
const NAME = /^[\p{Script=Han}\u3041-\u3096\u30a1-\u30fa\u30fc々〆ヶ\s]{2,}$/u;
const PHONE = /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/;
const POSTAL = /^\d{3}-?\d{4}$/;
// Addresses start with the prefecture (都道府県) and carry a block number.
const ADDRESS = /^(東京都|北海道|京都府|大阪府|\p{Script=Han}{2,3}県).+\d/u;

const toKatakana = (s: string) => s.replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/**
 * A name reading that Japanese names do not produce, though every character is kana (#13 item 9:
 * スプキミホ, read at 89 % from スギ ミホ, went unflagged). Signs of a misread, each rare in real
 * readings: a half-voiced kana (パ行) not after ッ or ン (イッペイ, ジュンペイ are fine); a part
 * starting with ン, ッ, ー or a small kana; ッ ending a part; ヲ, ヰ, ヱ or ヮ; one kana three
 * times running. Foreign names in katakana may trip it: then they are reviewed, never rejected.
 */
export function plausibleReading(value: string): boolean {
  const parts = toKatakana(value.normalize('NFKC')).split(/\s+/u).filter(Boolean);
  return parts.every(
    (p) =>
      !/^[ンッーァィゥェォャュョヮ]/u.test(p) &&
      !/ッ$/u.test(p) &&
      !/[ヲヰヱヮ]/u.test(p) &&
      !/(.)\1\1/u.test(p) &&
      ![...p].some((c, i) => /[パピプペポ]/u.test(c) && !/[ッン]/u.test(p[i - 1] ?? '')),
  );
}

/** False when `value` (as read, NFKC-folded) cannot be what this field holds. Empty values are left alone. */
export function plausibleFieldValue(field: FieldName, value: string): boolean {
  const v = value.normalize('NFKC').trim();
  if (!v) return true;
  switch (field) {
    case 'subject.kana':
    case 'agent.kana':
      return KANA.test(v) && plausibleReading(v);
    case 'subject.name':
    case 'agent.name':
    case 'signature':
      return NAME.test(v);
    case 'subject.phone':
    case 'agent.phone':
      return PHONE.test(v.replace(/\s+/g, ''));
    case 'subject.postalCode':
    case 'agent.postalCode':
      return POSTAL.test(v.replace(/\s+/g, ''));
    case 'subject.address':
    case 'agent.address':
      return ADDRESS.test(v.replace(/\s+/g, ''));
    case 'subject.birthDate':
    case 'application.date':
      return parseJapaneseDate(v) !== null;
    default:
      return true;
  }
}
