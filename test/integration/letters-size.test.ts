/**
 * Letter PDFs stay small and their fast paths stay exact (issue #14 item 4). Sizes are
 * deterministic (same input, same bytes), so they are asserted here; speed is `npm run bench`.
 * - every template, ja and en: at most 30 KB with the font embedded (compact outlines,
 *   forms/compact-font.ts; letters-glyphs.test.ts shows they draw the same), and at most 8 KB besides
 *   the font program (page content, ToUnicode, widths, structure): the glyph outlines are what
 *   is left, ~130 bytes a glyph deflated, the same in TrueType and CFF (docs/ARCHITECTURE.md);
 * - one font resource per page, whatever the number of lines (pdf-lib's drawText adds one per
 *   call), and the QR code as one path;
 * - `textWidth` and the glyph codes of `line` equal what pdf-lib's fontkit layout gives, for
 *   any text drawn from the letters' own characters (fast-check), so line breaks and glyphs
 *   are the ones the slow path made.
 */
import fc from 'fast-check';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftText, LETTER_TEMPLATES, type LetterTemplateId } from '../../shared/domain/letters';
import { textWidth } from '../../electron/services/forms/draw';
import { embedJapaneseFont, glyphOf } from '../../electron/services/forms/fonts';
import { renderLetter, type RenderedPdf } from '../../electron/services/letters/render';
import { longLetterInput, renderInput } from '../helpers/letters-fixture';

const KB = 1024;
const rendered = new Map<string, RenderedPdf>();

beforeAll(async () => {
  for (const t of LETTER_TEMPLATES) {
    for (const lang of ['ja', 'en'] as const) rendered.set(`${t}/${lang}`, await renderLetter(renderInput(t, lang)));
  }
  rendered.set('long/ja', await renderLetter(longLetterInput()));
}, 120_000);

function fontProgramBytes(doc: PDFDocument): number {
  let n = 0;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.has(PDFName.of('FontFile2'))) {
      const stream = obj.lookup(PDFName.of('FontFile2'));
      if (stream instanceof PDFRawStream) n += stream.contents.byteLength;
    }
  }
  return n;
}

function pageContent(doc: PDFDocument, index: number): string {
  const contents = doc.getPage(index).node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs
    .map((ref) => {
      const stream = doc.context.lookup(ref as PDFRef);
      if (!(stream instanceof PDFRawStream)) throw new Error('content is not a stream');
      return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    })
    .join('\n');
}

describe('letter size', () => {
  it('every letter is at most 30 KB with its font, and at most 8 KB besides the font program', async () => {
    const sizes: Record<string, number> = {};
    for (const [key, { pdf }] of rendered) {
      if (key === 'long/ja') continue;
      const doc = await PDFDocument.load(pdf);
      const font = fontProgramBytes(doc);
      expect(font, key).toBeGreaterThan(5 * KB); // the subset is really embedded
      expect(pdf.byteLength, key).toBeLessThanOrEqual(30 * KB);
      expect(pdf.byteLength - font, key).toBeLessThanOrEqual(8 * KB);
      sizes[key] = pdf.byteLength;
    }
    // The largest letter is a Japanese one (more distinct glyphs): the figure the bench reports.
    const largest = Object.entries(sizes).sort((a, b) => b[1] - a[1])[0]![0];
    expect(largest.endsWith('/ja')).toBe(true);
  });

  it('a page uses one font resource for all its lines, and the QR code is one filled path', async () => {
    for (const [key, { pdf, pageCount }] of rendered) {
      const doc = await PDFDocument.load(pdf);
      for (let i = 0; i < pageCount; i++) {
        const fonts = doc.getPage(i).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
        expect(fonts.keys(), `${key} p${i + 1}`).toHaveLength(1);
        const content = pageContent(doc, i);
        // Many lines of text, all set with that one font.
        const tf = content.match(/\/(\S+) [\d.]+ Tf/g) ?? [];
        expect(tf.length, key).toBeGreaterThan(3);
        expect(new Set(tf.map((t) => t.split(' ')[0])).size, key).toBe(1);
        // QR: rectangles in module units under one matrix, one fill.
        const qr = content.match(/cm\n0 0 0 rg\n((?:\d+ \d+ \d+ 1 re\n)+)f\n/);
        expect(qr, key).not.toBeNull();
        expect(qr![1]!.split('\n').length, key).toBeGreaterThan(100);
      }
    }
  });
});

describe('fast text paths', () => {
  // Every character the Japanese letters print, plus Latin, digits and full-width forms.
  const pool = Array.from(new Set(Array.from(LETTER_TEMPLATES.map((t: LetterTemplateId) => draftText(renderInput(t).draft)).join('') + 'AZaz09.,()-/〒　ＡＺ０９（）「」・ー')))
    .filter((c) => c.trim() !== '');

  it('widths and glyph codes equal pdf-lib layout for any text of the letters’ characters', async () => {
    const doc = await PDFDocument.create();
    const font = await embedJapaneseFont(doc, 'regular', pool.join(''));
    const glyph = glyphOf(font)!;
    expect(glyph).toBeDefined();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool, ' '), { minLength: 1, maxLength: 60 }), fc.double({ min: 4, max: 40, noNaN: true }), (chars, size) => {
        const text = chars.join('');
        expect(textWidth(font, text, size)).toBeCloseTo(font.widthOfTextAtSize(text, size), 9);
        expect(PDFHexString.of(Array.from(text, (c) => glyph(c).code).join('')).toString()).toBe(font.encodeText(text).toString());
      }),
      { numRuns: 300 },
    );
  });

  it('text with a combining mark is measured whole, as the layout does', async () => {
    const doc = await PDFDocument.create();
    const text = 'か\u3099き';
    const font = await embedJapaneseFont(doc, 'regular', text);
    expect(textWidth(font, text, 10)).toBeCloseTo(font.widthOfTextAtSize(text, 10), 9);
  });
});
