/**
 * Smaller TrueType outlines for letters (issue #14 item 4: the largest letter ≤ 30 KB).
 *
 * In a letter's PDF ~85 % of the bytes are the subset's glyph outlines (`glyf`): Noto Sans JP
 * as TrueType carries ~63 points a kanji, its quadratic curves split finely (converted from
 * cubic outlines at a 1-unit tolerance) on a 1/1000 em grid. Two changes a reader cannot see:
 *  - runs of quadratic curves joined smoothly (implied on-curve points) that one quadratic
 *    follows within `tolerance` units are merged into it (only where that saves points);
 *  - every coordinate is put on a `grid`-unit grid (4 units: 1/250 em), which deflate
 *    compresses far better than the original's 1-unit steps.
 * LETTER_OUTLINES: a point moves at most 3 + 2.9 (grid) units, 6/1000 em: 0.06 pt on 10.5 pt
 * text, a quarter of a pixel at 300 dpi (the largest letter: 39 -> 29 KB; grid 4 with
 * tolerance 1.5 gave 30.2 KB, tolerance 4 only 0.4 KB less than 3). Advance widths, metrics and glyph ids are unchanged (text is laid out exactly as
 * before); each glyph's box and left side bearing follow its new points.
 *
 * `embeddedProgram` then keeps only the tables a PDF reader uses to draw a CIDFontType2 font
 * (ISO 32000 9.9: glyphs are addressed by glyph id through CIDToGIDMap, so `cmap`, `name` and
 * `post` go): ~1.1 KB less a letter. The full compact font (with cmap) stays what fontkit and
 * pdf-lib read to lay the text out.
 *
 * Each glyph is compacted once per process (cached by its outline's bytes): a letter to a new
 * applicant compacts only the characters no earlier letter had.
 */

export interface CompactOptions {
  /** Coordinates rounded to multiples of this (font units; 1000 an em). */
  grid: number;
  /** Largest distance (font units) a merged curve may stray from the original. */
  tolerance: number;
}

export const LETTER_OUTLINES: CompactOptions = { grid: 4, tolerance: 3 };

interface Point {
  x: number;
  y: number;
  on: boolean;
}

interface CompactGlyph {
  bytes: Uint8Array;
  /** The glyph's new xMin (its left side bearing), or null for an empty or composite glyph. */
  xMin: number | null;
}

const glyphCache = new Map<string, CompactGlyph>();
const MAX_CACHED_GLYPHS = 30_000;

/** Table tag -> bytes, in directory order. */
export function sfntTables(font: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const o = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(o, o + 4));
    const offset = view.getUint32(o + 8);
    tables.set(tag, font.subarray(offset, offset + view.getUint32(o + 12)));
  }
  return tables;
}

function checksum(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 4) {
    sum = (sum + (((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0))) >>> 0;
  }
  return sum;
}

/** A TrueType file of `tables` (tags sorted, 4-byte aligned, checksums and head's adjustment set). */
export function writeSfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  let offset = 12 + 16 * n;
  const placed = tags.map((tag) => {
    const data = tables.get(tag)!;
    const at = offset;
    offset += (data.length + 3) & ~3;
    return { tag, data, at };
  });
  const out = new Uint8Array(offset);
  const view = new DataView(out.buffer);
  const pow = 2 ** Math.floor(Math.log2(n));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, n);
  view.setUint16(6, pow * 16);
  view.setUint16(8, Math.log2(pow));
  view.setUint16(10, n * 16 - pow * 16);
  let headAt = -1;
  placed.forEach(({ tag, data, at }, i) => {
    let bytes = data;
    if (tag === 'head') {
      bytes = data.slice();
      new DataView(bytes.buffer).setUint32(8, 0); // checkSumAdjustment, set below
      headAt = at;
    }
    out.set(bytes, at);
    const o = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[o + k] = tag.charCodeAt(k);
    view.setUint32(o + 4, checksum(bytes));
    view.setUint32(o + 8, at);
    view.setUint32(o + 12, data.length);
  });
  if (headAt >= 0) view.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** The font with compacted outlines (see above); every other table as it was, bar head's loca format and hmtx's side bearings. */
export function compactOutlines(font: Uint8Array, opts: CompactOptions = LETTER_OUTLINES): Uint8Array {
  const tables = sfntTables(font);
  const head = tables.get('head')!;
  const maxp = tables.get('maxp')!;
  const hhea = tables.get('hhea')!;
  const loca = tables.get('loca')!;
  const glyf = tables.get('glyf')!;
  const hmtx = tables.get('hmtx')!;
  const u16 = (t: Uint8Array, o: number) => (t[o]! << 8) | t[o + 1]!;
  const longLoca = u16(head, 50) === 1;
  const numGlyphs = u16(maxp, 4);
  const numHMetrics = u16(hhea, 34);
  const locaView = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
  const at = (g: number) => (longLoca ? locaView.getUint32(4 * g) : locaView.getUint16(2 * g) * 2);

  const glyphs: CompactGlyph[] = [];
  for (let g = 0; g < numGlyphs; g++) glyphs.push(compactGlyph(glyf.subarray(at(g), at(g + 1)), opts));
  const total = glyphs.reduce((n, c) => n + c.bytes.length, 0);
  const short = total <= 0x1fffe;
  const newGlyf = new Uint8Array(total);
  const newLoca = new Uint8Array((numGlyphs + 1) * (short ? 2 : 4));
  const lv = new DataView(newLoca.buffer);
  let offset = 0;
  glyphs.forEach((c, g) => {
    if (short) lv.setUint16(2 * g, offset / 2);
    else lv.setUint32(4 * g, offset);
    newGlyf.set(c.bytes, offset);
    offset += c.bytes.length;
  });
  if (short) lv.setUint16(2 * numGlyphs, offset / 2);
  else lv.setUint32(4 * numGlyphs, offset);

  const newHead = head.slice();
  new DataView(newHead.buffer).setInt16(50, short ? 0 : 1);
  // Left side bearings follow the glyphs' new boxes (rasterisers place the outline by them).
  const newHmtx = hmtx.slice();
  const hv = new DataView(newHmtx.buffer);
  glyphs.forEach((c, g) => {
    if (c.xMin === null) return;
    const o = g < numHMetrics ? 4 * g + 2 : 4 * numHMetrics + 2 * (g - numHMetrics);
    if (o + 2 <= newHmtx.length) hv.setInt16(o, c.xMin);
  });
  const out = new Map(tables);
  out.set('head', newHead);
  out.set('loca', newLoca);
  out.set('glyf', newGlyf);
  out.set('hmtx', newHmtx);
  return writeSfnt(out);
}

/** Tables a PDF reader needs to draw a CIDFontType2 program (glyph ids via CIDToGIDMap): no cmap, name or post. */
const EMBEDDED_TABLES = ['OS/2', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp'];

/** The font program to embed in a PDF as FontFile2 of a CIDFontType2 font (see above). */
export function embeddedProgram(font: Uint8Array): Uint8Array {
  const tables = sfntTables(font);
  return writeSfnt(new Map(EMBEDDED_TABLES.filter((t) => tables.has(t)).map((t) => [t, tables.get(t)!])));
}

function compactGlyph(raw: Uint8Array, opts: CompactOptions): CompactGlyph {
  // No outline (space) or shorter than a glyph header: an empty glyph.
  if (raw.length < 10) return { bytes: new Uint8Array(0), xMin: null };
  const key = `${opts.grid}/${opts.tolerance}/${Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1')}`;
  let c = glyphCache.get(key);
  if (!c) {
    if (glyphCache.size >= MAX_CACHED_GLYPHS) glyphCache.clear();
    c = compactSimpleGlyph(raw, opts);
    glyphCache.set(key, c);
  }
  return c;
}

function compactSimpleGlyph(raw: Uint8Array, opts: CompactOptions): CompactGlyph {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const numberOfContours = view.getInt16(0);
  // Composite glyphs (none in Noto Sans JP's kanji and kana) are kept as they are, padded to
  // an even length (glyphs start on even offsets for the short loca).
  if (numberOfContours <= 0) {
    const bytes = raw.length % 2 ? Uint8Array.from([...raw, 0]) : raw;
    return { bytes, xMin: numberOfContours === 0 ? null : view.getInt16(2) };
  }
  const contours = parseContours(view, numberOfContours);
  const compact = contours.map((c) => tidy(onGrid(mergeCurves(c, opts.tolerance), opts.grid))).filter((c) => c.length > 0);
  return encodeGlyph(compact);
}

function parseContours(view: DataView, n: number): Point[][] {
  const ends = Array.from({ length: n }, (_, i) => view.getUint16(10 + 2 * i));
  let p = 10 + 2 * n;
  p += 2 + view.getUint16(p); // instructions (none after HarfBuzz's NO_HINTING)
  const count = ends[n - 1]! + 1;
  const flags: number[] = [];
  while (flags.length < count) {
    const f = view.getUint8(p++);
    flags.push(f);
    if (f & 8) for (let r = view.getUint8(p++); r > 0; r--) flags.push(f);
  }
  const coords = (short: number, same: number) => {
    const out: number[] = [];
    let v = 0;
    for (const f of flags) {
      if (f & short) {
        const d = view.getUint8(p++);
        v += f & same ? d : -d;
      } else if (!(f & same)) {
        v += view.getInt16(p);
        p += 2;
      }
      out.push(v);
    }
    return out;
  };
  const xs = coords(2, 16);
  const ys = coords(4, 32);
  const contours: Point[][] = [];
  let k = 0;
  for (const end of ends) {
    const c: Point[] = [];
    for (; k <= end; k++) c.push({ x: xs[k]!, y: ys[k]!, on: (flags[k]! & 1) === 1 });
    contours.push(c);
  }
  return contours;
}

type Xy = { x: number; y: number };
const mid = (a: Xy, b: Xy): Xy => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
const quad = (a: Xy, c: Xy, b: Xy, t: number): Xy => {
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
};

/** Distance from `p` to the polyline `line`. */
function toPolyline(p: Xy, line: readonly Xy[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = dx * dx + dy * dy;
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
    best = Math.min(best, Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy));
  }
  return best;
}

const SAMPLES = 8;
function sampled(segments: readonly [Xy, Xy, Xy][]): Xy[] {
  const out: Xy[] = [segments[0]![0]];
  for (const [a, c, b] of segments) for (let s = 1; s <= SAMPLES; s++) out.push(quad(a, c, b, s / SAMPLES));
  return out;
}

/**
 * Merges runs of smoothly joined quadratic curves (a run of off-curve points between two
 * on-curve points) into fewer quadratics where one stays within `tolerance` of the original
 * both ways (each curve sampled, distances to the other's polyline).
 */
function mergeCurves(contour: Point[], tolerance: number): Point[] {
  const start = contour.findIndex((p) => p.on);
  if (start < 0 || tolerance <= 0) return contour;
  const pts = [...contour.slice(start), ...contour.slice(0, start)];
  const n = pts.length;
  const out: Point[] = [];
  let i = 0;
  while (i < n) {
    const a = pts[i]!;
    out.push(a);
    let j = i + 1;
    const ctrl: Point[] = [];
    while (j < n && !pts[j]!.on) ctrl.push(pts[j++]!);
    const b = pts[j % n]!;
    i = j;
    if (ctrl.length < 2) {
      out.push(...ctrl);
      continue;
    }
    // Anchors: a, the implied on-curve points between controls, b.
    const anchors: Xy[] = [a, ...ctrl.slice(1).map((c, k) => mid(ctrl[k]!, c)), b];
    const segment = (k: number): [Xy, Xy, Xy] => [anchors[k]!, ctrl[k]!, anchors[k + 1]!];
    const groups: { from: number; control: Xy }[] = [];
    for (let s = 0; s < ctrl.length; ) {
      let end = s;
      let control: Xy = ctrl[s]!;
      for (let e = s + 1; e < ctrl.length; e++) {
        const c = tangentMeet(anchors[s]!, ctrl[s]!, ctrl[e]!, anchors[e + 1]!);
        if (!c) break;
        const original = sampled(Array.from({ length: e - s + 1 }, (_, k) => segment(s + k)));
        const merged = sampled([[anchors[s]!, c, anchors[e + 1]!]]);
        if (original.some((p) => toPolyline(p, merged) > tolerance) || merged.some((p) => toPolyline(p, original) > tolerance)) break;
        end = e;
        control = c;
      }
      groups.push({ from: s, control });
      s = end + 1;
    }
    // Between merged curves the joining anchor is written out unless it is the controls' midpoint.
    const run: Point[] = [];
    groups.forEach((g, k) => {
      if (k > 0) {
        const join = anchors[g.from]!;
        const implied = mid(groups[k - 1]!.control, g.control);
        if (Math.abs(implied.x - join.x) > 1e-9 || Math.abs(implied.y - join.y) > 1e-9) run.push({ ...join, on: true });
      }
      run.push({ ...g.control, on: false });
    });
    out.push(...(run.length < ctrl.length ? run : ctrl));
  }
  return out;
}

/** Where the tangent leaving `a` towards `c0` meets the one arriving at `b` from `c1`, ahead of both; null if parallel or behind. */
function tangentMeet(a: Xy, c0: Xy, c1: Xy, b: Xy): Xy | null {
  const d0 = { x: c0.x - a.x, y: c0.y - a.y };
  const d1 = { x: b.x - c1.x, y: b.y - c1.y };
  const den = d0.x * d1.y - d0.y * d1.x;
  if (Math.abs(den) < 1e-9) return null;
  const rx = b.x - a.x;
  const ry = b.y - a.y;
  const t = (rx * d1.y - ry * d1.x) / den;
  const u = (d0.x * ry - d0.y * rx) / den;
  return t > 0 && u > 0 ? { x: a.x + t * d0.x, y: a.y + t * d0.y } : null;
}

const onGrid = (c: Point[], grid: number): Point[] => c.map((p) => ({ x: Math.round(p.x / grid) * grid, y: Math.round(p.y / grid) * grid, on: p.on }));

/**
 * Drops what the grid made redundant: an on-curve point repeating the on-curve point before it,
 * and an on-curve point exactly midway between two off-curve ones (TrueType implies it), but
 * never the first (mergeCurves starts every contour on an on-curve point).
 */
function tidy(c: Point[]): Point[] {
  let pts = c.filter((p, i) => {
    const prev = c[(i - 1 + c.length) % c.length]!;
    return !(c.length > 1 && i > 0 && p.on && prev.on && prev.x === p.x && prev.y === p.y);
  });
  const implied = (i: number) => {
    const p = pts[i]!;
    const a = pts[(i - 1 + pts.length) % pts.length]!;
    const b = pts[(i + 1) % pts.length]!;
    return p.on && !a.on && !b.on && a.x + b.x === 2 * p.x && a.y + b.y === 2 * p.y;
  };
  // The first point stays: a contour starting off-curve is drawn wrong by some readers (fontkit).
  const keep = pts.map((_, i) => i === 0 || !implied(i));
  return pts.filter((_, i) => keep[i]);
}

function encodeGlyph(contours: Point[][]): CompactGlyph {
  const all = contours.flat();
  if (all.length === 0) return { bytes: new Uint8Array(0), xMin: null };
  const xMin = Math.min(...all.map((p) => p.x));
  const bytes: number[] = [];
  const u16 = (v: number) => bytes.push((v >> 8) & 0xff, v & 0xff);
  u16(contours.length);
  for (const v of [xMin, Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.x)), Math.max(...all.map((p) => p.y))]) u16(v & 0xffff);
  let end = -1;
  for (const c of contours) u16((end += c.length));
  u16(0); // no instructions
  const flags: number[] = [];
  const xb: number[] = [];
  const yb: number[] = [];
  let px = 0;
  let py = 0;
  const delta = (d: number, short: number, same: number, into: number[]) => {
    if (d === 0) return same;
    if (Math.abs(d) < 256) {
      into.push(Math.abs(d));
      return short | (d > 0 ? same : 0);
    }
    into.push((d >> 8) & 0xff, d & 0xff);
    return 0;
  };
  for (const p of all) {
    flags.push((p.on ? 1 : 0) | delta(p.x - px, 2, 16, xb) | delta(p.y - py, 4, 32, yb));
    px = p.x;
    py = p.y;
  }
  for (let i = 0; i < flags.length; ) {
    let repeat = 0;
    while (i + repeat + 1 < flags.length && flags[i + repeat + 1] === flags[i] && repeat < 255) repeat++;
    if (repeat > 1) bytes.push(flags[i]! | 8, repeat);
    else for (let r = 0; r <= repeat; r++) bytes.push(flags[i]!);
    i += repeat + 1;
  }
  bytes.push(...xb, ...yb);
  if (bytes.length % 2) bytes.push(0); // glyphs start on even offsets (short loca)
  return { bytes: Uint8Array.from(bytes), xMin };
}
