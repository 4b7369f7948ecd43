import sharp, { type SharpOptions } from 'sharp';

/**
 * One page, the way every later step (viewer, OCR, form detection) wants it: 8-bit greyscale
 * PNG, upright (EXIF orientation applied), transparency flattened onto white, density kept,
 * and no other metadata (EXIF can carry scanner serials, GPS, operator names).
 */
export interface GreyPage {
  png: Buffer;
  width: number;
  height: number;
}

/**
 * `renderDpi` is only for our own renders (PDF pages), which carry no density. Scanned images
 * keep theirs without help (libvips carries the resolution through to the PNG pHYs chunk), and
 * sharp's withDensity() would also copy the input's EXIF into the output, so it is not used on
 * them.
 */
export async function toGreyPng(
  input: Buffer,
  inputOptions: SharpOptions,
  renderDpi?: number,
): Promise<GreyPage> {
  let img = sharp(input, { ...inputOptions, autoOrient: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w');
  if (renderDpi) img = img.withDensity(renderDpi);
  const { data, info } = await img.png({ compressionLevel: 6 }).toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}
