import sharp from 'sharp';
import type { Zone } from '@shared/domain/application-form';

/** A page's grey pixels (one byte each, 0 = black), for mark and tick-box analysis. */
export interface GreyPixels {
  data: Buffer;
  width: number;
  height: number;
}

export async function greyPixels(png: Buffer): Promise<GreyPixels> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Map from form points (top-left origin) to page pixels: px = a*x + b*y + c, py = d*x + e*y + f.
 * With g/h it is projective (a phone photo's perspective): both divided by g*x + h*y + 1.
 */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  g?: number;
  h?: number;
}

export function applyAffine(t: Affine, x: number, y: number): [number, number] {
  const w = (t.g ?? 0) * x + (t.h ?? 0) * y + 1;
  return [(t.a * x + t.b * y + t.c) / w, (t.d * x + t.e * y + t.f) / w];
}

/**
 * The projective map through exactly four point pairs (form points -> pixels): a page photographed
 * at an angle is not an affine image of the form, its far edge is shorter.
 */
export function fitProjective(pairs: { from: [number, number]; to: [number, number] }[]): Affine {
  const rows: number[][] = [];
  const rhs: number[] = [];
  for (const { from: [x, y], to: [u, v] } of pairs) {
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    rhs.push(u);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    rhs.push(v);
  }
  const n = 8;
  for (let col = 0; col < n; col++) {
    let p = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[p]![col]!)) p = r;
    [rows[col], rows[p]] = [rows[p]!, rows[col]!];
    [rhs[col], rhs[p]] = [rhs[p]!, rhs[col]!];
    for (let r = col + 1; r < n; r++) {
      const k = rows[r]![col]! / rows[col]![col]!;
      for (let j = col; j < n; j++) rows[r]![j]! -= k * rows[col]![j]!;
      rhs[r]! -= k * rhs[col]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = rhs[r]!;
    for (let j = r + 1; j < n; j++) sum -= rows[r]![j]! * x[j]!;
    x[r] = sum / rows[r]![r]!;
  }
  const [a, b, c, d, e, f, g, h] = x as [number, number, number, number, number, number, number, number];
  return { a, b, c, d, e, f, g, h };
}

/** Least-squares affine fit from three or more point pairs (form points -> pixels). */
export function fitAffine(pairs: { from: [number, number]; to: [number, number] }[]): Affine {
  // Normal equations for [x y 1] * [a b c]^T = px (and likewise for py).
  const m = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const vx = [0, 0, 0];
  const vy = [0, 0, 0];
  for (const { from, to } of pairs) {
    const row = [from[0], from[1], 1];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) m[i]![j]! += row[i]! * row[j]!;
      vx[i]! += row[i]! * to[0];
      vy[i]! += row[i]! * to[1];
    }
  }
  const [a, b, c] = solve3(m, vx);
  const [d, e, f] = solve3(m, vy);
  return { a, b, c, d, e, f };
}

function solve3(m: number[][], v: number[]): [number, number, number] {
  const det = (q: number[][]) =>
    q[0]![0]! * (q[1]![1]! * q[2]![2]! - q[1]![2]! * q[2]![1]!) -
    q[0]![1]! * (q[1]![0]! * q[2]![2]! - q[1]![2]! * q[2]![0]!) +
    q[0]![2]! * (q[1]![0]! * q[2]![1]! - q[1]![1]! * q[2]![0]!);
  const d = det(m);
  const col = (k: number) => m.map((row, i) => row.map((x, j) => (j === k ? v[i]! : x)));
  return [det(col(0)) / d, det(col(1)) / d, det(col(2)) / d];
}

/** A form zone in page pixels, shrunk by `insetPt` points so box borders stay outside. */
export function zoneToPixels(t: Affine, zone: Zone, insetPt = 0): PixelRect {
  const x0 = zone.x + insetPt;
  const y0 = zone.y + insetPt;
  const x1 = zone.x + zone.width - insetPt;
  const y1 = zone.y + zone.height - insetPt;
  const corners = [applyAffine(t, x0, y0), applyAffine(t, x1, y0), applyAffine(t, x0, y1), applyAffine(t, x1, y1)];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const x = Math.max(0, Math.floor(Math.min(...xs)));
  const y = Math.max(0, Math.floor(Math.min(...ys)));
  return { x, y, width: Math.ceil(Math.max(...xs)) - x, height: Math.ceil(Math.max(...ys)) - y };
}

/** Share of dark pixels (below `threshold`) inside a rectangle. */
export function inkRatio(g: GreyPixels, r: PixelRect, threshold = 128): number {
  let dark = 0;
  let total = 0;
  const x1 = Math.min(g.width, r.x + r.width);
  const y1 = Math.min(g.height, r.y + r.height);
  for (let y = Math.max(0, r.y); y < y1; y++) {
    for (let x = Math.max(0, r.x); x < x1; x++) {
      total++;
      if (g.data[y * g.width + x]! < threshold) dark++;
    }
  }
  return total ? dark / total : 0;
}

/**
 * Finds a solid dark square of about `size` px inside `search`: the window with the most
 * dark pixels (integral image) that stands on paper (a light ring around it: a desk or a
 * scanner lid beyond the page's edge is dark everywhere), accepted when it is mostly ink.
 * Returns its centre.
 */
export function findSquare(g: GreyPixels, search: PixelRect, size: number, minFill = 0.75): [number, number] | null {
  const x0 = Math.max(0, search.x);
  const y0 = Math.max(0, search.y);
  const w = Math.min(g.width, search.x + search.width) - x0;
  const h = Math.min(g.height, search.y + search.height) - y0;
  const s = Math.max(3, Math.round(size));
  const m = Math.max(2, Math.round(s / 2)); // ring width
  if (w < s + 2 * m || h < s + 2 * m) return null;
  const integral = new Uint32Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += g.data[(y0 + y) * g.width + x0 + x]! < 128 ? 1 : 0;
      integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1]! + row;
    }
  }
  const dark = (x: number, y: number, size: number) =>
    integral[(y + size) * (w + 1) + x + size]! - integral[y * (w + 1) + x + size]! - integral[(y + size) * (w + 1) + x]! + integral[y * (w + 1) + x]!;
  const ringArea = (s + 2 * m) ** 2 - s * s;
  let best = -1;
  let at: [number, number] = [0, 0];
  for (let y = m; y + s + m <= h; y++) {
    for (let x = m; x + s + m <= w; x++) {
      const sum = dark(x, y, s);
      if (sum <= best || sum < minFill * s * s) continue;
      const ring = dark(x - m, y - m, s + 2 * m) - sum;
      if (ring > 0.35 * ringArea) continue;
      best = sum;
      at = [x, y];
    }
  }
  if (best < 0) return null;
  return [x0 + at[0] + s / 2, y0 + at[1] + s / 2];
}
