/**
 * D6 end to end on a drawn insurance card copy: real OCR finds the words, suggestMaskRects
 * finds the numbers, burnMask removes them, and a second OCR can no longer read them.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../electron/services/demo/demo-people';
import { idCopyScan, scannerNoise } from '../../electron/services/demo/demo-scans';
import { burnMask, maskedPixelsClean } from '../../electron/services/imaging';
import { OcrPool, type OcrResult } from '../../electron/services/ocr';
import { suggestMaskRects, type MaskSuggestion } from '../../shared/domain/mask-suggestions';

const require = createRequire(import.meta.url);
const FONT = join(dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json')), '400Regular', 'NotoSansJP_400Regular.ttf');

/** The D6 numbers on the card, with the reason each must be masked for. */
const SECRETS = [
  { digits: '1234', reason: 'symbol' },
  { digits: '5678', reason: "person's number" },
  { digits: '01234567', reason: 'Insurer' },
  { digits: '2345-678901', reason: 'pension' },
];

interface Ink {
  digits: string;
  reason: string;
  /** Dark pixels of the drawn digits, from the clean drawing. */
  pixels: [number, number][];
}

/**
 * A4 at 150 dpi with an insurance card (and a pension number line). The page is drawn twice, with
 * and without the secret digits: where the two differ is exactly the digits' ink.
 */
function drawCard(): { png: Buffer; inks: Ink[] } {
  GlobalFonts.registerFromPath(FONT, 'Kaiji Mask Test Sans');
  const lines: (string | { secret: string })[][] = [
    ['健康保険 被保険者証'],
    ['氏名 山田太郎'],
    ['生年月日 昭和60年4月1日'],
    ['記号 ', { secret: '1234' }, '   番号 ', { secret: '5678' }],
    ['保険者番号 ', { secret: '01234567' }],
    ['電話番号 03-9876-5432'],
    ['有効期限 令和9年3月31日'],
    ['基礎年金番号 ', { secret: '2345-678901' }],
  ];
  const draw = (only?: string) => {
    const canvas = createCanvas(1240, 1754);
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 1240, 1754);
    g.fillStyle = '#000';
    g.textBaseline = 'top';
    g.font = '38px "Kaiji Mask Test Sans"';
    g.strokeRect(160, 200, 920, 700);
    lines.forEach((parts, i) => {
      let x = 200;
      for (const part of parts) {
        const text = typeof part === 'string' ? part : part.secret;
        if (typeof part === 'string' || only !== part.secret) g.fillText(text, x, 230 + i * 80);
        x += g.measureText(text).width;
      }
    });
    return canvas;
  };
  const full = draw();
  const all = full.getContext('2d').getImageData(0, 0, 1240, 1754).data;
  const inks = SECRETS.map(({ digits, reason }) => {
    const without = draw(digits).getContext('2d').getImageData(0, 0, 1240, 1754).data;
    const pixels: [number, number][] = [];
    for (let i = 0; i < all.length; i += 4) if (all[i]! < 160 && without[i]! > 200) pixels.push([(i / 4) % 1240, Math.floor(i / 4 / 1240)]);
    return { digits, reason, pixels };
  });
  return { png: full.toBuffer('image/png'), inks };
}

describe('masking an insurance card copy (D6)', () => {
  const pool = new OcrPool({ size: 2 });
  let page: Buffer;
  let inks: Ink[];
  let before: OcrResult;
  let rects: MaskSuggestion[];
  afterAll(() => pool.terminate());

  beforeAll(async () => {
    const drawn = drawCard();
    inks = drawn.inks;
    // a scan as the import stores it: JPEG from the scanner, normalised to a greyscale PNG
    const jpeg = await scannerNoise(drawn.png, 0, 0.002, 7);
    page = await sharp(jpeg).toColourspace('b-w').png().toBuffer();
    before = await pool.recognize(page);
    rects = suggestMaskRects(before.words, { width: 1240, height: 1754 });
  });

  it('suggests rectangles that cover every secret digit and nothing else', () => {
    for (const s of SECRETS) expect(before.text).toContain(s.digits);
    for (const ink of inks) {
      expect(ink.pixels.length).toBeGreaterThan(50);
      const covering = rects.filter((r) => ink.pixels.some(([x, y]) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height));
      const uncovered = ink.pixels.filter(([x, y]) => !covering.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height));
      expect(uncovered, ink.digits).toEqual([]);
      expect(covering.map((r) => r.reason.en).join(' '), ink.digits).toContain(ink.reason);
    }
    // one rectangle per number: the phone number, name and dates get none
    expect(rects).toHaveLength(SECRETS.length);
  });

  it('burns them in: black pixels, unreadable numbers, the rest still readable, no metadata', async () => {
    const masked = await burnMask(page, rects);
    expect(masked).toMatchObject({ width: 1240, height: 1754 });

    // (a) every pixel under the rectangles is black in the decoded file
    expect(await maskedPixelsClean(masked.png, rects)).toBe(true);
    const { data } = await sharp(masked.png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    for (const ink of inks) for (const [x, y] of ink.pixels) expect(data[y * 1240 + x]).toBe(0);

    const after = await pool.recognize(masked.png);
    // (b) the numbers are gone
    for (const secret of ['1234', '5678', '01234567', '2345', '678901']) expect(after.text).not.toContain(secret);
    // (c) the rest of the card still reads
    // (OCR of this noisy scan misreads some kanji now and then, e.g. 太郎 -> 太朗: phrases it reads reliably)
    for (const phrase of ['健康保険', '氏名山田', '生年月日昭和60年4月1日', '電話番号03-9876-5432', '有効期限令和9年']) {
      expect(after.text.replace(/\s/g, '')).toContain(phrase); // written spaces are kept as U+3000
    }

    // (d) a new greyscale PNG with nothing but pixels (and its resolution)
    const m = await sharp(masked.png).metadata();
    expect(m).toMatchObject({ format: 'png', channels: 1, space: 'b-w', hasAlpha: false });
    expect([m.exif, m.xmp, m.icc, m.iptc, m.comments]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const chunks: string[] = [];
    for (let at = 8; at < masked.png.length; at += 12 + masked.png.readUInt32BE(at)) chunks.push(masked.png.toString('latin1', at + 4, at + 8));
    expect(chunks.every((t) => ['IHDR', 'pHYs', 'IDAT', 'IEND'].includes(t))).toBe(true);
  });

  it('suggests nothing outside the 記号/番号 line of the demo card (name, address, dates stay)', async () => {
    const person = demoPeople(1)[0]!;
    const png = await sharp(await idCopyScan(person, 'insurance', '2027-03-31')).toColourspace('b-w').png().toBuffer();
    const { words } = await pool.recognize(png);
    // the demo prints 記号 ●●● 番号 ●●●● at y = 610 (38 px text); whatever OCR makes of ● may be masked
    const rects = suggestMaskRects(words, { width: 1240, height: 1754 });
    expect(rects.length).toBeGreaterThan(0); // tesseract reads ●●● as ああ@ and the like
    for (const r of rects) {
      expect(r.y).toBeGreaterThan(580);
      expect(r.y + r.height).toBeLessThan(690);
    }
  });
});
