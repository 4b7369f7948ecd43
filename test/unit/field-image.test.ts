import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Zone } from '../../shared/domain/application-form';
import { fieldImage } from '../../electron/services/intake/field-image';
import type { Affine, GreyPixels } from '../../electron/services/intake/page-geometry';

/**
 * Issue 12, text fields: the crop tesseract is given holds the writing and nothing else - not
 * the printed box, not scanner dust - wherever registration leaves the box (offset, small
 * rotation, 150-300 dpi), and small strokes of the writing itself (a dakuten ゛) are kept.
 */
const requireHere = createRequire(import.meta.url);
GlobalFonts.registerFromPath(
  join(dirname(requireHere.resolve('@expo-google-fonts/zen-kurenaido/package.json')), '400Regular', 'ZenKurenaido_400Regular.ttf'),
  'Zen Kurenaido',
);

const ZONE: Zone = { x: 60, y: 40, width: 300, height: 24 };

interface Sheet {
  g: GreyPixels;
  t: Affine;
}

/** A box drawn at `dpi`, rotated by `angle` radians about its corner and shifted; specks and text optional. */
function sheet(dpi: number, angle: number, dx: number, dy: number, specks: [number, number][], text = ''): Sheet {
  const s = dpi / 72;
  const width = Math.round(420 * s);
  const height = Math.round(110 * s);
  const canvas = createCanvas(width, height);
  const c = canvas.getContext('2d');
  c.fillStyle = '#fff';
  c.fillRect(0, 0, width, height);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // form point -> pixel: scale, rotate, shift (what alignForm would have found)
  const t: Affine = { a: s * cos, b: -s * sin, c: dx * s, d: s * sin, e: s * cos, f: dy * s };
  c.setTransform(t.a, t.d, t.b, t.e, t.c, t.f);
  c.strokeStyle = '#222';
  c.lineWidth = 0.8;
  c.strokeRect(ZONE.x, ZONE.y, ZONE.width, ZONE.height);
  c.fillStyle = '#222';
  if (text) {
    c.font = '14px "Zen Kurenaido"';
    c.fillText(text, ZONE.x + 6, ZONE.y + 17);
  }
  c.setTransform(1, 0, 0, 1, 0, 0);
  // Dust: one or two scanner pixels each, anywhere in the box.
  for (const [fx, fy] of specks) {
    const [px, py] = [t.a * (ZONE.x + 3 + fx * (ZONE.width - 6)) + t.b * (ZONE.y + 3 + fy * (ZONE.height - 6)) + t.c, t.d * (ZONE.x + 3 + fx * (ZONE.width - 6)) + t.e * (ZONE.y + 3 + fy * (ZONE.height - 6)) + t.f];
    c.fillRect(Math.round(px), Math.round(py), 1 + (fx > 0.5 ? 1 : 0), 1);
  }
  const rgba = c.getImageData(0, 0, width, height).data;
  const data = Buffer.alloc(width * height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4]!;
  return { g: { data, width, height }, t };
}

const placement = fc.record({
  dpi: fc.constantFrom(150, 200, 300),
  angle: fc.double({ min: -0.012, max: 0.012, noNaN: true }), // registration residue, under 0.7°
  dx: fc.double({ min: -0.8, max: 0.8, noNaN: true }),
  dy: fc.double({ min: -0.8, max: 0.8, noNaN: true }),
  specks: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 25 }),
});

describe('a text field cut out for OCR (issue 12)', () => {
  it('an empty box with its printed border and scanner dust holds no ink, however it is registered', async () => {
    await fc.assert(
      fc.asyncProperty(placement, async ({ dpi, angle, dx, dy, specks }) => {
        // The box is where the map says, give or take registration error.
        const { g, t } = sheet(dpi, angle, dx, dy, specks);
        const exact = { ...t, c: t.c - dx * (dpi / 72), f: t.f - dy * (dpi / 72) };
        const img = await fieldImage(g, exact, ZONE);
        expect(img.ink).toBe(0);
      }),
      { numRuns: 40, seed: 12 },
    );
  });

  it('keeps the writing whole, dakuten included, and only the writing', async () => {
    await fc.assert(
      fc.asyncProperty(placement, async ({ dpi, angle, dx, dy, specks }) => {
        const written = sheet(dpi, angle, dx, dy, specks, 'スズキ ヒナ');
        const exact = { ...written.t, c: written.t.c - dx * (dpi / 72), f: written.t.f - dy * (dpi / 72) };
        const img = await fieldImage(written.g, exact, ZONE);
        // The crop is the writing's box plus its margin: about 6 characters of 14 pt, one line.
        const heightPt = img.height / (300 / 72);
        const widthPt = img.width / (300 / 72);
        expect(heightPt).toBeGreaterThan(12);
        expect(heightPt).toBeLessThan(24);
        expect(widthPt).toBeGreaterThan(60);
        expect(widthPt).toBeLessThan(100);
        // ズ's dakuten survive the dust removal: the same line written スス instead has less ink.
        const plain = sheet(dpi, angle, dx, dy, specks, 'ススキ ヒナ');
        const without = await fieldImage(plain.g, exact, ZONE);
        expect(img.ink - without.ink).toBeGreaterThan(0.25 * (300 / 72) ** 2);
      }),
      { numRuns: 15, seed: 7 },
    );
  });
});
