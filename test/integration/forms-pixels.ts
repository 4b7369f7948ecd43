/**
 * Pixel checks on rendered form pages (text extraction cannot see dropped glyphs; pixels can).
 * Zones are in the form's points, origin top-left; pixels = pt * dpi / 72.
 */
import jsQR from 'jsqr';
import sharp from 'sharp';
import type { Zone } from '../../shared/domain/application-form';
import { rasterizePdf } from '../../electron/services/imaging';

export interface Raster {
  dpi: number;
  width: number;
  height: number;
  /** Greyscale, one byte per pixel. */
  grey: Uint8Array;
  png: Buffer;
}

export async function renderFirstPage(pdf: Uint8Array, dpi: number): Promise<Raster> {
  for await (const page of rasterizePdf(pdf, { dpi, maxPages: 1 })) {
    const { data, info } = await sharp(page.png).greyscale().raw().toBuffer({ resolveWithObject: true });
    return { dpi, width: info.width, height: info.height, grey: new Uint8Array(data), png: page.png };
  }
  throw new Error('no page rendered');
}

/** Pixel box of a zone, shrunk by `insetPt` on every side (keeps printed borders out). */
export function pxBox(r: Raster, zone: Zone, insetPt = 0) {
  const k = r.dpi / 72;
  const x0 = Math.max(0, Math.round((zone.x + insetPt) * k));
  const y0 = Math.max(0, Math.round((zone.y + insetPt) * k));
  const x1 = Math.min(r.width, Math.round((zone.x + zone.width - insetPt) * k));
  const y1 = Math.min(r.height, Math.round((zone.y + zone.height - insetPt) * k));
  return { x0, y0, x1, y1 };
}

/** Share of pixels darker than `threshold` (0-255) inside the zone. */
export function inkRatio(r: Raster, zone: Zone, insetPt = 0, threshold = 128): number {
  const { x0, y0, x1, y1 } = pxBox(r, zone, insetPt);
  let dark = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (r.grey[y * r.width + x]! < threshold) dark++;
  return dark / Math.max(1, (x1 - x0) * (y1 - y0));
}

/** Centre (in points) of the dark pixels inside a search window, or null if none. */
export function darkCentroid(r: Raster, window: Zone): { x: number; y: number; count: number } | null {
  const { x0, y0, x1, y1 } = pxBox(r, window);
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (r.grey[y * r.width + x]! < 128) {
        sx += x + 0.5;
        sy += y + 0.5;
        n++;
      }
    }
  }
  const k = 72 / r.dpi;
  return n === 0 ? null : { x: (sx / n) * k, y: (sy / n) * k, count: n };
}

/** Decodes a QR code anywhere on the page. */
export async function readQr(r: Raster): Promise<string | null> {
  const { data, info } = await sharp(r.png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data ?? null;
}

export const grow = (z: Zone, by: number): Zone => ({ x: z.x - by, y: z.y - by, width: z.width + 2 * by, height: z.height + 2 * by });
