import sharp from 'sharp';
import type { GreyPage } from './normalise';

/**
 * Page transforms on normalised greyscale PNGs. All are re-encodes to PNG, so quarter turns are
 * lossless (a pixel permutation); arbitrary angles resample, which is fine for deskew.
 */

export type QuarterTurn = 90 | 180 | 270;

/** Rotates clockwise by a quarter turn (the clerk's "this page is sideways" button). */
export async function rotatePage(png: Buffer, degrees: QuarterTurn): Promise<GreyPage> {
  // toColourspace: sharp otherwise writes sRGB, tripling the size of a greyscale page.
  const { data, info } = await sharp(png)
    .rotate(degrees)
    .toColourspace('b-w')
    .png()
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

/**
 * Rotates clockwise by any angle (deskew), filling the uncovered corners with white. The page
 * keeps its size (centre crop of the enlarged canvas), so form-field coordinates measured on
 * a straight page still apply.
 */
export async function rotateBy(png: Buffer, degrees: number): Promise<GreyPage> {
  const { width = 0, height = 0, density } = await sharp(png).metadata();
  if (degrees === 0 || !width || !height) return { png, width, height };
  const rotated = await sharp(png)
    .rotate(degrees, { background: '#ffffff' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { info } = rotated;
  let out = sharp(rotated.data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .extract({
      left: Math.max(0, Math.floor((info.width - width) / 2)),
      top: Math.max(0, Math.floor((info.height - height) / 2)),
      width: Math.min(width, info.width),
      height: Math.min(height, info.height),
    })
    .toColourspace('b-w');
  // Raw pixels carry no resolution; our own PNG has no EXIF to leak, so withDensity is safe here.
  if (density) out = out.withDensity(density);
  const { data, info: o } = await out.png().toBuffer({ resolveWithObject: true });
  return { png: data, width: o.width, height: o.height };
}

/** Small preview for lists and the page strip; never enlarges. */
export async function thumbnail(
  png: Buffer,
  maxEdge = 320,
  format: 'png' | 'webp' = 'webp',
): Promise<Buffer> {
  const img = sharp(png)
    .resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true })
    .toColourspace('b-w');
  return format === 'webp' ? img.webp({ quality: 70 }).toBuffer() : img.png({ compressionLevel: 9 }).toBuffer();
}
