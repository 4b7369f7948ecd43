/**
 * Clean-up of tesseract output for Japanese pages (pure; shared by the OCR service and the UI).
 *
 * Tesseract puts spaces between Japanese characters (it segments CJK like Latin words) and
 * confuses similar kanji in era names, which date parsing depends on (令和8年 = 2026).
 */

// Kanji (incl. 々〆〇), kana, prolonged sound mark and Japanese punctuation/brackets that
// survive NFKC (、。「」『』【】〒〔〕〜・). Full-width ASCII forms are ASCII after NFKC.
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3001-\\u303f\\u30fb\\u30fc\\u3005';
// What may be glued to a CJK character: another CJK character, a digit or ASCII punctuation
// (令和 8 年 -> 令和8年, 氏名 : -> 氏名:). Latin letters are not: "PASSPORT 旅券" keeps its space.
const JOINABLE = `[${CJK}0-9!-/:-@\\[-\`{-~]`;
const SPACE_BETWEEN_CJK = new RegExp(
  `(?<=[${CJK}])[ \\t]+(?=${JOINABLE})|(?<=${JOINABLE})[ \\t]+(?=[${CJK}])`,
  'gu',
);

/**
 * Known OCR confusions of era names, fixed only in a date context: the era followed by a year
 * number (or 元) and 年. 信和 as a company name or 今和 elsewhere stays untouched.
 */
const ERA_MISREADS: readonly [RegExp, string][] = [
  [/(?:合和|今和|令利|信和|今利|合利|令知)(?=(?:\d{1,2}|元)年)/gu, '令和'],
  [/(?:平戌|平或|平戊|平威)(?=(?:\d{1,2}|元)年)/gu, '平成'],
  [/(?:昭知|照和|昭利)(?=(?:\d{1,2}|元)年)/gu, '昭和'],
];

/** Runs of horizontal whitespace -> one space; lines trimmed; empty lines dropped. */
export function collapseWhitespace(s: string): string {
  return s
    .split(/\r\n|[\n\r\v\f\u2028\u2029\u0085]/)
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * NFKC (full-width digits and letters, half-width kana, circled digits ⑧ -> 8), spaces between
 * Japanese characters removed, era misreads fixed in dates, whitespace collapsed. Idempotent.
 */
export function normaliseOcrText(s: string): string {
  // An ideographic space (U+3000) is a real space in the text (山田　太郎): NFKC would make it an
  // ASCII space, which the CJK joining below removes, so it is kept aside and put back.
  let out = collapseWhitespace(s.replace(/\u3000+/g, IDEOGRAPHIC_MARK).normalize('NFKC'))
    .replace(SPACE_BETWEEN_CJK, '')
    .replace(new RegExp(`[ \\t]*${IDEOGRAPHIC_MARK}[${IDEOGRAPHIC_MARK} \\t]*`, 'gu'), IDEOGRAPHIC_MARK)
    .split('\n')
    .map((line) => line.replace(new RegExp(`^${IDEOGRAPHIC_MARK}+|${IDEOGRAPHIC_MARK}+$`, 'gu'), ''))
    .filter((line) => line !== '')
    .join('\n')
    // Next to a Japanese character it stays U+3000 (an ASCII space there would be taken for
    // tesseract's spacing); between Latin letters or digits (ABC　123) an ordinary space.
    .replace(new RegExp(`(?<=[${CJK}])${IDEOGRAPHIC_MARK}|${IDEOGRAPHIC_MARK}(?=[${CJK}])`, 'gu'), '\u3000')
    .replace(new RegExp(IDEOGRAPHIC_MARK, 'gu'), ' ');
  for (const [pattern, era] of ERA_MISREADS) out = out.replace(pattern, era);
  return out;
}

// A private-use character that NFKC leaves alone.
const IDEOGRAPHIC_MARK = '\ue000';

/**
 * Tesseract's TSV (level-5 word rows) back to text lines. Tesseract writes the gap of an
 * ideographic space as an ordinary word break, or as a word of underscores ("_"): a gap wider
 * than its own breaks, or an underscore-only word, becomes U+3000 (issue 12 item 8).
 * Other breaks stay ASCII spaces (normaliseOcrText joins them between Japanese characters).
 */
export function textFromTsv(tsv: string): string {
  type W = { text: string; x0: number; x1: number; h: number };
  const lines = new Map<string, W[]>();
  for (const row of tsv.split('\n')) {
    const c = row.split('\t');
    if (c[0] !== '5' || c.length < 12) continue;
    const text = c.slice(11).join('\t').trim();
    if (!text) continue;
    const [x0, , w, h] = c.slice(6, 10).map(Number) as [number, number, number, number];
    const key = c.slice(1, 5).join('.');
    if (!lines.has(key)) lines.set(key, []);
    lines.get(key)!.push({ text, x0, x1: x0 + w, h });
  }
  const out: string[] = [];
  for (const words of lines.values()) {
    const heights = words.filter((w) => !/^[_＿]+$/u.test(w.text)).map((w) => w.h).sort((a, b) => a - b);
    const h = heights[Math.floor(heights.length / 2)] ?? 0;
    let line = '';
    let gap = false;
    let prev: W | null = null;
    for (const w of words) {
      if (/^[_＿]+$/u.test(w.text)) {
        gap = true;
        continue;
      }
      // Only between Japanese words (山田　太郎): a wide gap beside a digit is layout (令和 8 年).
      const japanese = JAPANESE_END.test(prev?.text ?? '') && JAPANESE_START.test(w.text);
      if (prev) line += japanese && (gap || w.x0 - prev.x1 >= WIDE_GAP * h) ? '\u3000' : ' ';
      line += w.text;
      prev = w;
      gap = false;
    }
    if (line) out.push(line);
  }
  return out.join('\n');
}

const JAPANESE_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]$/u;
const JAPANESE_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々]/u;

/**
 * A gap between words at least this many line heights wide is a space on the paper (measured at
 * 36 px text: tesseract's own breaks inside Japanese text -17..15 px, written spaces 25..44 px;
 * an ASCII and an ideographic space cannot be told apart by width, both are kept as U+3000).
 */
const WIDE_GAP = 0.6;
