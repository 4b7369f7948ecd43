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
