/**
 * Name keys for search and for finding earlier requests of the same person (R3):
 * width and compatibility forms folded (NFKC), all spaces removed (half- and
 * full-width), Latin lower-cased, katakana folded to hiragana.
 */
export function nameKey(name: string): string {
  return toHiragana(name.normalize('NFKC').replace(/[\s\u3000]+/g, '').toLowerCase());
}

/** Katakana (ァ-ヶ, ヽヾ) to hiragana; other characters unchanged. */
export function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

export type CaseSearchField = 'case_no' | 'kana' | 'name';

/**
 * What a search box entry most likely is: a case number (2026-0012), a reading typed in
 * kana, or a written name. One field means one index range, which keeps search fast.
 */
export function caseSearchField(query: string): CaseSearchField {
  const q = query.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  if (/^\d{4}(-\d*)?$/.test(q)) return 'case_no';
  if (/^[\u3041-\u3096\u30a1-\u30fa\u30fc]+$/.test(q)) return 'kana';
  return 'name';
}

/**
 * Address key for same-person matching (R3): width folded, spaces removed, and the
 * block notation unified, so 1丁目2番3号, 1-2-3 and １－２－３ compare equal.
 */
export function addressKey(address: string): string {
  return address
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[‐‑–—−ー－]/g, '-')
    .replace(/(\d+)丁目(\d+)番地?(\d+)号?/g, '$1-$2-$3')
    .replace(/(\d+)丁目(\d+)番地?/g, '$1-$2')
    .replace(/(\d+)番地?(\d+)号?/g, '$1-$2')
    .replace(/(\d+)番地$/g, '$1')
    .toLowerCase();
}
