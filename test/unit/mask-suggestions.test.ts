import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestMaskRects, type MaskRect, type MaskWord } from '../../shared/domain/mask-suggestions';

const PAGE = { width: 1240, height: 1754 };

/** One text line of words 40 px high at `y`: [text, x0, x1]. */
function line(y: number, ...words: [string, number, number][]): MaskWord[] {
  return words.map(([text, x0, x1]) => ({ text, confidence: 90, bbox: { x0, y0: y, x1, y1: y + 40 } }));
}

const covers = (r: MaskRect, b: { x0: number; y0: number; x1: number; y1: number }) =>
  r.x <= b.x0 && r.y <= b.y0 && r.x + r.width >= b.x1 && r.y + r.height >= b.y1;
const overlapsX = (r: MaskRect, x0: number, x1: number) => r.x < x1 && r.x + r.width > x0;

describe('suggestMaskRects (D6)', () => {
  it.each<[string, MaskWord[], { box: [number, number]; en: string }[]]>([
    ['symbol and number as separate words', line(100, ['記号', 200, 280], ['1234', 300, 390], ['番号', 420, 500], ['5678', 520, 610]), [
      { box: [300, 390], en: 'symbol' },
      { box: [520, 610], en: "person's number" },
    ]],
    ['label split across words', line(100, ['保険者', 200, 320], ['番号', 320, 400], ['01234567', 420, 600]), [{ box: [420, 600], en: 'Insurer' }]],
    ['insured person number', line(100, ['被保険者番号', 200, 440], ['12345', 460, 560]), [{ box: [460, 560], en: "person's number" }]],
    ['basic pension number, label and pattern merged into one', line(100, ['基礎年金番号', 200, 440], ['1234-567890', 460, 700]), [{ box: [460, 700], en: 'pension' }]],
    ['standalone 4-6 pension number', line(100, ['1234-567890', 460, 700]), [{ box: [460, 700], en: 'pension' }]],
    ['branch number', line(100, ['枝番', 200, 280], ['01', 300, 340]), [{ box: [300, 340], en: 'Branch' }]],
    ['symbol with kana', line(100, ['記号', 200, 280], ['あ123', 300, 400]), [{ box: [300, 400], en: 'symbol' }]],
    ['stops at the next field', line(100, ['番号', 200, 280], ['5678', 300, 390], ['有効期限', 420, 580]), [{ box: [300, 390], en: 'number' }]],
    ['stops at a long gap', line(100, ['記号', 200, 280], ['12', 300, 340], ['999', 900, 960]), [{ box: [300, 340], en: 'symbol' }]],
  ])('%s', (_name, words, expected) => {
    const rects = suggestMaskRects(words, PAGE);
    expect(rects).toHaveLength(expected.length);
    expected.forEach(({ box: [x0, x1], en }, i) => {
      const r = rects[i]!;
      expect(covers(r, { x0, y0: 100, x1, y1: 140 })).toBe(true);
      expect(r.reason.en).toContain(en);
      expect(r.reason.ja).toMatch(/D6/);
    });
    // labels and later fields stay readable
    for (const w of words.filter((w) => /[記号番保険者基礎年金枝有効期限]{2}/u.test(w.text) && !/\d/.test(w.text))) {
      for (const r of rects) expect(r.x >= w.bbox.x1 - 15 || r.x + r.width <= w.bbox.x0 + 15).toBe(true);
    }
    for (const r of rects) expect(overlapsX(r, 900, 960)).toBe(false);
  });

  it('covers a whole insurer number printed in full-width digits inside its label word (保険者番号０６１３００１２)', () => {
    // OCR returns ASCII digits after NFKC, but the ink is eight 1-em digits: 5 + 8 em = 520 px.
    const rects = suggestMaskRects(line(100, ['保険者番号06130012', 200, 720]), PAGE);
    expect(rects).toHaveLength(1);
    expect(covers(rects[0]!, { x0: 400, y0: 100, x1: 720, y1: 140 })).toBe(true);
  });

  it('finds a 6-digit national insurance insurer number and one printed in groups', () => {
    const six = suggestMaskRects([...line(100, ['保険者番号', 200, 400]), ...line(160, ['138057', 200, 344])], PAGE);
    expect(six.some((r) => covers(r, { x0: 200, y0: 160, x1: 344, y1: 200 }))).toBe(true);
    const grouped = suggestMaskRects([...line(100, ['保険者番号', 200, 400]), ...line(160, ['06', 200, 248], ['13', 270, 318], ['0012', 340, 436])], PAGE);
    expect(grouped.some((r) => covers(r, { x0: 200, y0: 160, x1: 436, y1: 200 }))).toBe(true);
  });

  it('suggests masking the 12-digit 個人番号 of a My Number card or notification card', () => {
    const labelled = suggestMaskRects(line(100, ['個人番号', 200, 360], ['1234', 400, 496], ['5678', 510, 606], ['9012', 620, 716]), PAGE);
    expect(labelled.some((r) => covers(r, { x0: 400, y0: 100, x1: 716, y1: 140 }))).toBe(true);
    const under = suggestMaskRects([...line(100, ['通知カード', 200, 400]), ...line(160, ['123456789012', 200, 488])], PAGE);
    expect(under.some((r) => covers(r, { x0: 200, y0: 160, x1: 488, y1: 200 }))).toBe(true);
  });

  it('splits labels merged with their values (記号12 番号34)', () => {
    // 記号12: two 1-em kanji (40 px) and two 0.6-em digits (24 px)
    const rects = suggestMaskRects(line(100, ['記号12', 200, 328], ['番号34', 350, 478]), PAGE);
    expect(rects).toHaveLength(2);
    expect(covers(rects[0]!, { x0: 280, y0: 100, x1: 328, y1: 140 })).toBe(true);
    // 記 (200-240) stays mostly visible: the value's box also allows for full-width digits, so it
    // may start up to a digit's width earlier (a few pixels of label masked, never a digit left).
    expect(rects[0]!.x).toBeGreaterThan(220);
    expect(covers(rects[1]!, { x0: 430, y0: 100, x1: 478, y1: 140 })).toBe(true);
  });

  it('splits two labels inside one word', () => {
    const rects = suggestMaskRects(line(100, ['記号12番号34', 200, 456]), PAGE);
    expect(rects.map((r) => r.reason.en)).toEqual(["Insured person's symbol (D6)", "Insured person's number (D6)"]);
  });

  it('finds an 8-digit insurer number printed under its label', () => {
    const words = [...line(100, ['保険者番号', 200, 400]), ...line(160, ['01234567', 200, 380])];
    const rects = suggestMaskRects(words, PAGE);
    expect(rects).toHaveLength(1);
    expect(covers(rects[0]!, { x0: 200, y0: 160, x1: 380, y1: 200 })).toBe(true);
  });

  it.each<[string, MaskWord[]]>([
    ['phone number', line(100, ['電話番号', 200, 360], ['03-1234-5678', 380, 620])],
    ['postcode', line(100, ['郵便番号', 200, 360], ['169-0051', 380, 540])],
    ['label without a value (table header)', line(100, ['記号', 200, 280], ['番号', 600, 680])],
    ['value on another line', [...line(100, ['記号', 200, 280]), ...line(400, ['1234', 300, 390])]],
    ['8 digits far from 保険者', [...line(100, ['保険者番号', 200, 400]), ...line(900, ['20261124', 200, 380])]],
    ['name and date', line(100, ['氏名', 200, 280], ['山田太郎', 300, 460], ['令和8年11月24日', 500, 800])],
  ])('suggests nothing for: %s', (_name, words) => {
    expect(suggestMaskRects(words, PAGE)).toEqual([]);
  });

  it('pads and clamps to the page', () => {
    const page = { width: 400, height: 130 };
    const [r] = suggestMaskRects(line(90, ['番号', 200, 280], ['5678', 300, 400]), page);
    expect(r).toMatchObject({ x: expect.any(Number), y: expect.any(Number) });
    expect(r!.x).toBeLessThan(300);
    expect(r!.x + r!.width).toBe(400);
    expect(r!.y).toBeLessThan(90);
    expect(r!.y + r!.height).toBe(130);
  });

  it('keeps every suggested rectangle inside the page, in whole pixels (property)', () => {
    const text = fc.oneof(
      fc.constantFrom('記号', '番号', '保険者', '保険者番号', '基礎年金番号', '枝番', '年金', '記号12', '有効期限', ':', '-'),
      fc.stringMatching(/^[0-9]{1,10}$/),
      fc.constantFrom('1234-567890', '01234567', '0123456789'),
      fc.string({ maxLength: 6 }),
    );
    const coord = fc.double({ min: -300, max: 2500, noNaN: true });
    const word = fc.record({
      text,
      confidence: fc.integer({ min: 0, max: 100 }),
      bbox: fc.tuple(coord, coord, fc.double({ min: -5, max: 400, noNaN: true }), fc.double({ min: -5, max: 120, noNaN: true }))
        .map(([x0, y0, w, h]) => ({ x0, y0, x1: x0 + w, y1: y0 + h })),
    });
    const page = fc.record({ width: fc.integer({ min: 1, max: 2000 }), height: fc.integer({ min: 1, max: 2000 }) });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), page, (words, pg) => {
        for (const r of suggestMaskRects(words, pg)) {
          expect([r.x, r.y, r.width, r.height].every(Number.isInteger)).toBe(true);
          expect(r.width).toBeGreaterThanOrEqual(1);
          expect(r.height).toBeGreaterThanOrEqual(1);
          expect(r.x).toBeGreaterThanOrEqual(0);
          expect(r.y).toBeGreaterThanOrEqual(0);
          expect(r.x + r.width).toBeLessThanOrEqual(pg.width);
          expect(r.y + r.height).toBeLessThanOrEqual(pg.height);
        }
      }),
      { numRuns: 500 },
    );
  });
});
