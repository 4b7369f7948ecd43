import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { KaijiError } from '@shared/errors';
import type { MaskRect } from '@shared/domain/mask-suggestions';
import type { GreyPage } from './normalise';

/**
 * D6: numbers a company must not keep are burned out of the stored page, not covered by an
 * overlay. The page is decoded to raw pixels, the rectangles are set to 0 (black), and a new
 * PNG is encoded from those pixels alone: no layers, no text chunks, no EXIF/XMP/ICC, nothing of
 * the original file survives except the pixels outside the rectangles (and the density, so the
 * viewer keeps its scale).
 */
export async function burnMask(png: Buffer, rects: readonly MaskRect[]): Promise<GreyPage> {
  if (rects.length === 0) throw new KaijiError('INVALID_INPUT', { field: 'rects', problem: 'no rectangles to mask' });
  const { data, width, height, density } = await greyPixels(png);
  checkRects(rects, width, height);
  for (const r of rects) {
    for (let y = r.y; y < r.y + r.height; y++) data.fill(0, y * width + r.x, y * width + r.x + r.width);
  }
  // toColourspace: without it sharp writes sRGB. No withDensity: sharp stores it as EXIF too.
  const { data: masked, info } = await sharp(data, { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    .png({ compressionLevel: 6 })
    .toBuffer({ resolveWithObject: true });
  return { png: withResolution(masked, density), width: info.width, height: info.height };
}

/** True if every pixel inside every rectangle is black: the self-check after a masked page is saved. */
export async function maskedPixelsClean(png: Buffer, rects: readonly MaskRect[]): Promise<boolean> {
  if (rects.length === 0) throw new KaijiError('INVALID_INPUT', { field: 'rects', problem: 'no rectangles to check' });
  const { data, width, height } = await greyPixels(png);
  checkRects(rects, width, height);
  for (const r of rects) {
    for (let y = r.y; y < r.y + r.height; y++) {
      for (let i = y * width + r.x; i < y * width + r.x + r.width; i++) if (data[i] !== 0) return false;
    }
  }
  return true;
}

/** The PNG with its pHYs chunk (if any) replaced by `dpi`, right after IHDR, where the spec wants it. */
function withResolution(png: Buffer, dpi: number | undefined): Buffer {
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const end = at + 12 + png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type !== 'pHYs') chunks.push(png.subarray(at, end));
    if (type === 'IHDR' && dpi) chunks.push(pHYs(Math.round(dpi / 0.0254)));
    at = end;
  }
  return Buffer.concat([png.subarray(0, 8), ...chunks]);
}

function pHYs(pixelsPerMetre: number): Buffer {
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  chunk.write('pHYs', 4, 'latin1');
  chunk.writeUInt32BE(pixelsPerMetre, 8);
  chunk.writeUInt32BE(pixelsPerMetre, 12);
  chunk.writeUInt8(1, 16); // unit: metre
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 17)) >>> 0, 17);
  return chunk;
}

/** One byte per pixel. Transparency is flattened onto white, so a see-through "mask" is not black. */
async function greyPixels(png: Buffer): Promise<{ data: Buffer; width: number; height: number; density?: number }> {
  const img = sharp(png);
  const { density } = await img.metadata();
  const { data, info } = await img
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w')
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, density };
}

/** Whole pixels, at least 1 x 1, wholly inside the page: a half-covered number is no mask. */
function checkRects(rects: readonly MaskRect[], width: number, height: number): void {
  rects.forEach((r, index) => {
    const ints = [r.x, r.y, r.width, r.height].every(Number.isInteger);
    const problem = !ints
      ? 'not whole pixels'
      : r.width < 1 || r.height < 1
        ? 'smaller than 1 pixel'
        : r.x < 0 || r.y < 0 || r.x + r.width > width || r.y + r.height > height
          ? 'outside the page'
          : undefined;
    if (problem) throw new KaijiError('INVALID_INPUT', { field: 'rects', index, problem });
  });
}
