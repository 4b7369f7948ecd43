import sharp from 'sharp';
import { toGreyPng } from '../imaging/normalise';
import { sniffFormat } from '../imaging/sniff';
import type { ProcessedPage } from './page-pipeline';

/**
 * Keep what the scanner produced (#15 item 6). Measured on a 300 dpi A4 greyscale JPEG scan:
 * the scanner's JPEG 0.9-1.4 MB, the same page as lossless PNG 2.7-4.5 MB, lossless WebP
 * 1.5-2.5 MB at 3-8 s per page. No lossless form of the decoded pixels comes near the JPEG they
 * came from (its artefacts are noise to a lossless coder), so when the stored page IS the
 * scanner's image (one page, upright, not deskewed: decoding it gives exactly the normalised
 * pixels), the JPEG itself is kept, minus its metadata (EXIF/XMP/ICC/comments can name the
 * scanner, its operator or a place). Decided by comparing pixels, not by assuming: any
 * difference (a turn, a deskew, an EXIF orientation, colour management) keeps the PNG.
 */
export async function keepScannerImage(bytes: Buffer, page: ProcessedPage): Promise<ProcessedPage> {
  if (sniffFormat(bytes) !== 'jpeg') return page;
  const stripped = stripJpegMetadata(bytes);
  if (!stripped) return page;
  try {
    // Through the very step that made the stored page (toGreyPng), then both decoded alike.
    const again = await normalisedPng(stripped);
    const [a, b] = await Promise.all([sharp(again).raw().toBuffer({ resolveWithObject: true }), sharp(page.png).raw().toBuffer({ resolveWithObject: true })]);
    const same = a.info.width === b.info.width && a.info.height === b.info.height && a.info.channels === b.info.channels && a.data.equals(b.data);
    return same ? { ...page, original: stripped } : page;
  } catch {
    return page;
  }
}

/** A stored image that is a JPEG (the scanner's own) is turned into the normalised PNG for the services. */
export async function normalisedPng(stored: Buffer): Promise<Buffer> {
  if (stored[0] !== 0xff || stored[1] !== 0xd8) return stored;
  return (await toGreyPng(stored, { failOn: 'error' })).png;
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
