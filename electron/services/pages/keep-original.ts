import sharp from 'sharp';
import { MIN_DESKEW_DEGREES, uprightPage, type Turn } from '../imaging';
import { toGreyPng, toGreyRaw } from '../imaging/normalise';
import { sniffFormat } from '../imaging/sniff';
import type { ProcessedPage } from './page-pipeline';

/** How a stored scanner JPEG is made into the page: a quarter turn, then the deskew angle. */
export interface PageTransform {
  turn: Turn;
  skew: number;
}

/**
 * Keep what the scanner produced (#15 item 6). Measured on a 300 dpi A4 greyscale JPEG scan:
 * the scanner's JPEG 0.9-1.6 MB, the same page as lossless PNG 2.7-4.5 MB, lossless WebP
 * 1.5-2.5 MB at 3-8 s per page. No lossless form of the decoded pixels comes near the JPEG they
 * came from (its artefacts are noise to a lossless coder), so a one-page JPEG is stored as the
 * scanner's JPEG, minus its metadata (EXIF/XMP/ICC/comments can name the scanner, its operator or
 * a place), whenever the page can be derived from it exactly: as it is (upright), or turned and
 * straightened the way the import did it (`transform`, kept in the row). Decided by comparing
 * pixels, not by assuming: the page is derived from the stripped JPEG with the very functions
 * reading uses (`normalisedPng`) and must equal the imported page pixel for pixel; any difference
 * (an EXIF orientation, colour management, another libvips) keeps the PNG. The same pixels mean
 * the same coordinates for OCR words, form zones and the workbench's field boxes.
 */
export async function keepScannerImage(bytes: Buffer, page: ProcessedPage): Promise<ProcessedPage> {
  if (sniffFormat(bytes) !== 'jpeg') return page;
  const stripped = stripJpegMetadata(bytes);
  if (!stripped) return page;
  const transform = effective(page.transform ?? null);
  try {
    const again = await normalisedPng(stripped, transform, true);
    const [a, b] = await Promise.all([sharp(again).raw().toBuffer({ resolveWithObject: true }), sharp(page.png).raw().toBuffer({ resolveWithObject: true })]);
    const same = a.info.width === b.info.width && a.info.height === b.info.height && a.info.channels === b.info.channels && a.data.equals(b.data);
    return same ? { ...page, original: stripped, transform } : { ...page, transform: null };
  } catch {
    return { ...page, transform: null };
  }
}

/** A transform that changes nothing (upright, skew under the deskew threshold) is none. */
function effective(t: PageTransform | null): PageTransform | null {
  if (!t) return null;
  const straighten = Math.abs(t.skew) >= MIN_DESKEW_DEGREES;
  if (t.turn === 0 && !straighten) return null;
  return { turn: t.turn, skew: straighten ? t.skew : 0 };
}

/** The row's `image_transform` (JSON) read back; anything else is no transform. */
export function parseTransform(text: string | null | undefined): PageTransform | null {
  if (!text) return null;
  try {
    const t = JSON.parse(text) as PageTransform;
    if ([0, 90, 180, 270].includes(t.turn) && typeof t.skew === 'number' && Number.isFinite(t.skew)) return t;
  } catch {
    // not ours
  }
  return null;
}

/**
 * A stored image that is a JPEG (the scanner's own) is turned into the normalised PNG the services
 * work on: decoded, then turned and straightened as recorded. `fast` encodes with zlib level 1
 * (a viewer's copy: same pixels, made ~4x quicker).
 */
export async function normalisedPng(stored: Buffer, transform: PageTransform | null = null, fast = false): Promise<Buffer> {
  if (stored[0] !== 0xff || stored[1] !== 0xd8) return stored;
  if (!transform) return (await toGreyPng(stored, { failOn: 'error' })).png;
  const raw = await toGreyRaw(stored, { failOn: 'error' });
  // The decode's resolution, as the import had it (tesseract judges text size by it).
  const { density } = await sharp(stored).metadata();
  return (await uprightPage({ ...raw, ...(density ? { density } : {}) }, transform.turn, transform.skew, fast)).png;
}

/**
 * Drops APP1-APP13, APP15 and COM segments before the scan data (EXIF, XMP, ICC, comments) and
 * keeps everything else byte for byte (APP0 JFIF, APP14 Adobe colour transform, tables, frame,
 * scan): lossless. Returns null when the file's structure is not what this expects.
 */
export function stripJpegMetadata(jpeg: Buffer): Buffer | null {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  const parts: Buffer[] = [jpeg.subarray(0, 2)];
  let pos = 2;
  while (pos + 4 <= jpeg.length) {
    if (jpeg[pos] !== 0xff) return null;
    const marker = jpeg[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xda) {
      parts.push(jpeg.subarray(pos)); // start of scan: the rest is image data
      return Buffer.concat(parts);
    }
    const len = jpeg.readUInt16BE(pos + 2);
    if (len < 2 || pos + 2 + len > jpeg.length) return null;
    const drop = (marker >= 0xe1 && marker <= 0xed) || marker === 0xef || marker === 0xfe;
    if (!drop) parts.push(jpeg.subarray(pos, pos + 2 + len));
    pos += 2 + len;
  }
  return null;
}
