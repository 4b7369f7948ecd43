// forms/fonts.ts (#14): HarfBuzz subsets made from one cached, preprocessed face per weight.
// Each subset must hold a glyph for every character asked for and no other text's glyphs,
// whatever came before it (the wasm memory is reused between calls), and none of the dropped
// tables. Glyphs drawing correctly is checked by rendering (letters-render, forms-pdf tests).
import * as fontkitModule from '@pdf-lib/fontkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notoSansJpSubset } from '../../electron/services/forms/fonts';

const fontkit: typeof fontkitModule = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;
const POOL = [...'開示請求書山田太郎花子東京都千代田区令和年月日個人情報保護法第条様御中株式会社〒ー－あいうえおかきくけこアイウエオABCxyz0123456789（）、。・'];

const MIRROR: Record<string, string> = { '（': '）', '）': '（' };

function tables(font: Uint8Array): string[] {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  return Array.from({ length: view.getUint16(4) }, (_, i) => String.fromCharCode(...font.subarray(12 + i * 16, 16 + i * 16)));
}

describe('Noto Sans JP subsets', () => {
  it('hold exactly the asked characters, call after call, for both weights', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.subarray(POOL, { minLength: 1 }), { minLength: 1, maxLength: 4 }), fc.boolean(), async (texts, bold) => {
        for (const chars of texts) {
          const subset = await notoSansJpSubset(bold ? 'bold' : 'regular', chars.join(''));
          const font = fontkit.create(subset);
          const glyphOf = (c: string) => font.glyphForCodePoint(c.codePointAt(0)!).id;
          for (const c of chars) expect(font.hasGlyphForCodePoint(c.codePointAt(0)!), c).toBe(true);
          // Another character is only there as the mirror of an asked bracket (HarfBuzz adds
          // bidi mirrors) or when it shares an asked glyph: nothing left from an earlier call.
          const asked = new Set(chars.map(glyphOf));
          const mirrors = new Set(chars.map((c) => MIRROR[c]).filter(Boolean));
          for (const c of POOL.filter((x) => !chars.includes(x))) {
            if (font.hasGlyphForCodePoint(c.codePointAt(0)!) && !mirrors.has(c)) expect(asked, c).toContain(glyphOf(c));
          }
          expect(font.numGlyphs).toBeGreaterThan(new Set(chars).size); // + .notdef
          expect(tables(subset)).toEqual(expect.arrayContaining(['glyf', 'loca', 'cmap', 'hmtx', 'name', 'head']));
          for (const dropped of ['GSUB', 'GPOS', 'vmtx', 'vhea', 'BASE', 'STAT']) expect(tables(subset)).not.toContain(dropped);
        }
      }),
      { numRuns: 25 },
    );
  });
});
