// Orientation first, one resampling, one encoding (issue 12 item 7): the scan pipeline decodes a
// page to raw grey pixels, decides turn and skew on a small working copy and turns the full page
// once. These check that path against the plain sharp operations it replaces.
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  decodeScanAll,
  decodeScanPixels,
  deskewAngle,
  greyPng,
  turnedRaw,
  uprightPage,
  workingCopy,
  type GreyRaw,
  type ScanPixels,
  type Turn,
} from '../../electron/services/imaging';
import { imagePdf, multiPageTiff, textPagePng } from './imaging-fixtures';

const TURNS: readonly Turn[] = [0, 90, 180, 270];

/** A PNG's pixels, and how many channels the PNG itself holds (1 for a greyscale page). */
const greyOf = async (png: Buffer) => {
  const { channels } = await sharp(png).metadata();
  const { data, info } = await sharp(png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels };
};

async function allPixels(bytes: Buffer, name: string): Promise<ScanPixels[]> {
  const out: ScanPixels[] = [];
  for await (const p of decodeScanPixels(bytes, name)) out.push(p);
  return out;
}

/** Random small grey images (any size, any content). */
const rawImage = fc
  .record({ width: fc.integer({ min: 2, max: 48 }), height: fc.integer({ min: 2, max: 48 }), seed: fc.integer({ min: 0, max: 255 }) })
  .map(({ width, height, seed }): GreyRaw => ({ width, height, data: Buffer.from(Array.from({ length: width * height }, (_, i) => (i * 37 + seed * 11 + ((i * i) % 7)) % 256)) }));

describe('decodeScanPixels', () => {
  it('gives the pixels decodeScanAll encodes, page by page, with the page count (JPEG, multi-page TIFF, PDF)', async () => {
    const a = textPagePng();
    const b = textPagePng({ angle: 2 });
    const files: [string, Buffer][] = [
      ['scan.jpg', await sharp(a).withMetadata({ density: 200 }).jpeg({ quality: 85 }).toBuffer()],
      ['two.tif', await multiPageTiff([a, b])],
      ['pages.pdf', Buffer.from(await imagePdf([a, b]))],
    ];
    for (const [name, bytes] of files) {
      const raw = await allPixels(bytes, name);
      const png = await decodeScanAll(bytes, name);
      expect(raw.map((p) => [p.pageIndex, p.pageCount])).toEqual(png.map((p) => [p.pageIndex, png.length]));
      for (const [i, p] of raw.entries()) {
        const expected = await greyOf(png[i]!.png);
        expect(expected.channels).toBe(1);
        expect([p.pixels.width, p.pixels.height]).toEqual([expected.width, expected.height]);
        expect(p.pixels.data.equals(expected.data), `${name} page ${i}`).toBe(true);
        expect(p.pixels.density).toBe(png[i]!.dpi);
      }
    }
  });

  it('refuses what decodeScan refuses, with the same code', async () => {
    await expect(allPixels(Buffer.from('not an image'), 'x.jpg')).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED' });
    await expect(allPixels(Buffer.alloc(0), 'x.jpg')).rejects.toMatchObject({ code: 'FILE_EMPTY' });
  });
});

describe('uprightPage', () => {
  it('any image, any quarter turn, skew under the threshold: exactly sharp’s lossless turn, as a one-channel PNG', async () => {
    await fc.assert(
      fc.asyncProperty(rawImage, fc.constantFrom(...TURNS), fc.double({ min: -0.29, max: 0.29, noNaN: true }), async (raw, turn, skew) => {
        const page = await uprightPage(raw, turn, skew);
        const got = await greyOf(page.png);
        const want = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 1 } })
          .rotate(turn)
          .toColourspace('b-w')
          .raw()
          .toBuffer({ resolveWithObject: true });
        expect(got.channels).toBe(1);
        expect([page.width, page.height]).toEqual([want.info.width, want.info.height]);
        expect(got.data.equals(want.data)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('any image, any quarter turn and skew: the turned page’s size, corners filled white', async () => {
    await fc.assert(
      fc.asyncProperty(rawImage, fc.constantFrom(...TURNS), fc.double({ min: 0.3, max: 5, noNaN: true }), fc.boolean(), async (raw, turn, s, negative) => {
        const dark = { ...raw, data: Buffer.alloc(raw.data.length, 0) };
        const page = await uprightPage(dark, turn, negative ? -s : s);
        const sideways = turn === 90 || turn === 270;
        expect([page.width, page.height]).toEqual(sideways ? [raw.height, raw.width] : [raw.width, raw.height]);
        const got = await greyOf(page.png);
        expect(got.channels).toBe(1);
        // A black page rotated off-axis leaves white (filled) corners somewhere, never grey noise elsewhere.
        if (Math.min(raw.width, raw.height) >= 16 && s >= 2) expect(Math.max(...got.data)).toBeGreaterThan(200);
      }),
      { numRuns: 40 },
    );
  });

  it('a skewed text page lying any of the four ways comes out straight: skew measured on the small turned copy', async () => {
    const upright = textPagePng({ angle: 1.5 });
    for (const turn of TURNS) {
      // The scan lies turned by 360 - turn; turning it by `turn` makes it upright.
      const scanned = await sharp(upright).rotate((360 - turn) % 360).withMetadata({ density: 240 }).png().toBuffer();
      const [p] = await allPixels(scanned, 'turned.png');
      const small = await workingCopy(p!.pixels);
      const skew = await deskewAngle(await turnedRaw(small, turn));
      expect(Math.abs(skew + 1.5), `turn ${turn}`).toBeLessThan(0.2);
      const page = await uprightPage(p!.pixels, turn, skew);
      expect([page.width, page.height]).toEqual([1000, 1400]);
      expect(Math.abs(await deskewAngle(page.png)), `turn ${turn}`).toBeLessThan(0.2);
      expect((await sharp(page.png).metadata()).density).toBe(240);
    }
  });
});

describe('workingCopy', () => {
  it('shrinks a 300 dpi A4 page to ~150 dpi, keeping shape and scaling its resolution; never enlarges', async () => {
    const big: GreyRaw = { data: Buffer.alloc(2480 * 3508, 255), width: 2480, height: 3508, density: 300 };
    const small = await workingCopy(big);
    expect([small.width, small.height]).toEqual([1240, 1754]);
    expect(small.density).toBeCloseTo(150, 5);
    const sideways = await workingCopy({ ...big, width: 3508, height: 2480 });
    expect([sideways.width, sideways.height]).toEqual([1754, 1240]);
    const tiny: GreyRaw = { data: Buffer.alloc(600 * 800, 255), width: 600, height: 800 };
    expect(await workingCopy(tiny)).toBe(tiny);
    expect((await greyPng(small, true)).width).toBe(1240);
  });
});
