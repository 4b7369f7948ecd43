/**
 * Letter pages as pixels: every page rendered by the npm renderer (pdfjs-dist +
 * @napi-rs/canvas), greyscale copy for ink checks, QR decoding with jsqr.
 */
import jsQR from 'jsqr';
import sharp from 'sharp';
import type { Zone } from '../../shared/domain/application-form';
import { rasterizePdf } from '../../electron/services/imaging';
import { MM, windowOnSheetMm } from '../../electron/services/letters/render';

export interface PagePixels {
  dpi: number;
  width: number;
  height: number;
  grey: Uint8Array;
  /** RGB, for colour checks (the red copy mark). */
  rgb: Uint8Array;
  png: Buffer;
}

export async function renderPages(pdf: Uint8Array, dpi: number): Promise<PagePixels[]> {
  const out: PagePixels[] = [];
  for await (const page of rasterizePdf(pdf, { dpi })) {
    const grey = await sharp(page.png).greyscale().raw().toBuffer({ resolveWithObject: true });
    const rgb = await sharp(page.png).removeAlpha().raw().toBuffer();
    out.push({ dpi, width: grey.info.width, height: grey.info.height, grey: new Uint8Array(grey.data), rgb: new Uint8Array(rgb), png: page.png });
  }
  return out;
}

/** Pixel rectangle of a zone in points (clipped to the page), for OCR rectangles and loops. */
export function pxRect(p: PagePixels, z: Zone): { left: number; top: number; width: number; height: number } {
  const k = p.dpi / 72;
  const left = Math.max(0, Math.round(z.x * k));
  const top = Math.max(0, Math.round(z.y * k));
  const right = Math.min(p.width, Math.round((z.x + z.width) * k));
  const bottom = Math.min(p.height, Math.round((z.y + z.height) * k));
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** Bounding box (points) of the dark pixels inside `z`, or null when there are none. */
export function inkBox(p: PagePixels, z: Zone, threshold = 160): Zone | null {
  const r = pxRect(p, z);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let y = r.top; y < r.top + r.height; y++) {
    for (let x = r.left; x < r.left + r.width; x++) {
      if (p.grey[y * p.width + x]! >= threshold) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + 1);
      y1 = Math.max(y1, y + 1);
    }
  }
  if (x0 === Infinity) return null;
  const k = 72 / p.dpi;
  return { x: x0 * k, y: y0 * k, width: (x1 - x0) * k, height: (y1 - y0) * k };
}

/** Pixels that are clearly red (the copy mark), inside `z`. */
export function redPixels(p: PagePixels, z: Zone): number {
  const r = pxRect(p, z);
  let n = 0;
  for (let y = r.top; y < r.top + r.height; y++) {
    for (let x = r.left; x < r.left + r.width; x++) {
      const i = (y * p.width + x) * 3;
      if (p.rgb[i]! > 150 && p.rgb[i + 1]! < 90 && p.rgb[i + 2]! < 90) n++;
    }
  }
  return n;
}

export async function readQr(p: PagePixels): Promise<string | null> {
  const { data, info } = await sharp(p.png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data ?? null;
}

/** The page as PNG with `zones` painted white (OCR of the text without the QR code's noise). */
export async function whiteOut(p: PagePixels, zones: readonly Zone[]): Promise<Buffer> {
  const overlays = zones.map((z) => {
    const r = pxRect(p, z);
    return { input: { create: { width: r.width, height: r.height, channels: 3 as const, background: '#ffffff' } }, left: r.left, top: r.top };
  });
  return sharp(p.png).composite(overlays).png().toBuffer();
}

/** OCR text without any whitespace (tesseract spaces out Japanese). */
export const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export const contains = (outer: Zone, inner: Zone, tolerance = 0.01) =>
  inner.x >= outer.x - tolerance &&
  inner.y >= outer.y - tolerance &&
  inner.x + inner.width <= outer.x + outer.width + tolerance &&
  inner.y + inner.height <= outer.y + outer.height + tolerance;

export const grow = (z: Zone, by: number): Zone => ({ x: z.x - by, y: z.y - by, width: z.width + 2 * by, height: z.height + 2 * by });

/** The envelope window on the sheet, in points, for a sheet at (left, top) mm in the envelope. */
export function windowOnSheetPt(left: number, top: number): Zone {
  const z = windowOnSheetMm(left, top);
  return { x: z.x * MM, y: z.y * MM, width: z.width * MM, height: z.height * MM };
}
