/**
 * Address labels (the alternative to window envelopes): 12 per A4 sheet, each recipient
 * inside its own label, skipping labels already used, read back by OCR.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KaijiError } from '../../shared/errors';
import { OcrPool } from '../../electron/services/ocr';
import { LABEL_SHEET, labelOrigin, MM, PAGE, renderAddressLabels, type LabelRecipient } from '../../electron/services/letters/render';
import { contains, inkBox, pxRect, renderPages, squash, type PagePixels } from './letters-pixels';

const people: LabelRecipient[] = Array.from({ length: 13 }, (_, i) => ({
  postalCode: `100-00${String(i + 10)}`,
  address: `東京都千代田区千代田${i + 1}-1\n千代田ハイツ${i + 1}01号室`,
  name: i === 0 ? '山田 花子' : `受取人 ${i + 1}`,
  honorific: i === 12 ? '御中' : '様',
  caseNo: `2026-${String(i + 1).padStart(4, '0')}`,
}));

const labelZone = (index: number) => {
  const o = labelOrigin(index);
  return { x: o.x, y: o.y, width: LABEL_SHEET.width * MM, height: LABEL_SHEET.height * MM };
};

let pool: OcrPool;
let pages: PagePixels[];
let pageCount: number;

beforeAll(async () => {
  pool = new OcrPool({ size: 1 });
  const sheet = await renderAddressLabels(people);
  pageCount = sheet.pageCount;
  pages = await renderPages(sheet.pdf, 300);
}, 120_000);
afterAll(() => pool?.terminate());

describe('address label sheet', () => {
  it('12 labels of 86.4 × 42.3 mm fill an A4 sheet inside its margins', () => {
    const last = labelZone(11);
    expect(labelZone(0).x).toBeCloseTo(18.6 * MM, 3);
    expect(labelZone(0).y).toBeCloseTo(21.6 * MM, 3);
    expect(last.x + last.width).toBeCloseTo(PAGE.width - 18.6 * MM, 0);
    expect(last.y + last.height).toBeLessThanOrEqual(PAGE.height - 21 * MM);
  });

  it('13 recipients take two sheets; every recipient stays inside its own label', () => {
    expect(pageCount).toBe(2);
    for (let i = 0; i < 12; i++) {
      const box = inkBox(pages[0]!, labelZone(i));
      expect(box, `label ${i}`).not.toBeNull();
      expect(contains(labelZone(i), box!)).toBe(true);
      // 4 mm clear of the label edges (die-cut tolerance).
      expect(box!.x).toBeGreaterThan(labelZone(i).x + 4 * MM);
      expect(box!.y).toBeGreaterThan(labelZone(i).y + 4 * MM);
    }
    expect(inkBox(pages[1]!, labelZone(0))).not.toBeNull();
    expect(inkBox(pages[1]!, labelZone(1))).toBeNull();
  });

  it('OCR of a label reads 〒, address, name with 様 and the case number', async () => {
    const { text } = await pool.recognize(pages[0]!.png, { rectangle: pxRect(pages[0]!, labelZone(0)) });
    const read = squash(text);
    expect(read).toContain('〒100-0010');
    expect(read).toContain('東京都千代田区千代田1-1');
    expect(read).toContain('山田花子様');
    expect(read).toContain('2026-0001');
  });

  it('skips labels already used on the first sheet', async () => {
    const sheet = await renderAddressLabels(people.slice(0, 2), { skip: 11 });
    expect(sheet.pageCount).toBe(2);
    const [first, second] = await renderPages(sheet.pdf, 72);
    expect(inkBox(first!, labelZone(0))).toBeNull();
    expect(inkBox(first!, labelZone(11))).not.toBeNull();
    expect(inkBox(second!, labelZone(0))).not.toBeNull();
  });

  it('a long name wraps inside the label; an address too long for it is refused, never cut', async () => {
    const sheet = await renderAddressLabels([{ ...people[0]!, name: '株式会社サンプル・ホールディングス 総務部 個人情報保護担当', honorific: '御中' }]);
    const [page] = await renderPages(sheet.pdf, 150);
    expect(contains(labelZone(0), inkBox(page!, labelZone(0))!)).toBe(true);
    const address = Array.from({ length: 8 }, (_, i) => `東京都千代田区千代田${i}丁目${i}番${i}号`).join('\n');
    await expect(renderAddressLabels([{ ...people[0]!, address }])).rejects.toSatisfy((e: unknown) => e instanceof KaijiError && e.code === 'LETTER_ADDRESS_TOO_LONG');
  });

  it('refuses an empty list and characters without a glyph', async () => {
    await expect(renderAddressLabels([])).rejects.toBeInstanceOf(KaijiError);
    await expect(renderAddressLabels([{ ...people[0]!, name: '≒' }])).rejects.toSatisfy((e: unknown) => e instanceof KaijiError && e.code === 'LETTER_GLYPH_MISSING');
  });
});
