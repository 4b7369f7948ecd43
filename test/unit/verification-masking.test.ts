import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampRect, rectInsidePage, splitWordsByMask, textOfWords } from '../../shared/domain/verification/masking';
import { nudged, spanned } from '../../renderer/src/features/masking/mask-rects';

const word = (text: string, x0: number, y0: number, x1: number, y1: number) => ({ text, confidence: 90, bbox: { x0, y0, x1, y1 } });

describe('D6 on the OCR text: words under a mask are dropped', () => {
  const words = [word('保険者番号', 100, 100, 300, 140), word('06137945', 320, 100, 500, 140), word('氏名', 100, 200, 180, 240), word('山田', 200, 200, 260, 240), word('太郎', 265, 200, 330, 240)];

  it('removes a word touched by a rectangle, even partly, and keeps the rest', () => {
    const { kept, removed } = splitWordsByMask(words, [{ x: 490, y: 130, width: 30, height: 30 }]);
    expect(removed.map((w) => w.text)).toEqual(['06137945']);
    expect(kept).toHaveLength(4);
    // Touching edges is not overlap.
    expect(splitWordsByMask(words, [{ x: 500, y: 100, width: 10, height: 10 }]).removed).toEqual([]);
  });

  it('rebuilds the text line by line, with spaces between Japanese words dropped as OCR text is', () => {
    const { kept } = splitWordsByMask(words, [{ x: 310, y: 95, width: 200, height: 50 }]);
    expect(textOfWords(kept)).toBe('保険者番号\n氏名山田太郎');
  });

  it('property: no kept word overlaps a mask, and nothing is lost that does not', () => {
    const box = fc.record({ x: fc.integer({ min: 0, max: 900 }), y: fc.integer({ min: 0, max: 900 }), width: fc.integer({ min: 1, max: 200 }), height: fc.integer({ min: 1, max: 200 }) });
    fc.assert(
      fc.property(fc.array(box, { maxLength: 20 }), fc.array(box, { minLength: 1, maxLength: 5 }), (boxes, rects) => {
        const ws = boxes.map((b, i) => word(`w${i}`, b.x, b.y, b.x + b.width, b.y + b.height));
        const { kept, removed } = splitWordsByMask(ws, rects);
        expect(kept.length + removed.length).toBe(ws.length);
        const overlaps = (w: (typeof ws)[number], r: (typeof rects)[number]) => !(w.bbox.x1 <= r.x || w.bbox.x0 >= r.x + r.width || w.bbox.y1 <= r.y || w.bbox.y0 >= r.y + r.height);
        for (const w of kept) for (const r of rects) expect(overlaps(w, r)).toBe(false);
        // ...and every removed word really lay under a mask (removing everything would fail).
        for (const w of removed) expect(rects.some((r) => overlaps(w, r))).toBe(true);
      }),
    );
  });
});

describe('mask rectangles in the editor', () => {
  const page = { width: 1000, height: 800 };
  it('a drag in any direction spans the same rectangle, clamped to the page', () => {
    expect(spanned({ x: 50.4, y: 60 }, { x: 10, y: 20.6 }, page)).toEqual({ x: 10, y: 21, width: 40, height: 39 });
    expect(spanned({ x: 990, y: 790 }, { x: 1200, y: 900 }, page)).toEqual({ x: 990, y: 790, width: 10, height: 10 });
    expect(spanned({ x: 5, y: 5 }, { x: 5, y: 50 }, page)).toBeNull();
  });

  it('arrow keys move, Shift+arrows resize, never leaving the page', () => {
    const r = { x: 985, y: 0, width: 10, height: 10 };
    expect(nudged(r, 'ArrowRight', false, 10, page)).toMatchObject({ x: 990 });
    expect(nudged(r, 'ArrowUp', false, 10, page)).toMatchObject({ y: 0 });
    expect(nudged(r, 'ArrowRight', true, 10, page)).toMatchObject({ width: 15 });
    expect(nudged(r, 'ArrowLeft', true, 20, page)).toMatchObject({ width: 1 });
  });

  it('property: clamped rectangles are always inside the page', () => {
    fc.assert(
      fc.property(fc.double({ min: -500, max: 1500, noNaN: true }), fc.double({ min: -500, max: 1500, noNaN: true }), fc.double({ min: 0, max: 1500, noNaN: true }), fc.double({ min: 0, max: 1500, noNaN: true }), (x, y, width, height) => {
        const r = clampRect({ x, y, width, height }, page);
        if (r) expect(rectInsidePage(r, page)).toBe(true);
      }),
    );
  });
});
