import type { MaskRect, MaskWord } from '../mask-suggestions';
import { normaliseOcrText } from '../ocr-text';

/** One masking of a page (D6): where, when and by whom. The pixels underneath are gone. */
export interface PageMaskRecord {
  id: string;
  pageId: string;
  rects: { x: number; y: number; width: number; height: number }[];
  maskedAt: string;
  maskedBy: string | null;
}

/** Masking on a case's pages: which are done, which ID pages should be (D4/D5 documents). */
export interface CaseMaskState {
  masked: { pageId: string; maskedAt: string }[];
  /** Unmasked ID pages that look like (or were recorded as) a health insurance card or pension book. */
  suggested: string[];
}

/** Text on a page that says it carries D6 numbers (insurance card, pension book). */
export const D6_PAGE_TEXT = /被保険者|保険者番号|基礎年金番号|年金手帳|保険証/u;

/**
 * D6 on the page's text: once the pixels of a number are burned out, the OCR text read from
 * them must go too, or the number stays searchable. Pure.
 */

/** True when the word's box and the rectangle share at least one pixel. */
export function overlaps(word: MaskWord, r: MaskRect): boolean {
  const { x0, y0, x1, y1 } = word.bbox;
  return x0 < r.x + r.width && x1 > r.x && y0 < r.y + r.height && y1 > r.y;
}

/**
 * Splits words into those kept and those touched by any rectangle. A word only partly under a
 * mask is removed whole: dropping a few letters too many is harmless, keeping a digit is not.
 */
export function splitWordsByMask<W extends MaskWord>(words: readonly W[], rects: readonly MaskRect[]): { kept: W[]; removed: W[] } {
  const kept: W[] = [];
  const removed: W[] = [];
  for (const w of words) (rects.some((r) => overlaps(w, r)) ? removed : kept).push(w);
  return { kept, removed };
}

const cy = (w: MaskWord) => (w.bbox.y0 + w.bbox.y1) / 2;

/**
 * The page text rebuilt from word boxes, as tesseract lays it out: words of a line (mutual
 * vertical-centre overlap) left to right separated by spaces, lines top to bottom, then the same
 * normalisation as OCR text (spaces between Japanese characters dropped).
 */
export function textOfWords(words: readonly MaskWord[]): string {
  const lines: MaskWord[][] = [];
  for (const w of [...words].filter((x) => x.text.trim()).sort((a, b) => cy(a) - cy(b))) {
    const line = lines.find(([seed]) => cy(w) >= seed!.bbox.y0 && cy(w) <= seed!.bbox.y1 && cy(seed!) >= w.bbox.y0 && cy(seed!) <= w.bbox.y1);
    if (line) line.push(w);
    else lines.push([w]);
  }
  return normaliseOcrText(lines.map((line) => [...line].sort((a, b) => a.bbox.x0 - b.bbox.x0).map((w) => w.text).join(' ')).join('\n'));
}

/** Whole pixels, at least 1 x 1, wholly inside a `width` x `height` page. */
export function rectInsidePage(r: MaskRect, page: { width: number; height: number }): boolean {
  return [r.x, r.y, r.width, r.height].every(Number.isInteger) && r.width >= 1 && r.height >= 1 && r.x >= 0 && r.y >= 0 && r.x + r.width <= page.width && r.y + r.height <= page.height;
}

/** A rectangle moved/resized back inside the page (the editor clamps what the mouse drew). */
export function clampRect(r: MaskRect, page: { width: number; height: number }): MaskRect | null {
  const x0 = Math.max(0, Math.min(page.width, Math.round(r.x)));
  const y0 = Math.max(0, Math.min(page.height, Math.round(r.y)));
  const x1 = Math.max(0, Math.min(page.width, Math.round(r.x + r.width)));
  const y1 = Math.max(0, Math.min(page.height, Math.round(r.y + r.height)));
  if (x1 - x0 < 1 || y1 - y0 < 1) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
