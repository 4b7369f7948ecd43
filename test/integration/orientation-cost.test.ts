// Issue 12 item 7, a turned page costs what an upright one costs, structurally (the bench's
// orientation group times it): the company's form is turned by its QR code, and the place
// where the code lies is decoded FIRST whichever way the page lay (one QR decoding, as for an
// upright page, not one failed decoding per turn tried before it); the skew is measured on the
// working copy's ink turned, never on turned pixels, and gives the same angle as turning the
// pixels would. Decodings are counted where they happen: the real jsQR, wrapped.
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { decodeScanPixels, deskewAngle, greyPng, turnedRaw, workingCopy, type GreyRaw } from '../../electron/services/imaging';
import { detectFormTurn, formTurnCandidates } from '../../electron/services/intake/form-reader';
import { greyPixels } from '../../electron/services/intake/page-geometry';
import { realisticForm, scanForm, variantById } from '../scans/realistic-form';

const decodings = vi.hoisted(() => ({ count: 0 }));
vi.mock('jsqr', async (importOriginal) => {
  const real = ((await importOriginal()) as { default: (...a: unknown[]) => unknown }).default;
  return {
    default: (...args: unknown[]) => {
      decodings.count++;
      return real(...args);
    },
  };
});

/** The scan turned clockwise by `deg` (lossless: the same pixels, only turned), as the pipeline's working copy. */
async function workingCopyOf(bytes: Buffer, deg: number): Promise<GreyRaw> {
  const png = await sharp(bytes).rotate(deg).png({ compressionLevel: 1 }).toBuffer();
  for await (const p of decodeScanPixels(png, 'scan.png')) return workingCopy(p.pixels);
  throw new Error('no page');
}

/** sharp's rotate(d) turns the scan by d clockwise: the page needs 360 - d to stand upright. */
const back = (deg: number) => ((360 - deg) % 360) as 0 | 90 | 180 | 270;

describe('a turned page costs what an upright one does', () => {
  // Scanner variants far apart: 300 dpi grey, 150 dpi bilevel G4, a phone photo.
  for (const id of ['grey-300-q85', 'bilevel-150-g4', 'phone-photo']) {
    it(`the form (${id}) lying any of the four ways: the QR code's true place is decoded first, once`, async () => {
      const scan = (await scanForm(realisticForm(11), variantById(id))).bytes;
      const perTurn: number[] = [];
      for (const deg of [0, 90, 180, 270]) {
        const small = await workingCopyOf(scan, deg);
        const smallPage = await greyPng(small, true);
        expect({ deg, first: formTurnCandidates(await greyPixels(smallPage.png))[0]?.turn }).toEqual({ deg, first: back(deg) });
        decodings.count = 0;
        expect(await detectFormTurn(smallPage)).toBe(back(deg));
        perTurn.push(decodings.count);
      }
      // One decoding whichever way it lay: the upright page's cost.
      expect(perTurn).toEqual([1, 1, 1, 1]);
    }, 60_000);
  }

  it('a page that is not the form tries every place and finds none (the order never decides alone)', async () => {
    const blank = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } }).greyscale().png().toBuffer();
    decodings.count = 0;
    expect(await detectFormTurn({ png: blank, width: 1240, height: 1754 })).toBeNull();
    expect(decodings.count).toBe(8); // four places, plain and smoothed
  });

  it('the skew of the turned page, from the ink turned, equals the skew measured on turned pixels', async () => {
    for (const id of ['grey-300-q60-tilt3']) {
      const scan = (await scanForm(realisticForm(12), variantById(id))).bytes;
      for (const deg of [0, 90, 180, 270]) {
        const small = await workingCopyOf(scan, deg);
        const fromInk = await deskewAngle(small, back(deg));
        const fromPixels = await deskewAngle(await turnedRaw(small, back(deg)));
        expect({ id, deg, fromInk }).toEqual({ id, deg, fromInk: fromPixels });
        // The form's own tilt, straightened (clockwise positive correction).
        expect(Math.abs(Math.abs(fromInk) - Math.abs(variantById(id).tilt))).toBeLessThanOrEqual(0.15);
      }
    }
  }, 60_000);
});
