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

/** A page's 8-bit grey pixels (one byte each), not yet encoded: what the scan pipeline turns. */
export interface GreyRaw {
  data: Buffer;
  width: number;
  height: number;
  /** Pixels per inch when the file says (or the render resolution of a PDF page). */
  density?: number;
}

/**
 * The same normalisation as `toGreyPng`, left as raw pixels: the scan pipeline decides the
 * page's turn and skew first and then encodes it once, whichever way it lay (issue 12 item 7).
 */
export async function toGreyRaw(input: Buffer, inputOptions: SharpOptions, renderDpi?: number): Promise<GreyRaw> {
  const img = sharp(input, { ...inputOptions, autoOrient: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w');
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error('toGreyRaw: expected one channel');
  return { data, width: info.width, height: info.height, ...(renderDpi ? { density: renderDpi } : {}) };
}
