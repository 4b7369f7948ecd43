import { clampRect } from '@shared/domain/verification/masking';
import type { MaskRect } from '@shared/domain/mask-suggestions';
import type { Bilingual } from '@shared/result';

/** A rectangle in the editor: drawn by staff or suggested from OCR (then it can be switched off). */
export interface EditorRect extends MaskRect {
  key: string;
  /** Suggested from OCR word boxes: the reason shown (D6 number kind). */
  reason?: Bilingual;
  /** Suggestions start on; staff may switch one off if it covers nothing to mask. */
  on: boolean;
}

let counter = 0;
export const newKey = () => `r${++counter}`;

/** The rectangle spanned by two corners (any drag direction), in page pixels, inside the page. */
export function spanned(a: { x: number; y: number }, b: { x: number; y: number }, page: { width: number; height: number }): MaskRect | null {
  return clampRect({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) }, page);
}

/**
 * Keyboard editing of the selected rectangle: arrows move it, Shift+arrows change its size;
 * `step` page pixels at a time. Always stays inside the page and at least 1 x 1.
 */
export function nudged(r: MaskRect, key: string, shift: boolean, step: number, page: { width: number; height: number }): MaskRect {
  const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
  const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
  if (shift) {
    const width = Math.max(1, Math.min(page.width - r.x, r.width + dx));
    const height = Math.max(1, Math.min(page.height - r.y, r.height + dy));
    return { ...r, width, height };
  }
  const x = Math.max(0, Math.min(page.width - r.width, r.x + dx));
  const y = Math.max(0, Math.min(page.height - r.height, r.y + dy));
  return { ...r, x, y };
}
