import sharp, { type Sharp } from 'sharp';
import type { GreyPage, GreyRaw } from './normalise';

/**
 * Orientation first, one resampling, one encoding (issue 12 item 7). A page's turn and skew are
 * decided on a small working copy; the full-size pixels are then turned and straightened in a
 * single libvips rotation and encoded to PNG once. A page lying sideways or upside down costs
 * what an upright one costs: no second decode, no intermediate PNG, no second reading.
 */

export type Turn = 0 | 90 | 180 | 270;

/** Skew below this is left alone: resampling costs sharpness for no gain. */
export const MIN_DESKEW_DEGREES = 0.3;

/**
 * Short side of the working copy: A4's width at ~150 dpi. The form's QR modules keep 4-5 pixels
 * each (the QR search was tuned at 150 dpi) and the deskew works at 1000 pixels anyway.
 */
const WORKING_SHORT_SIDE = 1240;

const rawInput = (p: GreyRaw) => sharp(p.data, { raw: { width: p.width, height: p.height, channels: 1 } });

async function toRaw(img: Sharp, density?: number): Promise<GreyRaw> {
  const { data, info } = await img.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, ...(density ? { density } : {}) };
}

/** A small copy (short side ≤ ~150 dpi of A4) to decide the turn and the skew on; never enlarges. */
export async function workingCopy(page: GreyRaw): Promise<GreyRaw> {
  const short = Math.min(page.width, page.height);
  if (short <= WORKING_SHORT_SIDE) return page;
  const scale = WORKING_SHORT_SIDE / short;
  // Its resolution scales with it (tesseract's OSD judges text size by it).
  const resized = rawInput(page).resize({ width: Math.round(page.width * scale), height: Math.round(page.height * scale), fit: 'fill' });
  return toRaw(resized, page.density ? page.density * scale : undefined);
}

/** A (small) raw page turned clockwise by a quarter turn: a pixel permutation. */
export async function turnedRaw(page: GreyRaw, turn: Turn): Promise<GreyRaw> {
  return turn === 0 ? page : toRaw(rawInput(page).rotate(turn), page.density);
}

/**
 * Encodes raw grey pixels as the page PNG. `fast` for short-lived working copies (zlib level 1:
 * ~4x quicker, larger); stored pages use level 6 like every decoded scan. `turn`: turned
 * clockwise on the way.
 */
export async function greyPng(page: GreyRaw, fast = false, turn: Turn = 0): Promise<GreyPage> {
  // A quarter turn in the same libvips pipeline as the encoding: no turned copy in between.
  const input = turn === 0 ? rawInput(page) : rawInput(page).rotate(turn);
  // toColourspace: sharp otherwise writes sRGB, tripling the size of a greyscale page.
  let img = input.toColourspace('b-w');
  // Raw pixels carry no metadata, so withDensity copies nothing personal (no EXIF here).
  if (page.density) img = img.withDensity(page.density);
  const { data, info } = await img.png({ compressionLevel: fast ? 1 : 6 }).toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

/**
 * The page upright: turned clockwise by `turn` and by `skew` degrees (below MIN_DESKEW_DEGREES
 * the skew is left alone) in one resampling, then encoded once. A skewed page keeps the size of
 * the turned page (centre crop of libvips's enlarged canvas, corners filled white), so form
 * coordinates measured on a straight page still apply.
 */
export async function uprightPage(page: GreyRaw, turn: Turn, skew: number, fast = false): Promise<GreyPage> {
  const straighten = Math.abs(skew) >= MIN_DESKEW_DEGREES;
  if (!straighten) return greyPng(page, fast, turn);
  const sideways = turn === 90 || turn === 270;
  const width = sideways ? page.height : page.width;
  const height = sideways ? page.width : page.height;
  const rotated = await toRaw(rawInput(page).rotate(turn + skew, { background: '#ffffff' }));
  const cropped = await toRaw(
    rawInput(rotated).extract({
      left: Math.max(0, Math.floor((rotated.width - width) / 2)),
      top: Math.max(0, Math.floor((rotated.height - height) / 2)),
      width: Math.min(width, rotated.width),
      height: Math.min(height, rotated.height),
    }),
  );
  return greyPng({ ...cropped, ...(page.density ? { density: page.density } : {}) }, fast);
}
