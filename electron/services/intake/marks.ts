/**
 * Reading tick boxes and options the way people mark them (issue 12): ✓, ✗, a filled box, or a
 * 〇 drawn around the option's printed label; pen or faint pencil; greyscale, colour, bilevel or
 * a phone photo. Phantom ticks are the worst failure (a request nobody made), so a mark that is
 * not clearly there is reported 'unsure': the caller flags it for review and reads it as NOT
 * ticked.
 *
 * Measured features, not fixed grey levels:
 *  - paper white is measured around each box (uneven light, coloured paper, scanner settings);
 *  - the printed box is found where it really is (±2 pt around where the alignment marks put it),
 *    so tilt residue or perspective never lets its border count as ink inside it;
 *  - ink inside the box interior is compared with the printed empty box, which has none there;
 *    single-pixel specks do not count;
 *  - a circle is ink around the label's printed text that the printed form does not have (the
 *    blank form rendered once, its ink taken away), spread all round the label, left and right
 *    included, which strokes of neighbouring rows never are.
 */
import sharp from 'sharp';
import type { Zone } from '@shared/domain/application-form';
import { generateApplicationForm } from '../forms/application-form-pdf';
import { rasterizePdf } from '../imaging';
import { applyAffine, type Affine, type GreyPixels } from './page-geometry';

export type MarkState = 'ticked' | 'empty' | 'unsure';

export interface MarkReading {
  state: MarkState;
  /** 0-100; below 75 the value is flagged for review. */
  confidence: number;
  /** Share of the box interior covered by ink (0-1). */
  interior: number;
  /** Sectors (of 8) around the label's text holding ink the printed form does not have. */
  circleSectors: number;
}

/** Interior coverage from which a box is ticked / clearly ticked, and up to which it is empty. */
const TICKED = 0.045;
const CLEARLY_TICKED = 0.1;
const EMPTY = 0.02;
const CLEARLY_EMPTY = 0.012;
/** Distance kept from the printed border when measuring the interior (pt). */
const INTERIOR_INSET = 1.8;
/** How far the printed box is looked for around its expected place (pt). */
const BOX_SEARCH = 2;
/** A pixel is ink when darker than this share of the local paper white. */
const INK_LEVEL = 0.72;

// ---- the printed empty form ----------------------------------------------------------------

const TEMPLATE_DPI = 100;
/** Printed ink grown by this many template pixels (~0.7 pt): blur and registration error. */
const TEMPLATE_GROW = 1;
/** Strokes this close to the label's printed text (pt) may be the text itself. */
const TEXT_MARGIN = 1.2;

export interface PrintedForm {
  /** 1 where the blank form has ink (grown), per template pixel. */
  ink: Uint8Array;
  /** 1 where the blank form has print, not grown. */
  any: Uint8Array;
  width: number;
  height: number;
  /** template pixels per point */
  s: number;
}

let printed: Promise<PrintedForm> | undefined;

/**
 * The blank form as it was printed, rendered once per process. Only the tick rows are read from
 * it, and they do not depend on the company's name or address.
 */
export function printedForm(): Promise<PrintedForm> {
  printed ??= (async () => {
    const pdf = await generateApplicationForm({ name: '株式会社', address: '〒100-0001 東京都', contactPoint: '個人情報保護管理者' }, { fields: 'none' });
    for await (const page of rasterizePdf(pdf, { dpi: TEMPLATE_DPI })) {
      const { data, info } = await sharp(page.png).greyscale().raw().toBuffer({ resolveWithObject: true });
      const { width, height } = info;
      const any = new Uint8Array(width * height);
      for (let i = 0; i < any.length; i++) any[i] = data[i]! < 200 ? 1 : 0;
      const ink = new Uint8Array(width * height);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          if (!any[y * width + x]) continue;
          for (let yy = Math.max(0, y - TEMPLATE_GROW); yy <= Math.min(height - 1, y + TEMPLATE_GROW); yy++) {
            for (let xx = Math.max(0, x - TEMPLATE_GROW); xx <= Math.min(width - 1, x + TEMPLATE_GROW); xx++) ink[yy * width + xx] = 1;
          }
        }
      }
      return { ink, any, width, height, s: TEMPLATE_DPI / 72 };
    }
    throw new Error('the blank form has no page');
  })();
  printed.catch(() => (printed = undefined));
  return printed;
}

const textBoxes = new Map<string, Zone | null>();

/**
 * Bounding box (pt) of the printed text inside a label zone: its first line (the Japanese label,
 * the English one is printed below it) or all of it.
 */
function printedTextBox(tpl: PrintedForm, label: Zone, which: 'first' | 'all'): Zone | null {
  const key = `${which}:${label.x},${label.y},${label.width},${label.height}`;
  if (textBoxes.has(key)) return textBoxes.get(key)!;
  const xa = Math.floor(label.x * tpl.s);
  const xb = Math.ceil((label.x + label.width) * tpl.s);
  let x0 = Infinity;
  let y0 = -1;
  let x1 = -Infinity;
  let y1 = -1;
  for (let y = Math.floor(label.y * tpl.s); y < (label.y + label.height) * tpl.s; y++) {
    let rowInk = false;
    for (let x = xa; x < xb; x++) {
      if (!tpl.any[y * tpl.width + x]) continue;
      rowInk = true;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x + 1);
    }
    if (rowInk) {
      if (y0 < 0) y0 = y;
      y1 = y + 1;
    } else if (which === 'first' && y0 >= 0) break; // the blank row under the first line
  }
  const box = y0 >= 0 ? { x: x0 / tpl.s, y: y0 / tpl.s, width: (x1 - x0) / tpl.s, height: (y1 - y0) / tpl.s } : null;
  textBoxes.set(key, box);
  return box;
}

// ---- one mark ------------------------------------------------------------------------------

export interface MarkContext {
  g: GreyPixels;
  t: Affine;
  tpl: PrintedForm;
  /** Every tick box of the form: strokes inside other boxes are never part of a circle. */
  boxes: readonly Zone[];
}

/** Reads one tick box, and the label beside it for a circle drawn around it. */
export function readMark(ctx: MarkContext, box: Zone, label: Zone): MarkReading {
  const { g, t } = ctx;
  const [ox, oy] = applyAffine(t, box.x, box.y);
  const [ex, ey] = applyAffine(t, box.x + box.width, box.y);
  const s = Math.hypot(ex - ox, ey - oy) / box.width; // page pixels per point here
  const paper = paperWhite(g, t, box, s);
  const darkAt = (px: number, py: number) => {
    const x = Math.round(px);
    const y = Math.round(py);
    if (x < 0 || y < 0 || x >= g.width || y >= g.height) return false;
    return g.data[y * g.width + x]! < paper * INK_LEVEL;
  };
  // A dark pixel with fewer than two dark neighbours is a speck, not a stroke.
  const inkAt = (px: number, py: number) => {
    if (!darkAt(px, py)) return false;
    let n = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if ((dx || dy) && darkAt(px + dx, py + dy)) n++;
    return n >= 2;
  };

  const found = locateBox(g, t, box, s, paper);
  // No printed box where the alignment says: the page is not where we think it is, and any ink
  // "inside" could be anything. A person looks.
  if (!found) return { state: 'unsure', confidence: 30, interior: 0, circleSectors: 0 };
  const [dx, dy] = found;
  // Interior of the box as found, sampled about once per pixel.
  const step = 1 / s;
  let inked = 0;
  let total = 0;
  for (let v = box.y + INTERIOR_INSET; v <= box.y + box.height - INTERIOR_INSET; v += step) {
    for (let u = box.x + INTERIOR_INSET; u <= box.x + box.width - INTERIOR_INSET; u += step) {
      const [px, py] = applyAffine(t, u, v);
      total++;
      if (inkAt(px + dx, py + dy)) inked++;
    }
  }
  const interior = total ? inked / total : 0;
  // The printed box just found also corrects the registration of the label beside it.
  const bits = interior >= TICKED ? 0 : circledSectors(ctx, label, s, (px, py) => inkAt(px + dx, py + dy));
  const circled = circleVerdict(bits);
  const circleSectors = [0, 1, 2, 3, 4, 5, 6, 7].filter((i) => (bits >> i) & 1).length;

  if (interior >= TICKED) return { state: 'ticked', confidence: interior >= CLEARLY_TICKED ? 95 : 80, interior, circleSectors };
  if (circled === 'yes') return { state: 'ticked', confidence: circleSectors >= 5 ? 95 : 80, interior, circleSectors };
  if (interior > EMPTY || circled === 'maybe') return { state: 'unsure', confidence: 40, interior, circleSectors };
  return { state: 'empty', confidence: interior <= CLEARLY_EMPTY && circleSectors <= 1 ? 95 : 80, interior, circleSectors };
}

/** Share of a rectangle's pixels that are ink against its own paper white (90th percentile). */
export function inkShare(g: GreyPixels, r: { x: number; y: number; width: number; height: number }): number {
  const x1 = Math.min(g.width, r.x + r.width);
  const y1 = Math.min(g.height, r.y + r.height);
  const hist = new Array<number>(256).fill(0);
  let n = 0;
  for (let y = Math.max(0, r.y); y < y1; y++) for (let x = Math.max(0, r.x); x < x1; x++, n++) hist[g.data[y * g.width + x]!]!++;
  if (!n) return 0;
  let seen = 0;
  let paper = 255;
  for (let level = 0; level < 256; level++) {
    seen += hist[level]!;
    if (seen >= n * 0.9) {
      paper = Math.max(level, 60);
      break;
    }
  }
  let ink = 0;
  const cut = paper * INK_LEVEL;
  for (let level = 0; level < cut; level++) ink += hist[level]!;
  return ink / n;
}

/** Paper white near the box: the 90th percentile of the grey levels around it. */
function paperWhite(g: GreyPixels, t: Affine, box: Zone, s: number): number {
  const hist = new Array<number>(256).fill(0);
  let n = 0;
  const reach = 8;
  for (let v = box.y - reach; v <= box.y + box.height + reach; v += 2 / s) {
    for (let u = box.x - reach; u <= box.x + box.width + reach; u += 2 / s) {
      const [px, py] = applyAffine(t, u, v);
      const x = Math.round(px);
      const y = Math.round(py);
      if (x < 0 || y < 0 || x >= g.width || y >= g.height) continue;
      hist[g.data[y * g.width + x]!]!++;
      n++;
    }
  }
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += hist[level]!;
    if (seen >= n * 0.9) return Math.max(level, 60);
  }
  return 255;
}

/**
 * Offset (pixels) that puts the box outline on the printed border: its darkest placement nearby;
 * null when no placement looks like a printed border.
 */
function locateBox(g: GreyPixels, t: Affine, box: Zone, s: number, paper: number): [number, number] | null {
  const outline: [number, number][] = [];
  const n = Math.max(8, Math.round(box.width * s));
  for (let i = 0; i < n; i++) {
    const f = i / n;
    outline.push(
      applyAffine(t, box.x + f * box.width, box.y),
      applyAffine(t, box.x + box.width, box.y + f * box.height),
      applyAffine(t, box.x + box.width - f * box.width, box.y + box.height),
      applyAffine(t, box.x, box.y + box.height - f * box.height),
    );
  }
  const reach = Math.max(2, Math.round(BOX_SEARCH * s));
  let best = -1;
  let at: [number, number] = [0, 0];
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) {
      let sum = 0;
      for (const [px, py] of outline) {
        const x = Math.round(px + dx);
        const y = Math.round(py + dy);
        if (x < 0 || y < 0 || x >= g.width || y >= g.height) continue;
        sum += Math.max(0, paper - g.data[y * g.width + x]!);
      }
      // Ties prefer the expected place.
      if (sum > best || (sum === best && Math.abs(dx) + Math.abs(dy) < Math.abs(at[0]) + Math.abs(at[1]))) {
        best = sum;
        at = [dx, dy];
      }
    }
  }
  return best / outline.length / paper > 0.2 ? at : null;
}

/**
 * How many of 8 sectors around the label's printed text hold ink that the printed form does not
 * have, in the ring where a hand-drawn circle around that text runs.
 */
function circledSectors(ctx: MarkContext, label: Zone, s: number, inkAt: (px: number, py: number) => boolean): number {
  // People circle the Japanese label, some the whole label with its English line.
  const bits = (['first', 'all'] as const).map((which) => sectorsAround(ctx, printedTextBox(ctx.tpl, label, which), s, inkAt));
  const rank = { yes: 2, maybe: 1, no: 0 } as const;
  return bits.reduce((best, b) => (rank[circleVerdict(b)] > rank[circleVerdict(best)] ? b : best), 0);
}

function sectorsAround(ctx: MarkContext, text: Zone | null, s: number, inkAt: (px: number, py: number) => boolean): number {
  const { tpl, t, boxes } = ctx;
  if (!text) return 0;
  const cx = text.x + text.width / 2;
  const cy = text.y + text.height / 2;
  const rx = text.width / 2 + 4;
  const ry = text.height / 2 + 3;
  const counts = new Array<number>(8).fill(0);
  const inBox = (u: number, v: number) => boxes.some((b) => u > b.x - 2 && u < b.x + b.width + 2 && v > b.y - 2 && v < b.y + b.height + 2);
  const step = Math.max(1 / s, 0.3); // about a pixel, at most 0.3 pt: a 600 dpi page needs no finer
  for (let v = cy - 1.45 * ry; v <= cy + 1.45 * ry; v += step) {
    for (let u = cx - 1.45 * rx; u <= cx + 1.45 * rx; u += step) {
      const nx = (u - cx) / rx;
      const ny = (v - cy) / ry;
      const r = Math.hypot(nx, ny);
      if (r < 0.65 || r > 1.45) continue;
      const nearText =
        u > text.x - TEXT_MARGIN && u < text.x + text.width + TEXT_MARGIN && v > text.y - TEXT_MARGIN && v < text.y + text.height + TEXT_MARGIN;
      if (nearText) continue;
      const tx = Math.round(u * tpl.s);
      const ty = Math.round(v * tpl.s);
      if (tx < 0 || ty < 0 || tx >= tpl.width || ty >= tpl.height || tpl.ink[ty * tpl.width + tx]) continue;
      if (inBox(u, v)) continue;
      const [px, py] = applyAffine(t, u, v);
      if (!inkAt(px, py)) continue;
      const sector = ((Math.round(Math.atan2(ny, nx) / (Math.PI / 4)) % 8) + 8) % 8;
      counts[sector]!++;
    }
  }
  // Enough stroke to be a line through the sector: about 2 pt of a 0.5 pt line, in samples (1 per pixel).
  const needed = Math.max(4, 1 / (step * step));
  const inked = counts.map((c) => c >= needed);
  if (process.env.KAIJI_DEBUG_MARKS) console.log(counts.join(','), needed, text);
  return inked.reduce((bits, on, i) => bits | (on ? 1 << i : 0), 0);
}

/**
 * From the sectors (bit i = sector i, 0 = right, counter-clockwise in page terms) to a verdict.
 * Right of a label's text nothing is printed and strokes of the rows above and below never reach
 * it, so a circle must show there and carry on up or down; its left side runs over the printed
 * box and may be lost in it.
 */
function circleVerdict(bits: number): 'yes' | 'maybe' | 'no' {
  const on = (i: number) => (bits >> i) & 1;
  const count = [0, 1, 2, 3, 4, 5, 6, 7].reduce((n, i) => n + on(i), 0);
  if (on(0) && (on(1) || on(7)) && count >= 3) return 'yes';
  if (on(0) || count >= 5) return 'maybe';
  return 'no';
}

