import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { decodeScanAll, deskewAngle, rotateBy, rotatePage, thumbnail } from '../../electron/services/imaging';
import { textPagePng } from './imaging-fixtures';

/** A normalised page (what the transforms receive in the app), drawn skewed by `angle`. */
async function greyPage(angle = 0): Promise<Buffer> {
  const [p] = await decodeScanAll(textPagePng({ angle }), 'page.png');
  return p!.png;
}

const rawGrey = (png: Buffer) => sharp(png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });

describe('quarter turns', () => {
  it('are lossless: four turns give back the same pixels, and dimensions swap', async () => {
    const png = await greyPage();
    const r90 = await rotatePage(png, 90);
    expect([r90.width, r90.height]).toEqual([1400, 1000]);
    expect(await sharp(r90.png).metadata()).toMatchObject({ channels: 1, width: 1400, height: 1000 });
    let cur = r90.png;
    for (const _ of [1, 2, 3]) cur = (await rotatePage(cur, 90)).png;
    const [a, b] = await Promise.all([rawGrey(png), rawGrey(cur)]);
    expect(b.info).toMatchObject({ width: 1000, height: 1400, channels: 1 });
    expect(b.data.equals(a.data)).toBe(true);
    // Half a turn of a one-channel image is exactly its pixel array reversed.
    const r180 = await rotatePage(png, 180);
    expect((await rawGrey(r180.png)).data.equals(Buffer.from(a.data).reverse())).toBe(true);
    const r270 = await rotatePage(png, 270);
    const back = await rotatePage(r270.png, 90);
    expect((await rawGrey(back.png)).data.equals(a.data)).toBe(true);
  });
});

describe('thumbnail', () => {
  it('fits the longer edge, keeps the aspect ratio, and is small', async () => {
    const png = await greyPage();
    // WebP by default (#15 item 6: thumbnails stay in the row, ~7 KB instead of ~40 KB as PNG).
    const thumb = await thumbnail(png);
    const meta = await sharp(thumb).metadata();
    expect(meta).toMatchObject({ format: 'webp', height: 320, width: 229 });
    expect(thumb.length).toBeLessThan(png.length / 4);
    const asPng = await thumbnail(png, 160, 'png');
    expect(await sharp(asPng).metadata()).toMatchObject({ format: 'png', height: 160 });
    // Never enlarges.
    const tiny = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(await sharp(await thumbnail(tiny)).metadata()).toMatchObject({ width: 50, height: 40 });
  });
});

describe('deskew', () => {
  it.each([-2, -1, -0.5, 0, 0.7, 2, 3.5])('estimates a %s° skew within 0.3°', async (angle) => {
    const correction = await deskewAngle(await greyPage(angle));
    // The correction undoes the skew (content drawn rotated clockwise needs an anticlockwise turn).
    expect(Math.abs(correction + angle)).toBeLessThanOrEqual(0.3);
  });

  it('returns 0 for a blank page', async () => {
    const blank = await sharp({ create: { width: 800, height: 1100, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(await deskewAngle(blank)).toBe(0);
  });

  it('rotateBy straightens the page, keeps its size and fills corners with white', async () => {
    const skewed = await greyPage(2);
    const straight = await rotateBy(skewed, await deskewAngle(skewed));
    expect([straight.width, straight.height]).toEqual([1000, 1400]);
    expect(Math.abs(await deskewAngle(straight.png))).toBeLessThanOrEqual(0.2);
    expect((await sharp(straight.png).metadata()).channels).toBe(1);
    const { data } = await rawGrey(straight.png);
    expect(data[0]).toBe(255); // top-left corner: uncovered after rotation, must be white
    expect(data[data.length - 1]).toBe(255);
  });
});
