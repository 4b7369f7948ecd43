/**
 * Drawing in the form's top-left coordinate system (shared/domain/application-form.ts)
 * on a pdf-lib page, whose user space has its origin bottom-left.
 */
import { beginText, endText, moveText, PDFHexString, PDFName, rgb, setFillingColor, setFontAndSize, showText, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { PAGE, type Zone } from '../../../shared/domain/application-form';
import { glyphOf } from './fonts';
import { wrapText } from './text-layout';

export const BLACK = rgb(0, 0, 0);
export const INK = rgb(0.1, 0.1, 0.1);
export const GREY = rgb(0.38, 0.38, 0.38);
export const RULE = rgb(0.25, 0.25, 0.25);
export const CELL = rgb(0.93, 0.93, 0.93);
export const BAR = rgb(0.82, 0.82, 0.82);
export const RED = rgb(0.8, 0.05, 0.05);

/** pdf-lib rectangle (bottom-left origin) for a zone. */
export function pdfRect(zone: Zone, inset = 0): { x: number; y: number; width: number; height: number } {
  return {
    x: zone.x + inset,
    y: PAGE.height - zone.y - zone.height + inset,
    width: zone.width - 2 * inset,
    height: zone.height - 2 * inset,
  };
}

export function box(page: PDFPage, zone: Zone, opts: { fill?: RGB; border?: RGB; borderWidth?: number } = {}): void {
  page.drawRectangle({
    ...pdfRect(zone),
    ...(opts.fill ? { color: opts.fill } : {}),
    ...(opts.border ? { borderColor: opts.border, borderWidth: opts.borderWidth ?? 0.6 } : {}),
  });
}

/**
 * One line of text whose em box top is at `top` (top-left coordinates). CJK glyphs of
 * Noto Sans JP sit between -0.12 and 0.88 em around the baseline.
 */
export function line(page: PDFPage, text: string, x: number, top: number, size: number, font: PDFFont, color: RGB = INK): void {
  const y = PAGE.height - top - 0.88 * size;
  if (/[\r\n]/.test(text)) {
    page.drawText(text, { x, y, size, font, color });
    return;
  }
  // One BT..ET per line under ONE resource name per font (pdf-lib's drawText adds a new
  // random-suffixed name per call and wraps it in q/colour/leading/matrix operators of
  // 16-digit decimals): positions to 0.01 pt (0.004 mm), ~1 KB less per letter page (#14).
  const name = PDFName.of(`KF${font.ref.objectNumber}`);
  page.node.setFontDictionary(name, font.ref);
  const glyph = glyphOf(font);
  const encoded = glyph && !COMBINING.test(text) ? PDFHexString.of(Array.from(text, (c) => glyph(c).code).join('')) : font.encodeText(text);
  page.pushOperators(beginText(), setFontAndSize(name, size), setFillingColor(color), moveText(hundredths(x), hundredths(y)), showText(encoded), endText());
}

const hundredths = (v: number) => Math.round(v * 100) / 100;

/** Marks and variation selectors change the glyph of the character before them. */
const COMBINING = /[\p{M}\u200c\u200d\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;

/**
 * Width of `text` at `size`. For our Japanese subsets (forms/fonts.ts: no kerning, no GSUB or
 * GPOS kept) the sum of the characters' advances, each looked up once per subset: pdf-lib's
 * widthOfTextAtSize runs fontkit's whole layout per call, and line breaking measures every
 * prefix of a line, most of a letter's render time (#14). Other fonts (standard fonts kern)
 * and text with combining characters go through pdf-lib.
 */
export function textWidth(font: PDFFont, text: string, size: number): number {
  const glyph = glyphOf(font);
  if (!glyph || COMBINING.test(text)) return font.widthOfTextAtSize(text, size);
  let w = 0;
  for (const c of text) w += glyph(c).advance;
  return (w * size) / 1000;
}

/** Largest size <= `size` at which `text` fits `width` on one line. */
export function fitSize(text: string, font: PDFFont, size: number, width: number, min = 4): number {
  const w = textWidth(font, text, size);
  return w <= width ? size : Math.max(min, (size * width) / w);
}

/** Wrapped paragraph; returns the y (top-left coordinates) below its last line. */
export function paragraph(
  page: PDFPage,
  text: string,
  x: number,
  top: number,
  width: number,
  size: number,
  font: PDFFont,
  color: RGB = INK,
  leading = 1.22,
): number {
  let y = top;
  for (const l of wrapText(text, (s) => textWidth(font, s, size), width)) {
    line(page, l, x, y, size, font, color);
    y += size * leading;
  }
  return y;
}

export function paragraphHeight(text: string, width: number, size: number, font: PDFFont, leading = 1.22): number {
  return wrapText(text, (s) => textWidth(font, s, size), width).length * size * leading;
}
