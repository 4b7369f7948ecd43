import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { burnMask, maskedPixelsClean } from '../../electron/services/imaging';
import { KaijiError } from '../../shared/errors';

const W = 200;
const H = 120;

/** Chunk types of a PNG, in order. */
function pngChunks(png: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) types.push(png.toString('latin1', at + 4, at + 8));
  return types;
}

/** A grey page of mid-grey noise (never 0) carrying a tEXt chunk, as a file from elsewhere might. */
async function page(): Promise<{ png: Buffer; raw: Buffer }> {
  const raw = Buffer.alloc(W * H);
  for (let i = 0; i < raw.length; i++) raw[i] = 40 + ((i * 7919) % 200);
  const png = await sharp(raw, { raw: { width: W, height: H, channels: 1 } }).withDensity(300).png().toBuffer();
  const body = Buffer.concat([Buffer.from('tEXtComment\0'), Buffer.from('記号1234 番号5678', 'utf8')]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
  return { png: Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]), raw };
}

const rects = [
  { x: 10, y: 20, width: 30, height: 10 },
  { x: 150, y: 100, width: 50, height: 20 }, // touches the bottom right corner
];
const inside = (x: number, y: number) => rects.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height);

describe('burnMask (D6)', () => {
  it('blacks out the rectangles and keeps every other pixel', async () => {
    const { png, raw } = await page();
    expect(pngChunks(png)).toContain('tEXt');
    const out = await burnMask(png, rects);
    expect(out).toMatchObject({ width: W, height: H });
    // sharp's raw output is sRGB unless told otherwise; the file itself is checked below
    const { data, info } = await sharp(out.png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(1);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) expect(data[y * W + x]).toBe(inside(x, y) ? 0 : raw[y * W + x]);
    }
  });

  it('writes a new 8-bit greyscale PNG without text chunks or metadata', async () => {
    const out = await burnMask((await page()).png, rects);
    const m = await sharp(out.png).metadata();
    expect(m).toMatchObject({ format: 'png', channels: 1, depth: 'uchar', space: 'b-w', hasAlpha: false, density: 300 });
    expect(m.exif ?? m.xmp ?? m.icc ?? m.iptc ?? m.comments).toBeUndefined();
    expect(new Set(pngChunks(out.png))).toEqual(new Set(['IHDR', 'pHYs', 'IDAT', 'IEND']));
  });

  it('accepts colour and transparent input and still writes greyscale', async () => {
    const rgba = await sharp({ create: { width: 50, height: 40, channels: 4, background: { r: 200, g: 10, b: 10, alpha: 0.5 } } }).png().toBuffer();
    const out = await burnMask(rgba, [{ x: 0, y: 0, width: 50, height: 1 }]);
    expect(await sharp(out.png).metadata()).toMatchObject({ channels: 1, hasAlpha: false });
    expect(await maskedPixelsClean(out.png, [{ x: 0, y: 0, width: 50, height: 1 }])).toBe(true);
  });

  it.each([
    ['an empty list', []],
    ['fractions', [{ x: 1.5, y: 0, width: 10, height: 10 }]],
    ['zero width', [{ x: 1, y: 0, width: 0, height: 10 }]],
    ['negative origin', [{ x: -1, y: 0, width: 10, height: 10 }]],
    ['past the right edge', [{ x: 195, y: 0, width: 6, height: 10 }]],
    ['past the bottom', [{ x: 0, y: 110, width: 6, height: 11 }]],
    ['NaN', [{ x: Number.NaN, y: 0, width: 6, height: 11 }]],
  ])('refuses %s with INVALID_INPUT', async (_name, bad) => {
    const { png } = await page();
    for (const call of [burnMask, maskedPixelsClean]) {
      const e = await call(png, bad).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(KaijiError);
      expect((e as KaijiError).code).toBe('INVALID_INPUT');
    }
  });
});

describe('maskedPixelsClean', () => {
  it('is true only when every pixel inside the rectangles is black', async () => {
    const { png } = await page();
    const out = await burnMask(png, rects);
    expect(await maskedPixelsClean(out.png, rects)).toBe(true);
    expect(await maskedPixelsClean(png, rects)).toBe(false);
    // one pixel row beyond what was burned
    expect(await maskedPixelsClean(out.png, [{ x: 10, y: 20, width: 30, height: 11 }])).toBe(false);
  });
});
