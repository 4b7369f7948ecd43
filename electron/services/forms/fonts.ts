/**
 * Japanese fonts for generated PDFs.
 *
 * Source: Noto Sans JP TrueType files from `@expo-google-fonts/noto-sans-jp`, resolved in
 * node_modules rather than copied into resources/fonts: the package is already a runtime
 * dependency (it ships with the app), and committing two 5.4 MB binaries would add nothing.
 * TrueType, not CFF .otf/.ttc: pdf-lib embeds glyf outlines reliably.
 *
 * Why HarfBuzz first: @pdf-lib/fontkit's own `subset: true` silently drops most glyphs of
 * this font (engineering notes). So we subset with `subset-font` (HarfBuzz) and embed the
 * result with `subset: false`, which makes pdf-lib write a width and a ToUnicode entry for
 * every glyph in the subset - exactly what a viewer needs to draw text typed later.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import * as fontkitModule from '@pdf-lib/fontkit';
import { PDFArray, PDFContentStream, PDFName, PDFRef, type PDFDocument, type PDFFont } from 'pdf-lib';
import { uniqueChars } from './charset';
import { compactOutlines, embeddedProgram } from './compact-font';

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
};

// The typings declare named exports only; under Node ESM the UMD build puts them on `default`.
const fontkit: typeof fontkitModule =
  (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;

const requireHere = createRequire(import.meta.url);
const subsets = new Map<string, Promise<Uint8Array>>();
const MAX_CACHED_SUBSETS = 16;

/**
 * HarfBuzz's subsetter (the wasm build that `subset-font` ships, resolved through it so no
 * second copy is installed). We drive it directly rather than through `subset-font`, which
 * copies the 5.4 MB font into wasm memory and re-parses it on every call (~8 ms of a ~14 ms
 * letter, issue #14): here each weight is loaded once and kept as a face HarfBuzz has
 * preprocessed for repeated subsetting (hb_subset_preprocess), so a new letter's subset
 * costs only its own glyphs.
 */
interface HarfBuzz {
  memory: WebAssembly.Memory;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_preprocess(face: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x200;
/**
 * Tables a PDF viewer never reads for horizontal text drawn glyph by glyph: vertical metrics,
 * layout (we keep no features), baselines, style attributes, hinting's gasp. ~0.5 KB a letter.
 */
const DROPPED_TABLES = ['BASE', 'GPOS', 'GSUB', 'STAT', 'vhea', 'vmtx', 'VORG', 'gasp', 'DSIG'];
const tag = (t: string) => [...t].reduce((a, c) => ((a << 8) | c.charCodeAt(0)) >>> 0, 0);

let harfbuzz: Promise<HarfBuzz> | undefined;
function loadHarfBuzz(): Promise<HarfBuzz> {
  harfbuzz ??= (async () => {
    const wasmPath = createRequire(requireHere.resolve('subset-font')).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath));
    const hb = instance.exports as unknown as HarfBuzz & { _initialize(): void };
    hb._initialize();
    return hb;
  })();
  return harfbuzz;
}

const faces = new Map<FontWeight, Promise<number>>();
/** The weight's font as a preprocessed HarfBuzz face, made once per process. */
function face(weight: FontWeight): Promise<number> {
  let p = faces.get(weight);
  if (!p) {
    p = (async () => {
      const [hb, font] = await Promise.all([loadHarfBuzz(), readFile(requireHere.resolve(FILES[weight]))]);
      const data = hb.malloc(font.byteLength);
      new Uint8Array(hb.memory.buffer).set(font, data);
      const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
      const raw = hb.hb_face_create(blob, 0);
      hb.hb_blob_destroy(blob);
      const ready = hb.hb_subset_preprocess(raw);
      hb.hb_face_destroy(raw);
      // The preprocessed face has its own copy of every table: the source bytes can go.
      hb.free(data);
      return ready;
    })();
    p.catch(() => faces.delete(weight));
    faces.set(weight, p);
  }
  return p;
}

async function harfBuzzSubset(weight: FontWeight, chars: string): Promise<Uint8Array> {
  const [hb, source] = await Promise.all([loadHarfBuzz(), face(weight)]);
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('hb_subset_input_create_or_fail failed');
  let subset = 0;
  try {
    hb.hb_set_clear(hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
    const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const t of DROPPED_TABLES) hb.hb_set_add(drop, tag(t));
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const c of chars) hb.hb_set_add(unicodes, c.codePointAt(0)!);
    subset = hb.hb_subset_or_fail(source, input);
  } finally {
    hb.hb_subset_input_destroy(input);
  }
  if (subset === 0) throw new Error('hb_subset_or_fail failed');
  const blob = hb.hb_face_reference_blob(subset);
  try {
    const length = hb.hb_blob_get_length(blob);
    if (length === 0) throw new Error('HarfBuzz made an empty subset');
    // A copy: wasm memory is reused (and may grow) on the next call.
    return new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), length).slice();
  } finally {
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
  }
}

/**
 * A TrueType subset holding the glyphs for `text` (plus .notdef). Cached per text: the big
 * form subset costs ~0.2 s of HarfBuzz time once per process.
 * GSUB closure and layout features are dropped: horizontal Japanese needs none, and the
 * closure would pull in vertical and variant glyphs (~20 % more bytes).
 */
export function notoSansJpSubset(weight: FontWeight, text: string): Promise<Uint8Array> {
  const chars = uniqueChars(text);
  const key = `${weight}\u0000${chars}`;
  let p = subsets.get(key);
  if (!p) {
    if (subsets.size >= MAX_CACHED_SUBSETS) subsets.delete(subsets.keys().next().value as string);
    p = harfBuzzSubset(weight, chars);
    p.catch(() => subsets.delete(key));
    subsets.set(key, p);
  }
  return p;
}

/**
 * Embeds a HarfBuzz subset whole (see above); registers fontkit on the document.
 * The document's Flate streams made at embedding (font file, ToUnicode map, images) are
 * compressed by Node's native zlib instead of pdf-lib's pure-JS pako: the same FlateDecode
 * format, a fraction of the time for a letter's ~50 KB font (issue #14).
 */
export async function embedJapaneseFont(doc: PDFDocument, weight: FontWeight, text: string, options: { compact?: boolean } = {}): Promise<PDFFont> {
  doc.registerFontkit(parsingOnce);
  const context = doc.context;
  const subset = await notoSansJpSubset(weight, text);
  // compact (letters, #14): outlines merged and on a 1/250 em grid, and the program written
  // without the tables a CIDFontType2 font does not use (forms/compact-font.ts).
  const bytes = options.compact ? compacted(subset) : subset;
  const program = options.compact ? embeddedProgram(bytes) : bytes;
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateSync(contents === bytes ? program : typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents, { level: 9 }), { ...dict, Filter: 'FlateDecode' });
  const font = await doc.embedFont(bytes, { subset: false });
  glyphsByFont.set(font, glyphsOf(parse(bytes)));
  return font;
}

export interface GlyphInfo {
  /** The glyph id as the 4 hex digits a content stream shows (Identity-H). */
  code: string;
  /** Advance in 1/1000 em. */
  advance: number;
}

/** Per subset (glyph ids belong to it, reprints reuse it): each character looked up once. */
const glyphMaps = new WeakMap<fontkitModule.Font, (char: string) => GlyphInfo>();
function glyphsOf(font: fontkitModule.Font): (char: string) => GlyphInfo {
  let lookup = glyphMaps.get(font);
  if (!lookup) {
    const known = new Map<string, GlyphInfo>();
    lookup = (c) => {
      let g = known.get(c);
      if (!g) {
        const glyph = font.glyphForCodePoint(c.codePointAt(0)!);
        known.set(c, (g = { code: glyph.id.toString(16).toUpperCase().padStart(4, '0'), advance: (glyph.advanceWidth * 1000) / font.unitsPerEm }));
      }
      return g;
    };
    glyphMaps.set(font, lookup);
  }
  return lookup;
}
const glyphsByFont = new WeakMap<PDFFont, (char: string) => GlyphInfo>();

/**
 * A character's glyph (code and advance) in a font made by embedJapaneseFont; undefined for
 * other fonts. forms/draw.ts measures and encodes text with it: pdf-lib's widthOfTextAtSize
 * and encodeText run fontkit's whole layout per call for the same glyphs (our subsets keep no
 * GSUB/GPOS, so one character is one glyph and widths add up; #14).
 */
export function glyphOf(font: PDFFont): ((char: string) => GlyphInfo) | undefined {
  return glyphsByFont.get(font);
}

/**
 * Page content streams compressed by Node's zlib before `save` (pdf-lib deflates them with
 * pure-JS pako at save: a quarter of a letter's render time, #14). Same FlateDecode format.
 */
export function deflatePageContents(doc: PDFDocument): void {
  const context = doc.context;
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      if (!(ref instanceof PDFRef)) continue;
      const stream = context.lookup(ref);
      if (stream instanceof PDFContentStream) context.assign(ref, context.stream(deflateSync(stream.getUnencodedContents(), { level: 6 }), { Filter: 'FlateDecode' }));
    }
  }
}

/** Each cached subset compacted once (compact-font.ts caches per glyph as well). */
const compactSubsets = new WeakMap<Uint8Array, Uint8Array>();
function compacted(subset: Uint8Array): Uint8Array {
  let c = compactSubsets.get(subset);
  if (!c) compactSubsets.set(subset, (c = compactOutlines(subset)));
  return c;
}

/**
 * fontkit with one parse per subset: the glyph check below and pdf-lib's embedder get the
 * same (cached) subset bytes, so the second parse (~0.5 ms a letter) is a lookup (#14).
 */
const parsedSubsets = new WeakMap<Uint8Array, fontkitModule.Font>();
function parse(bytes: Uint8Array): fontkitModule.Font {
  let font = parsedSubsets.get(bytes);
  if (!font) parsedSubsets.set(bytes, (font = fontkit.create(bytes)));
  return font;
}
const parsingOnce: typeof fontkit = { ...fontkit, create: (bytes: Uint8Array) => parse(bytes) };

/** Characters of `text` that Noto Sans JP cannot draw (they would print as empty boxes). */
export async function charsWithoutGlyph(text: string): Promise<string[]> {
  const font = parse(await notoSansJpSubset('regular', text));
  return Array.from(uniqueChars(text)).filter((c) => !/\s/.test(c) && !font.hasGlyphForCodePoint(c.codePointAt(0) ?? 0));
}
