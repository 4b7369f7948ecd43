/**
 * Keep what the scanner produced (#15 item 6): a scanner JPEG is kept (metadata stripped,
 * losslessly) when it gives exactly the normalised page, as it is or turned and straightened the
 * way the import did it (the transform is kept with it); anything else (another resampling, a wrong
 * transform, an EXIF orientation) keeps its PNG. Stripping never throws on any input.
 */
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { toGreyPng, toGreyRaw } from '../../electron/services/imaging/normalise';
import { MIN_DESKEW_DEGREES, rotateBy, uprightPage } from '../../electron/services/imaging';
import { keepScannerImage, normalisedPng, parseTransform, stripJpegMetadata } from '../../electron/services/pages/keep-original';
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

  it('keeps it with the turn and deskew when the page is exactly the JPEG turned and straightened (every quarter turn, tilts both ways)', async () => {
    const jpeg = await scanJpeg();
    const raw = await toGreyRaw(jpeg, { failOn: 'error' });
    for (const turn of [0, 90, 180, 270] as const) {
      for (const skew of [0, 0.8, -1.35, 0.1]) {
        // The import's own step (scan-pipeline: uprightPage on the decoded pixels).
        const page = await uprightPage(raw, turn, skew);
        const kept = await keepScannerImage(jpeg, { ...pageOf(page.png, page.width, page.height), transform: { turn, skew } });
        expect(kept.original).toBeTruthy();
        // Below the deskew threshold a skew changes nothing: no transform recorded for an upright page.
        const straightens = Math.abs(skew) >= MIN_DESKEW_DEGREES;
        expect(kept.transform).toEqual(turn === 0 && !straightens ? null : { turn, skew: straightens ? skew : 0 });
        // Read back: the same pixels, so OCR words, form zones and field boxes keep their coordinates.
        const back = await sharp(await normalisedPng(kept.original!, kept.transform)).raw().toBuffer({ resolveWithObject: true });
        expect([back.info.width, back.info.height]).toEqual([page.width, page.height]);
        expect(back.data.equals(await sharp(page.png).raw().toBuffer())).toBe(true);
        expect(parseTransform(JSON.stringify(kept.transform))).toEqual(kept.transform);
      }
    }
  });

  it('keeps the PNG when the JPEG does not give the page: another resampling, a wrong transform, an EXIF orientation, not a JPEG', async () => {
    const jpeg = await scanJpeg();
    const grey = await toGreyPng(jpeg, { failOn: 'error' });
    // Straightened some other way than the import does (or no transform known): not derivable.
    const skewed = await rotateBy(grey.png, 0.8);
    expect((await keepScannerImage(jpeg, pageOf(skewed.png, skewed.width, skewed.height))).original).toBeUndefined();
    const turned = await toGreyPng(await sharp(grey.png).rotate(180).png().toBuffer(), {});
    expect((await keepScannerImage(jpeg, pageOf(turned.png, turned.width, turned.height))).original).toBeUndefined();
    // A transform that does not match the page.
    const wrong = await keepScannerImage(jpeg, { ...pageOf(turned.png, turned.width, turned.height), transform: { turn: 90, skew: 0 } });
    expect(wrong.original).toBeUndefined();
    expect(wrong.transform).toBeNull();
    const oriented = await scanJpeg({ exifOrientation: 6 });
    const upright = await toGreyPng(oriented, { failOn: 'error' });
    expect((await keepScannerImage(oriented, pageOf(upright.png, upright.width, upright.height))).original).toBeUndefined();
    // Not a JPEG at all: nothing to keep.
    expect((await keepScannerImage(grey.png, pageOf(grey.png, grey.width, grey.height))).original).toBeUndefined();
    // Anything but a transform Kaiji wrote reads as none.
    for (const text of [null, '', '{', '{"turn":45,"skew":0}', '{"turn":90,"skew":"x"}', '{"turn":90,"skew":null}']) expect(parseTransform(text)).toBeNull();
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
