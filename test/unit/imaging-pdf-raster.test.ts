import { describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';
import { KaijiError } from '@shared/errors';
import { pdfPageCount, rasterizePdf } from '../../electron/services/imaging/pdf-raster';
import { encryptedPdf, imagePdf, inkRatio, textPagePng, textPdf } from './imaging-fixtures';

async function collect(bytes: Uint8Array, opts: Parameters<typeof rasterizePdf>[1] = {}) {
  const pages = [];
  for await (const p of rasterizePdf(bytes, opts)) pages.push(p);
  return pages;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(KaijiError);
    return (err as KaijiError).code;
  }
  return 'no error';
}

describe('rasterizePdf', () => {
  it('renders Japanese text from an embedded font as glyphs, offline', async () => {
    const pdf = await textPdf();
    expect(await pdfPageCount(pdf)).toBe(1);
    const [page] = await collect(pdf, { dpi: 150 });
    // A4 at 150 dpi: 1240 x 1754.
    expect(page).toMatchObject({ pageIndex: 0, width: 1240, height: 1754 });
    const meta = await sharp(page!.png).metadata();
    expect([meta.width, meta.height]).toEqual([1240, 1754]);
    // Text band (first lines at y = 760pt baseline -> ~170 px from the top at 150 dpi).
    const ink = await inkRatio(page!.png, { left: 80, top: 120, width: 900, height: 300 });
    expect(ink).toBeGreaterThan(0.02);
    // Below the text the page is blank white.
    expect(await inkRatio(page!.png, { left: 80, top: 1300, width: 900, height: 300 })).toBe(0);
  });

  it('never touches the network (no CDN worker, fonts or CMaps)', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('offline'));
    try {
      const pages = await collect(await imagePdf([textPagePng()]), { dpi: 72 });
      expect(pages).toHaveLength(1);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('renders glyph shapes, not tofu boxes: distinct characters give distinct bitmaps', async () => {
    const render = async (s: string) => {
      const [p] = await collect(await textPdf([s]), { dpi: 100 });
      return sharp(p!.png).extract({ left: 60, top: 60, width: 120, height: 80 }).greyscale().raw().toBuffer();
    };
    const [a, b] = await Promise.all([render('山'), render('開')]);
    // Missing glyphs render as identical .notdef boxes (or nothing); real glyphs differ.
    expect(a.equals(b)).toBe(false);
    const ink = (buf: Buffer) => buf.filter((v) => v < 128).length;
    expect(ink(a)).toBeGreaterThan(50);
    expect(ink(b)).toBeGreaterThan(ink(a)); // 開 has far more strokes than 山
  });

  it('renders scanner-style image PDFs page by page and honours maxPages and dpi', async () => {
    const pdf = await imagePdf([textPagePng(), textPagePng(), textPagePng()], 120);
    expect(await pdfPageCount(pdf)).toBe(3);
    const pages = await collect(pdf, { dpi: 120, maxPages: 2 });
    expect(pages.map((p) => p.pageIndex)).toEqual([0, 1]);
    expect(pages[0]).toMatchObject({ width: 1000, height: 1400 });
    expect(await inkRatio(pages[1]!.png, { left: 100, top: 120, width: 900, height: 420 })).toBeGreaterThan(0.02);
    const [at300] = await collect(pdf, { maxPages: 1 });
    expect(at300).toMatchObject({ width: 2500, height: 3500 });
    // JPEG (DCTDecode) pages, as most scanners write them.
    const jpegPdf = await imagePdf([textPagePng()], 120, 'jpeg');
    const [j] = await collect(jpegPdf, { dpi: 120 });
    expect(j).toMatchObject({ width: 1000, height: 1400 });
    expect(await inkRatio(j!.png, { left: 100, top: 120, width: 900, height: 420 })).toBeGreaterThan(0.02);
  });

  it('reports password protection, corruption, truncation and emptiness', async () => {
    const enc = encryptedPdf();
    expect(await codeOf(pdfPageCount(enc, 'locked.pdf'))).toBe('FILE_ENCRYPTED');
    expect(await codeOf(collect(enc))).toBe('FILE_ENCRYPTED');

    const good = await textPdf();
    expect(await codeOf(pdfPageCount(good.slice(0, Math.floor(good.length * 0.6))))).toBe('FILE_TRUNCATED');
    expect(await codeOf(pdfPageCount(Buffer.from('%PDF-1.7\ngarbage garbage\n%%EOF\n')))).toBe('FILE_CORRUPT');
    expect(await codeOf(pdfPageCount(Buffer.from('hello, not a pdf')))).toBe('FILE_CORRUPT');
    expect(await codeOf(pdfPageCount(new Uint8Array(0)))).toBe('FILE_EMPTY');
  });

  // Issue 11, finding 7: a file name is personal (山田太郎_免許証.pdf); the row that chose it shows it.
  it('keeps the file name out of the error', async () => {
    const err = await rasterizePdf(encryptedPdf(), { fileName: '申請書.pdf' }).next().catch((e) => e);
    expect(err).toBeInstanceOf(KaijiError);
    expect(err.details).toBeUndefined();
    expect(err.toInfo().message.ja).toContain('このファイルはパスワードで保護');
    expect(`${err.message} ${JSON.stringify(err.toInfo())}`).not.toContain('申請書');
  });

  it('refuses a page whose bitmap would be too large, before allocating it', async () => {
    const pdf = await imagePdf([textPagePng()], 120);
    const err = await collect(pdf, { dpi: 3000, fileName: 'big.pdf' }).catch((e) => e);
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.details).toEqual({ width: 25000, height: 35000, limit: 150 });
  });

  it('does not detach the caller\'s buffer', async () => {
    const pdf = await textPdf();
    const before = pdf.byteLength;
    await pdfPageCount(pdf);
    expect(pdf.byteLength).toBe(before);
  });
});
