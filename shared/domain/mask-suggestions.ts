/**
 * Where the numbers of D6 sit on an ID copy: health insurance certificates (insurer number,
 * insured person's symbol/number, branch number) and pension books (basic pension number).
 * Pure; works on OCR word boxes (normalised text, page pixels). Suggestions only: staff check
 * them before the mask is burned (imaging/mask.ts). Meant for D4/D5 pages: on other pages
 * 番号 labels (licence, money order) would be suggested too.
 *
 * A label's value is read to its right on the same text line, so a number printed under its
 * label (a table header) is found only by the standalone patterns.
 */
import type { Bilingual } from '../result';

export interface MaskWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface MaskRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MaskSuggestion extends MaskRect {
  reason: Bilingual;
}

const REASONS = {
  symbol: { ja: '被保険者記号（D6）', en: "Insured person's symbol (D6)" },
  number: { ja: '被保険者番号（D6）', en: "Insured person's number (D6)" },
  insurer: { ja: '保険者番号（D6）', en: 'Insurer number (D6)' },
  pension: { ja: '基礎年金番号（D6）', en: 'Basic pension number (D6)' },
  branch: { ja: '枝番（D6）', en: 'Branch number (D6)' },
  myNumber: { ja: '個人番号（マイナンバー。当社は保管できません）', en: 'Individual number (My Number; the company may not keep it)' },
} satisfies Record<string, Bilingual>;

// Longest first, so 保険者番号 is not read as 番号.
const LABEL = /被保険者番号|保険者番号|基礎年金番号|個人番号|記号|番号|枝番/gu;
const LABEL_REASON: Record<string, Bilingual> = {
  被保険者番号: REASONS.number,
  保険者番号: REASONS.insurer,
  基礎年金番号: REASONS.pension,
  個人番号: REASONS.myNumber,
  記号: REASONS.symbol,
  番号: REASONS.number,
  枝番: REASONS.branch,
};
// 番号 of things a company may keep (phone, postcode, our own receipt numbers, licence, passport).
const NOT_D6 = /(?:電話|郵便|受付|合わせ|合せ|免許証|旅券|口座|整理|管理|登録|証明書)$/u;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const VALUE_CHAR = /[\p{L}\p{N}●*]/u;
const DASH = '[-‐‑‒–—―−ー]';
const PENSION_SPLIT = new RegExp(`(?<![0-9])[0-9]{4}${DASH}[0-9]{6}(?![0-9])`, 'gu');
const TEN_DIGITS = /(?<![0-9])[0-9]{10}(?![0-9])/gu;
// Insurer numbers: 8 digits (employees' insurance) or 6 (national health insurance), printed
// in one run or in groups (06 13 0012), so the whole number is found, not its last group.
const INSURER_DIGITS = /(?<![0-9])[0-9](?: ?[0-9]){7}(?![0-9])|(?<![0-9 ])[0-9]{6}(?![0-9])/gu;
// 個人番号: 12 digits, often printed 4-4-4.
const MY_NUMBER = /(?<![0-9])[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])/gu;

/** A gap wider than this many line heights ends a phrase (another column or field). */
const GAP = 4;
/** How far (in line heights) a keyword may sit from a standalone number: the line above or below. */
const NEAR = 3;

interface Char {
  word: MaskWord;
  x0: number;
  x1: number;
}

/** Words of one text line with no long gap between them; `chars[i]` is the box of `text[i]`. */
interface Phrase {
  text: string;
  chars: Char[];
  height: number;
  cy: number;
}

const cy = (w: MaskWord) => (w.bbox.y0 + w.bbox.y1) / 2;
const height = (w: MaskWord) => w.bbox.y1 - w.bbox.y0;

export function suggestMaskRects(words: readonly MaskWord[], page: { width: number; height: number }): MaskSuggestion[] {
  const phrases = toPhrases(words);
  const found: { from: number; to: number; phrase: Phrase; reason: Bilingual }[] = [];
  for (const p of phrases) {
    const labels = [...p.text.matchAll(LABEL)].filter((m) => m[0] !== '番号' || !NOT_D6.test(p.text.slice(0, m.index)));
    labels.forEach((m, k) => {
      const start = m.index + m[0].length;
      const next = labels[k + 1]?.index ?? p.text.length;
      const to = valueEnd(p.text, start, next);
      found.push({ from: start, to, phrase: p, reason: LABEL_REASON[m[0]]! });
    });
    // Standalone numbers, for cards that print the label elsewhere (above the value).
    for (const m of p.text.matchAll(PENSION_SPLIT)) found.push({ from: m.index, to: m.index + m[0].length, phrase: p, reason: REASONS.pension });
    if (near(phrases, p, '年金')) {
      for (const m of p.text.matchAll(TEN_DIGITS)) found.push({ from: m.index, to: m.index + m[0].length, phrase: p, reason: REASONS.pension });
    }
    if (near(phrases, p, '保険者')) {
      for (const m of p.text.matchAll(INSURER_DIGITS)) found.push({ from: m.index, to: m.index + m[0].length, phrase: p, reason: REASONS.insurer });
    }
    if (near(phrases, p, '個人番号') || near(phrases, p, '通知カード') || near(phrases, p, 'マイナンバー')) {
      for (const m of p.text.matchAll(MY_NUMBER)) found.push({ from: m.index, to: m.index + m[0].length, phrase: p, reason: REASONS.myNumber });
    }
  }
  const rects: MaskSuggestion[] = [];
  for (const f of found) {
    let { from, to } = f;
    // Separators (記号: 12, 番号・34) are not part of the value; a label alone suggests nothing.
    while (from < to && !VALUE_CHAR.test(f.phrase.text[from]!)) from++;
    while (to > from && !VALUE_CHAR.test(f.phrase.text[to - 1]!)) to--;
    if (from >= to) continue;
    const r = toRect(f.phrase, from, to, page);
    if (r) addMerged(rects, { ...r, reason: f.reason });
  }
  return rects;
}

/**
 * End of a label's value: the next label, or where a second field starts after the digits (two
 * Japanese characters in a row, e.g. 有効期限). Single kana/kanji are kept: symbols like あ12.
 */
function valueEnd(text: string, start: number, next: number): number {
  let digits = false;
  for (let i = start; i < next; i++) {
    const c = text[i]!;
    if (/[0-9]/.test(c)) digits = true;
    else if (digits && CJK.test(c) && CJK.test(text[i + 1] ?? '')) return i;
  }
  return next;
}

function near(phrases: Phrase[], p: Phrase, keyword: string): boolean {
  return phrases.some((q) => q.text.includes(keyword) && Math.abs(q.cy - p.cy) <= NEAR * Math.max(p.height, q.height));
}

/** Lines (mutual vertical-centre overlap), sorted left to right, cut at long gaps. */
function toPhrases(words: readonly MaskWord[]): Phrase[] {
  const usable = words.filter((w) => {
    const { x0, y0, x1, y1 } = w.bbox;
    return w.text.length > 0 && [x0, y0, x1, y1].every(Number.isFinite) && x1 > x0 && y1 > y0;
  });
  const lines: MaskWord[][] = [];
  for (const w of [...usable].sort((a, b) => cy(a) - cy(b))) {
    const line = lines.find(([seed]) => cy(w) >= seed!.bbox.y0 && cy(w) <= seed!.bbox.y1 && cy(seed!) >= w.bbox.y0 && cy(seed!) <= w.bbox.y1);
    if (line) line.push(w);
    else lines.push([w]);
  }
  const phrases: Phrase[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    const h = median(line.map(height));
    let run: MaskWord[] = [];
    for (const w of line) {
      const prev = run[run.length - 1];
      if (prev && w.bbox.x0 - prev.bbox.x1 > GAP * h) {
        phrases.push(phrase(run, h));
        run = [];
      }
      run.push(w);
    }
    if (run.length) phrases.push(phrase(run, h));
  }
  return phrases;
}

/**
 * Character boxes inside a word are estimated by width class (a Japanese character is about
 * twice as wide as a half-width digit), which is enough to split 「記号12」 into label and
 * value. Cards often print full-width digits (as wide as a kanji) that OCR returns as ASCII:
 * each character's box is the union of both estimates, so a value is never cut short (the
 * first digits of 保険者番号０６１３００１２ were left outside with half-width widths only).
 */
function phrase(words: MaskWord[], h: number): Phrase {
  let text = '';
  const chars: Char[] = [];
  for (const w of words) {
    const cps = Array.from(w.text);
    const narrow = cps.map((c) => (CJK.test(c) || /[^\x00-\x7f]/.test(c) ? 1 : 0.6));
    const wide = cps.map((c) => (/[ -]/.test(c) ? 0.6 : 1));
    const boxes = [narrow, wide].map((weights) => {
      const scale = (w.bbox.x1 - w.bbox.x0) / weights.reduce((a, b) => a + b, 0);
      let x = w.bbox.x0;
      return weights.map((wt) => [x, (x += wt * scale)] as const);
    });
    cps.forEach((c, i) => {
      const x0 = Math.min(boxes[0]![i]![0], boxes[1]![i]![0]);
      const x1 = Math.max(boxes[0]![i]![1], boxes[1]![i]![1]);
      // one entry per UTF-16 unit, so that regex indices index `chars` directly
      for (let u = 0; u < c.length; u++) chars.push({ word: w, x0, x1 });
      text += c;
    });
  }
  return { text, chars, height: h, cy: median(words.map(cy)) };
}

function toRect(p: Phrase, from: number, to: number, page: { width: number; height: number }): MaskRect | undefined {
  const cs = p.chars.slice(from, to);
  const x0 = Math.min(...cs.map((c) => c.x0));
  const x1 = Math.max(...cs.map((c) => c.x1));
  const y0 = Math.min(...cs.map((c) => c.word.bbox.y0));
  const y1 = Math.max(...cs.map((c) => c.word.bbox.y1));
  // Generous sideways: character boxes inside a word are estimates, and tesseract's word boxes
  // at a label/value boundary can be off by half a character (measured: 21 px at 35 px text).
  const padX = Math.ceil(0.75 * p.height) + 2;
  const padY = Math.ceil(0.2 * p.height) + 2;
  const W = Math.floor(page.width);
  const H = Math.floor(page.height);
  const left = clamp(Math.floor(x0 - padX), 0, W);
  const right = clamp(Math.ceil(x1 + padX), 0, W);
  const top = clamp(Math.floor(y0 - padY), 0, H);
  const bottom = clamp(Math.ceil(y1 + padY), 0, H);
  if (right - left < 1 || bottom - top < 1) return undefined;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** A number found by label and by pattern is one rectangle: overlapping ones are united. */
function addMerged(rects: MaskSuggestion[], r: MaskSuggestion): void {
  for (const q of rects) {
    const ix = Math.min(q.x + q.width, r.x + r.width) - Math.max(q.x, r.x);
    const iy = Math.min(q.y + q.height, r.y + r.height) - Math.max(q.y, r.y);
    if (ix > 0 && iy > 0 && ix * iy >= 0.5 * Math.min(q.width * q.height, r.width * r.height)) {
      const x1 = Math.max(q.x + q.width, r.x + r.width);
      const y1 = Math.max(q.y + q.height, r.y + r.height);
      q.x = Math.min(q.x, r.x);
      q.y = Math.min(q.y, r.y);
      q.width = x1 - q.x;
      q.height = y1 - q.y;
      return;
    }
  }
  rects.push(r);
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
