/**
 * Free-form letters (issue 12 item 4): people write their request as an ordinary letter
 * instead of on the company's form. From the page's OCR words this reads the data subject's
 * name, kana, birth date, postcode, address, phone, the application date and the request kinds
 * (K1-K6; 訂正 also when OCR wrote 記正 / 訂止 ...), each with the box of the line it came
 * from, so the case file can show that line beside the value. Pure; every value is a
 * suggestion that staff review.
 */
import { formatEraDate } from './era';
import { datesIn } from './id-reading';
import { suggestRequestKinds, type RequestKind } from './page-kind';

export interface LetterWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface LineBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LetterLine {
  text: string;
  box: LineBox;
  confidence: number;
}

/** One value for a case field (names as in application-form.ts), with its source line. */
export interface LetterField {
  field: string;
  value: string;
  /** Mean OCR confidence of the line (0-100). */
  confidence: number;
  line: LineBox;
}

const cy = (w: LetterWord) => (w.bbox.y0 + w.bbox.y1) / 2;

/** Words grouped into text lines (vertical centre inside the line's first word), left to right. */
export function letterLines(words: readonly LetterWord[]): LetterLine[] {
  const usable = words.filter((w) => w.text.trim() !== '' && w.bbox.x1 > w.bbox.x0 && w.bbox.y1 > w.bbox.y0);
  const lines: LetterWord[][] = [];
  for (const w of [...usable].sort((a, b) => cy(a) - cy(b))) {
    const line = lines.find(([seed]) => cy(w) >= seed!.bbox.y0 && cy(w) <= seed!.bbox.y1 && cy(seed!) >= w.bbox.y0 && cy(seed!) <= w.bbox.y1);
    if (line) line.push(w);
    else lines.push([w]);
  }
  return lines.map((ws) => {
    ws.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    const x0 = Math.min(...ws.map((w) => w.bbox.x0));
    const y0 = Math.min(...ws.map((w) => w.bbox.y0));
    const x1 = Math.max(...ws.map((w) => w.bbox.x1));
    const y1 = Math.max(...ws.map((w) => w.bbox.y1));
    // Japanese words are joined without spaces; Latin and digits keep one.
    const text = ws.reduce((s, w) => (s && /[A-Za-z0-9]$/.test(s) && /^[A-Za-z0-9]/.test(w.text) ? `${s} ${w.text}` : s + w.text), '');
    const confidence = ws.reduce((s, w) => s + w.confidence, 0) / ws.length;
    return { text: text.normalize('NFKC'), box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, confidence };
  });
}

// A label, an optional colon, then the value.
const LABELS: readonly [string, RegExp][] = [
  ['subject.kana', /^(?:フリガナ|ふりがな|よみがな|カナ|氏名カナ)[:：]?/u],
  ['subject.name', /^(?:氏名|お名前|名前|請求者氏名|請求者)[:：]?/u],
  ['subject.birthDate', /^生年月日[:：]?/u],
  ['subject.address', /^(?:住所|ご住所|現住所)[:：]?/u],
  ['subject.phone', /^(?:電話番号|電話|TEL|連絡先)[:：.]?/iu],
];
const POSTCODE = /(?:〒|郵便番号[:：]?)\s*(\d{3})\s*[-‐‑–—−ー]?\s*(\d{4})(?!\d)/u;
const PHONE = /(?<!\d)(0\d{1,4})\s*[-‐‑–—−ー(（)）]\s*(\d{1,4})\s*[-‐‑–—−ー)）]\s*(\d{3,4})(?!\d)/u;
const KANA = /^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s]+$/u;
const DATE_LABEL = /(?:請求日|申請日|日付|記入日)[:：]?/u;

const clean = (s: string) => s.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '').trim();

/** Fields and request kinds read from one letter page. */
export function readLetter(words: readonly LetterWord[]): { fields: LetterField[]; kinds: { kind: RequestKind; line: LineBox; reasons: string[] }[] } {
  const lines = letterLines(words);
  const fields = new Map<string, LetterField>();
  const put = (field: string, value: string, l: LetterLine) => {
    if (value && !fields.has(field)) fields.set(field, { field, value, confidence: Math.round(l.confidence), line: l.box });
  };
  for (const l of lines) {
    const text = l.text.replace(/\s+(?=[^\sA-Za-z0-9])|(?<=[^\sA-Za-z0-9])\s+/gu, '');
    const post = POSTCODE.exec(text);
    if (post) {
      put('subject.postalCode', `${post[1]}-${post[2]}`, l);
      // 〒154-0015 東京都… : the address follows the postcode on the same line.
      const rest = clean(text.slice(post.index + post[0].length).replace(/^(?:住所|ご住所)[:：]?/u, ''));
      if (rest.length >= 4 && !PHONE.test(rest)) put('subject.address', rest, l);
    }
    for (const [field, label] of LABELS) {
      const m = label.exec(text);
      if (!m) continue;
      const value = clean(text.slice(m[0].length));
      if (field === 'subject.birthDate') {
        const d = datesIn(value)[0];
        if (d) put(field, formatEraDate(d.iso), l);
      } else if (field === 'subject.phone') {
        const p = PHONE.exec(value);
        if (p) put(field, `${p[1]}-${p[2]}-${p[3]}`, l);
      } else if (field === 'subject.kana') {
        if (KANA.test(value)) put(field, value, l);
      } else if (field === 'subject.address') {
        const p = POSTCODE.exec(value);
        if (p) put('subject.postalCode', `${p[1]}-${p[2]}`, l);
        const address = clean(p ? value.slice(p.index + p[0].length) : value);
        if (address.length >= 4) put(field, address, l);
      } else if (value.length >= 2 && !/\d/.test(value)) put(field, value, l);
      break;
    }
    if (!fields.has('subject.phone') && /電話|TEL/iu.test(text)) {
      const p = PHONE.exec(text);
      if (p) put('subject.phone', `${p[1]}-${p[2]}-${p[3]}`, l);
    }
  }
  // The application date: a labelled date, else a date standing alone near the top or the
  // bottom (letters are dated there), never the birth date.
  const dated = lines.flatMap((l) => datesIn(l.text).map((d) => ({ l, d })));
  const birth = fields.get('subject.birthDate')?.line;
  const candidates = dated.filter(({ l }) => l.box !== birth && !/生年月日|生まれ/u.test(l.text));
  const labelled = candidates.find(({ l }) => DATE_LABEL.test(l.text));
  const alone = candidates.find(({ l, d }) => l.text.replace(/\s/g, '').length - (d.end - d.index) <= 2);
  const chosen = labelled ?? alone;
  if (chosen) put('application.date', formatEraDate(chosen.d.iso), chosen.l);
  // Request kinds: each with the line of its phrase (the first line that mentions it).
  const kinds = suggestRequestKinds(lines.map((l) => l.text).join('\n')).map(({ kind, reasons }) => {
    const found = lines.find((l) => suggestRequestKinds(l.text).some((k) => k.kind === kind)) ?? lines[0]!;
    return { kind, reasons, line: found.box };
  });
  return { fields: [...fields.values()], kinds };
}

/** Enough of a request letter to fill a case: a request kind and at least the name or the address. */
export function looksLikeRequestLetter(result: ReturnType<typeof readLetter>): boolean {
  return result.kinds.length > 0 && result.fields.some((f) => f.field === 'subject.name' || f.field === 'subject.address');
}
