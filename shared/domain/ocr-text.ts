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
  let out = collapseWhitespace(s.normalize('NFKC')).replace(SPACE_BETWEEN_CJK, '');
  for (const [pattern, era] of ERA_MISREADS) out = out.replace(pattern, era);
  return out;
}
