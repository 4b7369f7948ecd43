/**
 * A text field's image prepared for OCR (issue 12: text fields on realistic scans).
 *
 * Measured on the scan generator's pages, tesseract misread handwriting-like text mostly for
 * reasons that are not the writing: the printed box border and the applicant's strokes cut by a
 * crop set inside the box, scanner dust read as dots and bars, a red seal read as "(" or "C",
 * small 150 dpi glyphs, and a phone photo's perspective leaving the line slanted in its crop.
 * So each zone is
 *  1. resampled from the page through the form -> pixel map (the corner marks' registration,
 *     projective for a photo) at a fixed scale: straight, registered, and 150 dpi scans
 *     upscaled to ~300 dpi in the same step;
 *  2. binarised against the paper measured column-block by column-block (uneven light);
 *  3. cleaned: the printed border lines (long dark runs) and isolated specks removed;
 *  4. cut to the ink's box with a white margin, which is all tesseract is then given.
 * Pure pixel work on in-memory buffers: nothing touches disk.
 */
import sharp from 'sharp';
import type { Zone } from '@shared/domain/application-form';
import { applyAffine, type Affine, type GreyPixels } from './page-geometry';

/** Output pixels per form point: 300 dpi, where tesseract reads these glyph sizes best. */
export const FIELD_SCALE = 300 / 72;

export interface FieldImage {
  /** PNG, greyscale, black ink on white. */
  png: Buffer;
  width: number;
  height: number;
  /** Ink pixels left after cleaning (0: the field is empty). */
  ink: number;
}

export interface FieldImageOptions {
  /** Points taken beyond the zone on each side (the border lines are removed afterwards). */
  margin?: number;
  /** Points left out at the zone's right end (the seal beside the signature). */
  cutRight?: number;
  scale?: number;
}

/**
 * Samples `zone` (plus margin) from the page through `t` with bilinear interpolation: a
 * rectified, upscaled grey crop, whatever the scan's resolution, tilt residue or perspective.
 */
export function rectifyZone(g: GreyPixels, t: Affine, zone: Zone, opts: FieldImageOptions = {}): GreyPixels {
  const s = opts.scale ?? FIELD_SCALE;
  const m = opts.margin ?? -1.2;
  const x0 = zone.x - m;
  const y0 = zone.y - m;
  const wPt = zone.width + 2 * m - (opts.cutRight ?? 0);
  const hPt = zone.height + 2 * m;
  const width = Math.max(1, Math.round(wPt * s));
  const height = Math.max(1, Math.round(hPt * s));
  const out = Buffer.alloc(width * height, 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [px, py] = applyAffine(t, x0 + (x + 0.5) / s, y0 + (y + 0.5) / s);
      const sx = px - 0.5;
      const sy = py - 0.5;
      const ix = Math.floor(sx);
      const iy = Math.floor(sy);
      if (ix < 0 || iy < 0 || ix + 1 >= g.width || iy + 1 >= g.height) continue;
      const fx = sx - ix;
      const fy = sy - iy;
      const i = iy * g.width + ix;
      const top = g.data[i]! * (1 - fx) + g.data[i + 1]! * fx;
      const bottom = g.data[i + g.width]! * (1 - fx) + g.data[i + g.width + 1]! * fx;
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { data: out, width, height };
}

/** Source pixels per form point around `zone` (the scan's resolution as the map gives it). */
function sourceScale(t: Affine, zone: Zone): number {
  const [ax, ay] = applyAffine(t, zone.x, zone.y);
  const [bx, by] = applyAffine(t, zone.x + zone.width, zone.y);
  return Math.hypot(bx - ax, by - ay) / zone.width;
}

/**
 * Whether the page around `zone` was scanned black-and-white (G4 fax mode). Straightened, such a
 * page gains greys along its edges, but its paper stays pure white and part of its strokes pure
 * black (measured: 25-60 % of the dark pixels are 0; a grey, colour or photographed page's ink is
 * never exactly 0).
 */
function isBilevel(g: GreyPixels, t: Affine, zone: Zone): boolean {
  const [x0, y0] = applyAffine(t, zone.x, zone.y);
  const [x1, y1] = applyAffine(t, zone.x + zone.width, zone.y + zone.height);
  let dark = 0;
  let black = 0;
  let white = 0;
  let n = 0;
  for (let y = Math.max(0, Math.floor(Math.min(y0, y1))); y < Math.min(g.height, Math.ceil(Math.max(y0, y1))); y++) {
    for (let x = Math.max(0, Math.floor(Math.min(x0, x1))); x < Math.min(g.width, Math.ceil(Math.max(x0, x1))); x++) {
      const v = g.data[y * g.width + x]!;
      n++;
      if (v === 255) white++;
      if (v < 100) dark++;
      if (v === 0) black++;
    }
  }
  return n > 0 && white / n > 0.75 && dark > 0 && black / dark > 0.1;
}

/** Ink is darker than this share of the paper around it. */
const INK_LEVEL = 0.78;
/**
 * Blur of an enlarged black-and-white scan, in source pixels. Measured on the generator's bilevel
 * 150 dpi forms (20): 0.5 with the usual ink level reads 65 % of text values right against 63 %
 * unblurred; 0.6 with a looser ink level (0.9, to close gaps) 51 %: the form's dotted guides
 * then come back as ink.
 */
const BILEVEL_BLUR = 0.5;

/** 1 where a pixel is ink, judged against the paper of its column block (uneven light). */
export function binarise(c: GreyPixels, blockPx: number, inkLevel = INK_LEVEL): { ink: Uint8Array; paper: Uint8Array } {
  const { width, height, data } = c;
  const ink = new Uint8Array(width * height);
  const paperOf = new Uint8Array(width);
  const hist = new Uint32Array(256);
  for (let bx = 0; bx < width; bx += blockPx) {
    const x1 = Math.min(width, bx + blockPx);
    hist.fill(0);
    for (let y = 0; y < height; y++) for (let x = bx; x < x1; x++) hist[data[y * width + x]!]!++;
    // Paper: the 80th percentile of the block (mostly paper, even under dense writing).
    const n = (x1 - bx) * height;
    let acc = 0;
    let paper = 255;
    for (let v = 0; v < 256; v++) {
      acc += hist[v]!;
      if (acc >= 0.8 * n) {
        paper = v;
        break;
      }
    }
    paperOf.fill(Math.max(60, paper), bx, x1);
    const level = Math.max(60, paper) * inkLevel;
    for (let y = 0; y < height; y++) for (let x = bx; x < x1; x++) ink[y * width + x] = data[y * width + x]! < level ? 1 : 0;
  }
  return { ink, paper: paperOf };
}

/**
 * Clears the printed box: rows dark over most of the width and columns dark over most of the
 * height are border lines, never writing (a written line of text is broken between characters).
 */
export function removeBorderLines(ink: Uint8Array, width: number, height: number): void {
  for (let y = 0; y < height; y++) {
    let dark = 0;
    for (let x = 0; x < width; x++) dark += ink[y * width + x]!;
    if (dark > 0.5 * width) for (let x = 0; x < width; x++) ink[y * width + x] = 0;
  }
  for (let x = 0; x < width; x++) {
    let dark = 0;
    for (let y = 0; y < height; y++) dark += ink[y * width + x]!;
    if (dark > 0.6 * height) for (let y = 0; y < height; y++) ink[y * width + x] = 0;
  }
}

interface Component {
  pixels: number[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** 8-connected ink components, and each pixel's component (-1 for paper). */
function components(ink: Uint8Array, width: number, height: number): { label: Int32Array; comps: Component[] } {
  const label = new Int32Array(width * height).fill(-1);
  const stack: number[] = [];
  const comps: Component[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start] || label[start]! >= 0) continue;
    const id = comps.length;
    const comp: Component = { pixels: [], x0: width, y0: height, x1: -1, y1: -1 };
    label[start] = id;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop()!;
      comp.pixels.push(p);
      const px = p % width;
      const py = (p - px) / width;
      if (px < comp.x0) comp.x0 = px;
      if (px > comp.x1) comp.x1 = px;
      if (py < comp.y0) comp.y0 = py;
      if (py > comp.y1) comp.y1 = py;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = px + dx;
          const ny = py + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const q = ny * width + nx;
          if (ink[q] && label[q]! < 0) {
            label[q] = id;
            stack.push(q);
          }
        }
      }
    }
    comps.push(comp);
  }
  return { label, comps };
}

/**
 * Removes what is not writing: pieces of the printed border along the crop's edges (thin and
 * long in the edge's direction, e.g. a line a bilevel scan broke into dashes), and specks. A
 * stroke of writing is at least ~1.6 pt long; smaller ink is kept only next to such a stroke (a
 * dakuten ゛ or a kanji's dot is as small as scanner dust, but it stands beside its character).
 */
export function removeNoise(ink: Uint8Array, width: number, height: number, s: number): void {
  const { label, comps } = components(ink, width, height);
  const reach = Math.round(2.5 * s);
  const thin = 1.3 * s;
  const edge = 2.5 * s;
  const significant = comps.map((c) => Math.max(c.x1 - c.x0 + 1, c.y1 - c.y0 + 1) >= 1.6 * s || c.pixels.length >= 2 * s * s);
  for (const [id, c] of comps.entries()) {
    const w = c.x1 - c.x0 + 1;
    const h = c.y1 - c.y0 + 1;
    const horizontalRule = h <= thin && w >= 3 * h && (c.y0 < edge || c.y1 > height - 1 - edge);
    const verticalRule = w <= thin && h >= 3 * w && (c.x0 < edge || c.x1 > width - 1 - edge);
    if (horizontalRule || verticalRule) {
      significant[id] = false;
      for (const p of c.pixels) ink[p] = 0;
    }
  }
  for (const [id, c] of comps.entries()) {
    if (significant[id] || !ink[c.pixels[0]!]) continue;
    let neighbour = false;
    search: for (let y = Math.max(0, c.y0 - reach); y <= Math.min(height - 1, c.y1 + reach); y++) {
      for (let x = Math.max(0, c.x0 - reach); x <= Math.min(width - 1, c.x1 + reach); x++) {
        const l = label[y * width + x]!;
        if (l >= 0 && l !== id && significant[l]) {
          neighbour = true;
          break search;
        }
      }
    }
    if (!neighbour) for (const p of c.pixels) ink[p] = 0;
  }
}

/**
 * The zone's writing, rectified, cleaned and cut to its ink with a white margin, as a PNG for
 * OCR. `ink` is 0 when nothing but print and specks was there.
 */
export async function fieldImage(g: GreyPixels, t: Affine, zone: Zone, opts: FieldImageOptions = {}): Promise<FieldImage> {
  const s = opts.scale ?? FIELD_SCALE;
  let c = rectifyZone(g, t, zone, opts);
  const up = s / sourceScale(t, zone);
  if (up >= 1.4 && isBilevel(g, t, zone)) {
    // A black-and-white scan enlarged: its staircase edges read as other characters (8 → 3).
    // Blurred by half a source pixel before binarising, the edges round.
    const blurred = await sharp(c.data, { raw: { width: c.width, height: c.height, channels: 1 } })
      .blur(BILEVEL_BLUR * up)
      .toColourspace('b-w')
      .raw()
      .toBuffer();
    c = { ...c, data: blurred };
  }
  const { width, height } = c;
  const { ink, paper } = binarise(c, Math.round(16 * s));
  removeBorderLines(ink, width, height);
  removeNoise(ink, width, height, s);
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!ink[y * width + x]) continue;
      count++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (!count) return { png: await sharp(Buffer.alloc(16 * 16, 255), { raw: { width: 16, height: 16, channels: 1 } }).png().toBuffer(), width: 16, height: 16, ink: 0 };
  const pad = Math.round(4 * s);
  const w = x1 - x0 + 1 + 2 * pad;
  const h = y1 - y0 + 1 + 2 * pad;
  const out = Buffer.alloc(w * h, 255);
  // The kept ink and its anti-aliased rim in its own grey (paper made white): smoother edges than
  // a binary image, which reads better once a 150 dpi scan has been upscaled.
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let near = false;
      for (let dy = -1; dy <= 1 && !near; dy++) for (let dx = -1; dx <= 1 && !near; dx++) near = ink[(y + dy) * width + x + dx] === 1;
      if (near) out[(y - y0 + pad) * w + (x - x0 + pad)] = Math.min(255, Math.round((c.data[y * width + x]! * 255) / paper[x]!));
    }
  }
  // Its resolution stated: tesseract sizes its noise and blob filters by it (unstated, it assumes 70 dpi).
  const png = await sharp(out, { raw: { width: w, height: h, channels: 1 } }).withMetadata({ density: Math.round(s * 72) }).png().toBuffer();
  return { png, width: w, height: h, ink: count };
}
