/**
 * Keep what the scanner produced (#15 item 6): a scanner JPEG is kept (metadata stripped,
 * losslessly) only when it decodes to exactly the normalised page; a turned, deskewed or
 * EXIF-rotated page keeps its PNG. Stripping never throws on any input.
 */
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { toGreyPng } from '../../electron/services/imaging/normalise';
import { rotateBy } from '../../electron/services/imaging';
import { keepScannerImage, normalisedPng, stripJpegMetadata } from '../../electron/services/pages/keep-original';
import type { ProcessedPage } from '../../electron/services/pages/page-pipeline';

async function scanJpeg(opts: { exifOrientation?: number } = {}): Promise<Buffer> {
  const w = 300;
  const h = 420;
  const px = Buffer.alloc(w * h, 255);
  for (let y = 40; y < 380; y += 12) for (let x = 30; x < 270; x++) if ((x * 7 + y) % 11 < 6) px[y * w + x] = 20;
  let img = sharp(px, { raw: { width: w, height: h, channels: 1 } }).withMetadata({ exif: { IFD0: { Make: 'ScannerCorp', Artist: 'OperatorName' } } });
  if (opts.exifOrientation) img = img.withMetadata({ orientation: opts.exifOrientation, exif: { IFD0: { Make: 'ScannerCorp' } } });
  return img.jpeg({ quality: 80 }).toBuffer();
}

const pageOf = (png: Buffer, width: number, height: number): ProcessedPage => ({
  sourcePage: 0, png, width, height, thumbnail: Buffer.alloc(0), autoRotation: 0, ocr: { status: 'done', text: '', confidence: 90, words: [] }, kind: 'other', formId: null, formFields: null,
});

describe('keeping the scanner’s JPEG', () => {
  it('keeps it, without its metadata, when it is exactly the stored page', async () => {
    const jpeg = await scanJpeg();
    expect(jpeg.includes(Buffer.from('OperatorName'))).toBe(true);
    const grey = await toGreyPng(jpeg, { failOn: 'error' });
    const kept = await keepScannerImage(jpeg, pageOf(grey.png, grey.width, grey.height));
    expect(kept.original).toBeTruthy();
    expect(kept.original!.includes(Buffer.from('OperatorName'))).toBe(false);
    expect(kept.original!.includes(Buffer.from('Exif'))).toBe(false);
    expect(kept.original!.length).toBeLessThan(jpeg.length);
    // What the services get back is the same normalised page, pixel for pixel.
    const back = await sharp(await normalisedPng(kept.original!)).raw().toBuffer();
    expect(back.equals(await sharp(grey.png).raw().toBuffer())).toBe(true);
  });

  it('keeps the PNG when the page was straightened, turned, or the JPEG carries an EXIF orientation', async () => {
    const jpeg = await scanJpeg();
    const grey = await toGreyPng(jpeg, { failOn: 'error' });
    const skewed = await rotateBy(grey.png, 0.8);
    expect((await keepScannerImage(jpeg, pageOf(skewed.png, skewed.width, skewed.height))).original).toBeUndefined();
    const turned = await toGreyPng(await sharp(grey.png).rotate(180).png().toBuffer(), {});
    expect((await keepScannerImage(jpeg, pageOf(turned.png, turned.width, turned.height))).original).toBeUndefined();
    const oriented = await scanJpeg({ exifOrientation: 6 });
    const upright = await toGreyPng(oriented, { failOn: 'error' });
    expect((await keepScannerImage(oriented, pageOf(upright.png, upright.width, upright.height))).original).toBeUndefined();
    // Not a JPEG at all: nothing to keep.
    expect((await keepScannerImage(grey.png, pageOf(grey.png, grey.width, grey.height))).original).toBeUndefined();
  });

  it('stripping never throws and never grows a file, whatever the bytes (property)', async () => {
    const jpeg = await scanJpeg();
    fc.assert(
      fc.property(fc.nat({ max: jpeg.length }), fc.nat({ max: jpeg.length - 1 }), fc.integer({ min: 0, max: 255 }), (cut, at, v) => {
        const b = Buffer.from(jpeg.subarray(0, cut));
        if (at < b.length) b[at] = v;
        const out = stripJpegMetadata(b);
        expect(out === null || out.length <= b.length).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(() => stripJpegMetadata(Buffer.from(bytes))).not.toThrow();
      }),
    );
  });
});
