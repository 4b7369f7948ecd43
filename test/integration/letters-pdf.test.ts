/**
 * Letter PDFs as pixels and bytes, without OCR (letters-render.test.ts reads them): the
 * recipient block inside the 長形3号 window in every allowed sheet position, the QR code
 * decoded from every page, further pages with footer and QR, the 控 / COPY mark, the font
 * subset and size, determinism, and refusing characters without a glyph.
 */
import { createHash } from 'node:crypto';
import * as fontkitModule from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { KaijiError } from '../../shared/errors';
import { draftText, LETTER_TEMPLATES, parseLetterQr, type LetterTemplateId } from '../../shared/domain/letters';
import { ADDRESS_BLOCK, MM, PAGE, QR_ZONE, renderLetter, sheetPositions, type RenderedPdf } from '../../electron/services/letters/render';
import { LETTER_ID, longLetterInput, renderInput } from '../helpers/letters-fixture';
import { contains, inkBox, readQr, redPixels, renderPages, windowOnSheetPt, type PagePixels } from './letters-pixels';

const fontkit: typeof fontkitModule = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;

// 200 dpi: QR modules of 0.43 mm are ~3.4 px, enough for jsqr; ink boxes to 0.13 mm.
const DPI = 200;
const letters = new Map<LetterTemplateId, { result: RenderedPdf; pages: PagePixels[] }>();
let long: { result: RenderedPdf; pages: PagePixels[] };

beforeAll(async () => {
  for (const t of LETTER_TEMPLATES) {
    const result = await renderLetter(renderInput(t));
    letters.set(t, { result, pages: await renderPages(result.pdf, DPI) });
  }
  const result = await renderLetter(longLetterInput());
  long = { result, pages: await renderPages(result.pdf, DPI) };
}, 300_000);

describe('長形3号 window envelope', () => {
  it('the address block lies inside the window in every allowed sheet position, above the first fold', () => {
    for (const p of sheetPositions()) expect(contains(windowOnSheetPt(p.left, p.top), ADDRESS_BLOCK)).toBe(true);
    expect(sheetPositions()).toHaveLength(4);
    // Room for 〒, three address lines and the name.
    expect(ADDRESS_BLOCK.width).toBeGreaterThan(70 * MM);
    expect(ADDRESS_BLOCK.height).toBeGreaterThan(30 * MM);
    expect(ADDRESS_BLOCK.y + ADDRESS_BLOCK.height).toBeLessThan(99 * MM);
  });

  it.each(LETTER_TEMPLATES)('%s: the only ink seen through the window is the address block', (t) => {
    const page = letters.get(t)!.pages[0]!;
    for (const p of sheetPositions()) {
      const box = inkBox(page, windowOnSheetPt(p.left, p.top));
      expect(box).not.toBeNull();
      expect(contains(ADDRESS_BLOCK, box!, 0.5)).toBe(true);
      // 〒, two address lines and the name: the block is well filled, not a stray mark.
      expect(box!.height).toBeGreaterThan(15 * MM);
    }
  });

  it('a very long address and name shrink until they fit the block', async () => {
    const input = renderInput('no_data', 'ja', {
      recipient: {
        postalCode: '9071801',
        address: '沖縄県八重山郡与那国町字与那国1234番地の5 与那国ハイツ東棟1203号室\n株式会社サンプル総務部気付 個人情報保護担当 御中転送分 第二事業所分室',
        name: '株式会社サンプル・ホールディングス 総務部 個人情報保護担当',
        honorific: '御中',
      },
    });
    const [page] = await renderPages((await renderLetter(input)).pdf, DPI);
    for (const p of sheetPositions()) expect(contains(ADDRESS_BLOCK, inkBox(page!, windowOnSheetPt(p.left, p.top))!, 0.5)).toBe(true);
  });

  it('an address that cannot fit even at 60 % is refused, never cut', async () => {
    const address = Array.from({ length: 9 }, (_, i) => `東京都千代田区千代田${i}丁目${i}番${i}号 第${i}ビル`).join('\n');
    const input = renderInput('no_data', 'ja', { recipient: { postalCode: '1000001', address, name: '山田 花子', honorific: '様' } });
    await expect(renderLetter(input)).rejects.toSatisfy((e: unknown) => e instanceof KaijiError && e.code === 'LETTER_ADDRESS_TOO_LONG');
  });
});

describe('QR code (KAIJI-LTR) on every page', () => {
  it.each(LETTER_TEMPLATES)('%s: decodes to the case number and letter id', async (t) => {
    const { pages, result } = letters.get(t)!;
    expect(pages.length).toBeGreaterThan(0);
    expect(pages).toHaveLength(result.pageCount);
    for (const page of pages) {
      expect(parseLetterQr((await readQr(page)) ?? '')).toEqual({ caseNo: '2026-0042', letterId: LETTER_ID });
    }
  });

  it('sits in QR_ZONE, clear of the text around it', () => {
    const page = letters.get('disclosure')!.pages[0]!;
    const around = { x: QR_ZONE.x - 4 * MM, y: QR_ZONE.y - 4 * MM, width: PAGE.width - QR_ZONE.x + 4 * MM, height: QR_ZONE.height + 6 * MM };
    const box = inkBox(page, around)!;
    expect(contains({ x: QR_ZONE.x - 1, y: QR_ZONE.y - 1, width: QR_ZONE.width + 2, height: QR_ZONE.height + 2 }, box)).toBe(true);
  });
});

describe('pages', () => {
  it('a long letter flows onto three pages, each with its QR code and footer', async () => {
    expect(long.result.pageCount).toBe(3);
    expect(long.pages).toHaveLength(3);
    for (const page of long.pages) {
      expect(parseLetterQr((await readQr(page)) ?? '')).toEqual({ caseNo: '2026-0042', letterId: LETTER_ID });
      const pageNo = inkBox(page, { x: PAGE.width / 2 - 20 * MM, y: 281 * MM, width: 40 * MM, height: 8 * MM });
      const caseNo = inkBox(page, { x: PAGE.width - 70 * MM, y: 281 * MM, width: 55 * MM, height: 8 * MM });
      expect(pageNo).not.toBeNull();
      expect(caseNo).not.toBeNull();
    }
    // Body text reaches down the full pages, and stops above the footer.
    const body = inkBox(long.pages[1]!, { x: 0, y: 30 * MM, width: PAGE.width, height: 245 * MM })!;
    expect(body.y + body.height).toBeGreaterThan(258 * MM);
    expect(body.y + body.height).toBeLessThan(278 * MM);
  });
});

describe('file', () => {
  it.each(LETTER_TEMPLATES)('%s: A4, under 80 KB with the font embedded', async (t) => {
    const { pdf, pageCount } = letters.get(t)!.result;
    expect(pdf.byteLength).toBeLessThan(80_000);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(pageCount);
    expect(doc.getPage(0).getWidth()).toBeCloseTo(PAGE.width, 1);
    expect(doc.getPage(0).getHeight()).toBeCloseTo(PAGE.height, 1);
  });

  it('embeds one TrueType font holding only the glyphs printed (HarfBuzz subset, not the 17,000-glyph font)', async () => {
    const input = renderInput('deficiency');
    const doc = await PDFDocument.load(letters.get('deficiency')!.result.pdf);
    const descriptors = doc.context
      .enumerateIndirectObjects()
      .map(([, obj]) => obj)
      .filter((obj): obj is PDFDict => obj instanceof PDFDict && obj.has(PDFName.of('FontFile2')));
    expect(descriptors).toHaveLength(1);
    const stream = descriptors[0]!.lookup(PDFName.of('FontFile2'));
    if (!(stream instanceof PDFRawStream)) throw new Error('no embedded TrueType font');
    const font = fontkit.create(decodePDFRawStream(stream).decode());
    const printed = new Set(Array.from(draftText(input.draft).replace(/\s/g, '')));
    expect(font.numGlyphs).toBeGreaterThanOrEqual(printed.size);
    expect(font.numGlyphs).toBeLessThan(printed.size + 120); // + header, address, sender, digits
    // The program carries no cmap (a CIDFontType2 font reaches glyphs by id: forms/compact-font.ts);
    // the ToUnicode map names each glyph's character, and each of these has an outline.
    const type0 = doc.context.enumerateIndirectObjects().map(([, obj]) => obj).find((obj): obj is PDFDict => obj instanceof PDFDict && obj.get(PDFName.of('Subtype'))?.toString() === '/Type0')!;
    const cmap = Buffer.from(decodePDFRawStream(type0.lookup(PDFName.of('ToUnicode')) as PDFRawStream).decode()).toString('latin1');
    const glyphOf = new Map([...cmap.matchAll(/<([0-9A-F]{4})> <([0-9A-F]{4})>/gi)].map(([, g, u]) => [String.fromCharCode(parseInt(u!, 16)), parseInt(g!, 16)]));
    for (const ch of ['請', '求', '書', '類', '様', '令', '和', '〒']) expect(font.getGlyph(glyphOf.get(ch) ?? 0).path.toSVG().length, ch).toBeGreaterThan(20);
  });

  it('is deterministic and its sha256 is the hash of its bytes', async () => {
    const a = await renderLetter(renderInput('disclosure'));
    const b = await renderLetter(renderInput('disclosure'));
    expect(a.sha256).toBe(b.sha256);
    expect(a.sha256).toBe(createHash('sha256').update(a.pdf).digest('hex'));
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
    expect(a.sha256).toBe(letters.get('disclosure')!.result.sha256);
  });

  it('a reprint is marked 控 / COPY in red on every page and differs from the original', async () => {
    const copy = await renderLetter({ ...longLetterInput(), copy: true });
    expect(copy.sha256).not.toBe(long.result.sha256);
    const pages = await renderPages(copy.pdf, 100);
    expect(pages).toHaveLength(3);
    const top = { x: PAGE.width / 2 - 40 * MM, y: 0, width: 80 * MM, height: 16 * MM };
    for (const page of pages) expect(redPixels(page, top)).toBeGreaterThan(200);
    for (const page of long.pages) expect(redPixels(page, top)).toBe(0);
  });

  it('refuses characters without a glyph instead of printing empty boxes', async () => {
    const input = renderInput('no_data', 'ja', { recipient: { postalCode: '100-0001', address: '東京都', name: '山田 ≒', honorific: '様' } });
    await expect(renderLetter(input)).rejects.toSatisfy((e: unknown) => e instanceof KaijiError && e.code === 'LETTER_GLYPH_MISSING');
  });

  it('refuses a date that does not exist and ids that would break the QR payload', async () => {
    await expect(renderLetter(renderInput('no_data', 'ja', { issuedOn: '2026-02-30' }))).rejects.toBeInstanceOf(KaijiError);
    await expect(renderLetter(renderInput('no_data', 'ja', { letterId: 'a:b' }))).rejects.toThrow();
  });

  it('control characters pasted into a draft are dropped, tabs become spaces', async () => {
    const input = renderInput('no_data');
    const dirty = { ...input, draft: { ...input.draft, body: input.draft.body.map((b) => `\t${b}\u0007`) } };
    const a = await renderLetter(dirty);
    expect(a.pageCount).toBe(1);
  });
});
