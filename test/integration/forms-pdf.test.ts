/**
 * The blank application form: structure read back with pdf-lib, glyph coverage of its field
 * font, and pixels rendered by the imaging rasterizer.
 */
import * as fontkitModule from '@pdf-lib/fontkit';
import {
  PDFArray,
  PDFCheckBox,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRadioGroup,
  PDFRawStream,
  PDFRef,
  PDFTextField,
  PDFHexString,
  beginText,
  decodePDFRawStream,
  endText,
  moveText,
  setFontAndSize,
  showText,
} from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ALIGNMENT_MARKS,
  FIELD_NAMES,
  FIELDS,
  FORM_ID,
  GROUP_LABELS,
  NOTES_ZONE,
  PAGE,
  QR_QUIET_ZONE,
  QR_ZONE,
  SECTIONS,
  type Zone,
} from '../../shared/domain/application-form';
import { generateApplicationForm } from '../../electron/services/forms/application-form-pdf';
import { fieldCharset } from '../../electron/services/forms/charset';
import { charsWithoutGlyph } from '../../electron/services/forms/fonts';
import { COMPANY } from './forms-fixture';
import { darkCentroid, grow, inkRatio, readQr, renderFirstPage, type Raster } from './forms-pixels';

const fontkit: typeof fontkitModule = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;

let fillable: Uint8Array;
let printOnly: Uint8Array;
let coldMs = 0;

beforeAll(async () => {
  const t0 = performance.now();
  fillable = await generateApplicationForm(COMPANY);
  coldMs = performance.now() - t0;
  printOnly = await generateApplicationForm(COMPANY, { fields: 'none' });
});

/** Top-left zone of a widget's /Rect. */
function widgetZone(rect: number[]): Zone {
  const [x1, y1, x2, y2] = rect as [number, number, number, number];
  return { x: Math.min(x1, x2), y: PAGE.height - Math.max(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
}
const within = (a: Zone, b: Zone) =>
  a.x >= b.x - 0.01 && a.y >= b.y - 0.01 && a.x + a.width <= b.x + b.width + 0.01 && a.y + a.height <= b.y + b.height + 0.01;

/** The AcroForm's default (/DR) font: the one a viewer draws typed text with. */
function fieldFont(doc: PDFDocument) {
  const acro = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
  const fonts = acro.lookup(PDFName.of('DR'), PDFDict).lookup(PDFName.of('Font'), PDFDict);
  const [name, ref] = fonts.entries()[0]!;
  const type0 = doc.context.lookup(ref as PDFRef, PDFDict);
  const cid = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  const file = cid.lookup(PDFName.of('FontDescriptor'), PDFDict).lookup(PDFName.of('FontFile2'));
  if (!(file instanceof PDFRawStream)) throw new Error('field font is not an embedded TrueType font');
  return { acro, name, ref: ref as PDFRef, type0, cid, font: fontkit.create(decodePDFRawStream(file).decode()) };
}

describe('blank application form: structure', () => {
  it('is one A4 page with a title and the form id', async () => {
    const doc = await PDFDocument.load(fillable);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(PAGE.width, 1);
    expect(height).toBeCloseTo(PAGE.height, 1);
    expect(doc.getTitle()).toContain('個人情報開示等請求書');
    expect(doc.getSubject()).toBe(`${FORM_ID} version 1`);
    console.info(`form: ${fillable.length} bytes fillable, ${printOnly.length} bytes print-only, first generation ${coldMs.toFixed(0)} ms`);
  });

  it('exposes every documented field by name, with the documented kind', async () => {
    const form = (await PDFDocument.load(fillable)).getForm();
    expect(form.getFields().map((f) => f.getName()).sort()).toEqual([...FIELD_NAMES].sort());
    for (const f of FIELDS) {
      const field = form.getField(f.name);
      if (f.kind === 'checkbox') expect(field, f.name).toBeInstanceOf(PDFCheckBox);
      else if (f.kind === 'choice') {
        expect(field, f.name).toBeInstanceOf(PDFRadioGroup);
        expect((field as PDFRadioGroup).getOptions()).toEqual(f.options?.map((o) => o.value));
      } else {
        expect(field, f.name).toBeInstanceOf(PDFTextField);
        expect((field as PDFTextField).isMultiline(), f.name).toBe(Boolean(f.multiline));
      }
    }
  });

  it('puts each widget inside its documented zone', async () => {
    const form = (await PDFDocument.load(fillable)).getForm();
    for (const f of FIELDS) {
      const widgets = form.getField(f.name).acroField.getWidgets();
      const zones = f.kind === 'choice' ? (f.options ?? []).map((o) => o.zone) : [f.zone];
      expect(widgets).toHaveLength(zones.length);
      widgets.forEach((w, i) => {
        const r = w.getRectangle();
        const z = widgetZone([r.x, r.y, r.x + r.width, r.y + r.height]);
        expect(within(z, zones[i]!), f.name).toBe(true);
        expect(z.width * z.height, f.name).toBeGreaterThan(0.6 * zones[i]!.width * zones[i]!.height);
      });
    }
  });

  it('has an AcroForm /DR font with a glyph, a width and a Unicode mapping for every JIS X 0208 character', async () => {
    const doc = await PDFDocument.load(fillable);
    const { acro, name, type0, cid, font } = fieldFont(doc);
    expect(acro.lookup(PDFName.of('DA'))?.toString()).toContain(name.toString());
    const missing: string[] = [];
    for (const c of fieldCharset()) {
      if (/\s/.test(c)) continue;
      const g = font.glyphForCodePoint(c.codePointAt(0)!);
      // The fontkit subsetting bug left glyphs without outlines: check the outlines too.
      if (g.id === 0 || g.path.toSVG() === '') missing.push(c);
    }
    // Only what Noto Sans JP itself lacks (≒) may be missing.
    expect(missing).toEqual(await charsWithoutGlyph(fieldCharset()));
    expect(missing.length).toBeLessThanOrEqual(4);
    // Widths for all glyphs, not just those printed on the blank page.
    const w = cid.lookup(PDFName.of('W'), PDFArray).asArray();
    const widthCount = w.filter((x) => x instanceof PDFArray).reduce((n, a) => n + (a as PDFArray).size(), 0);
    expect(widthCount).toBeGreaterThanOrEqual(font.numGlyphs - 1);
    const toUnicodeStream = type0.lookup(PDFName.of('ToUnicode'));
    if (!(toUnicodeStream instanceof PDFRawStream)) throw new Error('no ToUnicode CMap');
    const toUnicode = decodePDFRawStream(toUnicodeStream).decode();
    const cmap = Buffer.from(toUnicode).toString('latin1');
    const hex = (c: string) => c.codePointAt(0)!.toString(16).padStart(4, '0');
    for (const c of '髙﨑あア漢') expect(cmap.toLowerCase(), c).toContain(`<${hex(c)}>`);
  });

  it('stays reasonably small; the print-only variant has no fields', async () => {
    expect(fillable.length).toBeLessThan(2_000_000);
    expect(printOnly.length).toBeLessThan(200_000);
    expect((await PDFDocument.load(printOnly)).getForm().getFields()).toHaveLength(0);
  });
});

describe('blank application form: rendered at 150 dpi', () => {
  let page: Raster;
  beforeAll(async () => {
    page = await renderFirstPage(fillable, 150);
  });

  it('carries a QR code that decodes to the form id and version', async () => {
    expect(await readQr(page)).toBe('KAIJI-FORM:kaiji-appi-request:1');
  });

  it('has 4 solid alignment marks exactly where documented', () => {
    for (const m of ALIGNMENT_MARKS) {
      expect(inkRatio(page, m.zone, 1), m.id).toBeGreaterThan(0.97);
      // Found by searching around the documented position: nothing else dark nearby.
      const c = darkCentroid(page, grow(m.zone, 14));
      expect(c, m.id).not.toBeNull();
      expect(Math.abs(c!.x - (m.zone.x + m.zone.width / 2)), m.id).toBeLessThan(0.5);
      expect(Math.abs(c!.y - (m.zone.y + m.zone.height / 2)), m.id).toBeLessThan(0.5);
    }
  });

  it('prints every Japanese label (ink in each label line) and leaves the boxes empty', () => {
    // The Japanese line alone (English sub-labels are measured separately): a dropped glyph
    // leaves it white. Cell labels start <= 4 pt below the cell top, 8 pt high; tick-box
    // labels put Japanese in the upper half.
    const jaLine = (z: Zone, style: 'cell' | 'inline'): Zone =>
      style === 'cell' ? { x: z.x, y: z.y + 2, width: z.width, height: 9 } : { ...z, height: z.height / 2 };
    const labels = [
      ...FIELDS.flatMap((f) => [
        { what: f.name, zone: jaLine(f.labelZone, f.labelStyle), style: f.labelStyle },
        ...(f.options ?? []).map((o) => ({ what: `${f.name}=${o.value}`, zone: jaLine(o.labelZone, 'inline') })),
      ]),
      ...SECTIONS.map((s) => ({ what: s.title, zone: s.zone })),
      ...GROUP_LABELS.map((g) => ({ what: g.label, zone: jaLine(g.zone, 'cell') })),
    ];
    const ratios = labels.map(({ what, zone }) => ({ what, ink: inkRatio(page, zone, 1) }));
    for (const { what, ink } of ratios) expect(ink, what).toBeGreaterThan(0.015);
    for (const f of FIELDS) {
      for (const z of f.kind === 'choice' ? (f.options ?? []).map((o) => o.zone) : [f.zone]) {
        expect(inkRatio(page, z, 2), f.name).toBeLessThan(0.001);
      }
    }
  });
});

describe('text typed into the blank form later', () => {
  it('renders with the form\'s own field font, as a viewer would draw it', async () => {
    // What a PDF viewer does when someone types into a field: show the text with the /DA
    // font from /DR, glyph ids through Identity-H. Drawn here into the empty agent.name box.
    const doc = await PDFDocument.load(fillable);
    const { ref, font } = fieldFont(doc);
    const typed = '髙﨑 ｲﾁﾛｳ 鷗外 Ab1';
    const hex = Array.from(typed).map((c) => font.glyphForCodePoint(c.codePointAt(0)!).id.toString(16).padStart(4, '0')).join('');
    const zone = FIELDS.find((f) => f.name === 'agent.name')!.zone;
    const page = doc.getPage(0);
    page.node.setFontDictionary(PDFName.of('Typed'), ref);
    page.pushOperators(
      beginText(),
      setFontAndSize('Typed', 14),
      moveText(zone.x + 4, PAGE.height - zone.y - zone.height + 7),
      showText(PDFHexString.of(hex)),
      endText(),
    );
    const raster = await renderFirstPage(await doc.save(), 150);
    expect(inkRatio(raster, zone, 2)).toBeGreaterThan(0.03);
  });
});

describe('a company with long names and addresses', () => {
  it('still fits one page: notes shrink instead of running into the footer', async () => {
    const pdf = await generateApplicationForm(
      {
        name: '株式会社サンプル・ホールディングス・アンド・パートナーズ・ジャパン',
        address: '〒100-0005 東京都千代田区丸の内一丁目1番1号 サンプル丸の内ビルディング北館27階 受付センター内 私書箱1234号',
        contactPoint: '個人情報保護管理者（個人情報開示等請求受付窓口）',
      },
      { fields: 'none' },
    );
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    const r = await renderFirstPage(pdf, 150);
    // Between the notes box and the footer line: white.
    const below = { x: NOTES_ZONE.x, y: NOTES_ZONE.y + NOTES_ZONE.height + 1.5, width: NOTES_ZONE.width, height: 8 };
    expect(inkRatio(r, below)).toBe(0);
    // Header text stays clear of the QR code's quiet zone.
    expect(inkRatio(r, { ...QR_QUIET_ZONE, x: QR_QUIET_ZONE.x + 0.5, width: QR_ZONE.x - QR_QUIET_ZONE.x - 1 })).toBe(0);
    expect(await readQr(r)).toBe('KAIJI-FORM:kaiji-appi-request:1');
  });
});
