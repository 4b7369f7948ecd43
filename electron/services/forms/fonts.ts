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
import * as fontkitModule from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import subsetFont from 'subset-font';
import { uniqueChars } from './charset';

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
};

// The typings declare named exports only; under Node ESM the UMD build puts them on `default`.
const fontkit: typeof fontkitModule =
  (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;

const requireHere = createRequire(import.meta.url);
const sources = new Map<FontWeight, Promise<Buffer>>();
const subsets = new Map<string, Promise<Uint8Array>>();
const MAX_CACHED_SUBSETS = 16;

function source(weight: FontWeight): Promise<Buffer> {
  let p = sources.get(weight);
  if (!p) {
    p = readFile(requireHere.resolve(FILES[weight]));
    sources.set(weight, p);
  }
  return p;
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
    p = source(weight).then(async (font) => {
      const out = await subsetFont(font, chars, { targetFormat: 'sfnt', noLayoutClosure: true, keepFeatures: [], noHinting: true });
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    });
    p.catch(() => subsets.delete(key));
    subsets.set(key, p);
  }
  return p;
}

/** Embeds a HarfBuzz subset whole (see above); registers fontkit on the document. */
export async function embedJapaneseFont(doc: PDFDocument, weight: FontWeight, text: string): Promise<PDFFont> {
  doc.registerFontkit(fontkit);
  return doc.embedFont(await notoSansJpSubset(weight, text), { subset: false });
}

/** Characters of `text` that Noto Sans JP cannot draw (they would print as empty boxes). */
export async function charsWithoutGlyph(text: string): Promise<string[]> {
  const font = fontkit.create(await notoSansJpSubset('regular', text));
  return Array.from(uniqueChars(text)).filter((c) => !/\s/.test(c) && !font.hasGlyphForCodePoint(c.codePointAt(0) ?? 0));
}
