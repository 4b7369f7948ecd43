import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { KaijiError } from '@shared/errors';
import { decodeBatch, decodeScanAll, sniffFormat, type ScanPage } from '../../electron/services/imaging';
import {
  TEXT_BOX,
  encryptedPdf,
  hugePngHeader,
  imagePdf,
  inkRatio,
  textPagePng, multiPageTiff } from './imaging-fixtures';

const page = textPagePng(); // 1000 x 1400 RGBA PNG with Japanese + Latin text
const blank = () => sharp({ create: { width: 1000, height: 1400, channels: 3, background: '#fff' } });

/** Every page must be an 8-bit, single-channel PNG whose header matches the reported size. */
async function expectNormalised(p: ScanPage) {
  const meta = await sharp(p.png).metadata();
  expect(meta).toMatchObject({ format: 'png', channels: 1, depth: 'uchar', hasAlpha: false });
  expect([meta.width, meta.height]).toEqual([p.width, p.height]);
}

async function failure(bytes: Buffer, fileName: string, opts = {}): Promise<KaijiError> {
  try {
    await decodeScanAll(bytes, fileName, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(KaijiError);
    return err as KaijiError;
  }
  throw new Error(`${fileName} decoded without error`);
}

describe('decodeScan: formats', () => {
  it('JPEG: one greyscale page with the text present and the density recorded', async () => {
    const jpeg = await sharp(page).flatten({ background: '#fff' }).withDensity(200).jpeg({ quality: 85 }).toBuffer();
    const [p, ...rest] = await decodeScanAll(jpeg, 'scan.jpg');
    expect(rest).toHaveLength(0);
    expect(p).toMatchObject({ pageIndex: 0, width: 1000, height: 1400, dpi: 200, format: 'jpeg' });
    await expectNormalised(p!);
    expect((await sharp(p!.png).metadata()).density).toBe(200);
    expect(await inkRatio(p!.png, TEXT_BOX)).toBeGreaterThan(0.03);
  });

  it('applies EXIF orientation (a phone photo taken sideways comes out upright)', async () => {
    // Pixels stored rotated 90° anticlockwise, with orientation 6 ("rotate 90° clockwise to view").
    const stored = await sharp(page).flatten({ background: '#fff' }).rotate(-90).jpeg().toBuffer();
    const jpeg = await sharp(stored).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect((await sharp(jpeg).metadata()).width).toBe(1400);
    const [p] = await decodeScanAll(jpeg, 'photo.jpg');
    expect([p!.width, p!.height]).toEqual([1000, 1400]);
    expect(await inkRatio(p!.png, TEXT_BOX)).toBeGreaterThan(0.03);
  });

  it('drops EXIF (it may name the device, its serial number or the place) but keeps the density', async () => {
    const flat = await sharp(page).flatten({ background: '#fff' }).toBuffer();
    const jpeg = await sharp(flat).withExif({ IFD0: { Make: 'ScannerCo', Model: 'SN-0042' } }).withDensity(200).jpeg().toBuffer();
    expect((await sharp(jpeg).metadata()).exif?.includes('SN-0042')).toBe(true);
    const [p] = await decodeScanAll(jpeg, 'exif.jpg');
    const meta = await sharp(p!.png).metadata();
    expect(meta.exif).toBeUndefined();
    expect(p!.png.includes('SN-0042')).toBe(false);
    expect(meta.density).toBe(200);
  });

  it('PNG with transparency: flattened onto white, not black', async () => {
    const [p] = await decodeScanAll(page, 'form.png'); // RGBA PNG from the canvas
    await expectNormalised(p!);
    const transparent = await sharp({ create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const [t] = await decodeScanAll(transparent, 'clear.png');
    const { data } = await sharp(t!.png).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(...data)).toBe(255);
  });

  it('16-bit colour PNG comes out 8-bit greyscale', async () => {
    const png16 = await sharp(page).flatten({ background: '#fff' }).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(png16).metadata()).depth).toBe('ushort');
    const [p] = await decodeScanAll(png16, 'deep.png');
    await expectNormalised(p!);
    expect(await inkRatio(p!.png, TEXT_BOX)).toBeGreaterThan(0.03);
  });

  it('multi-page TIFF: every page, in order', async () => {
    const blankPng = await blank().png().toBuffer();
    const tiff = await multiPageTiff([page, blankPng, page]);
    expect((await sharp(tiff).metadata()).pages).toBe(3);
    const pages = await decodeScanAll(tiff, 'batch.tif');
    expect(pages.map((p) => [p.pageIndex, p.width, p.height, p.format])).toEqual([
      [0, 1000, 1400, 'tiff'],
      [1, 1000, 1400, 'tiff'],
      [2, 1000, 1400, 'tiff'],
    ]);
    for (const p of pages) await expectNormalised(p);
    expect(pages[0]!.dpi).toBeCloseTo(200, 0);
    const inks = await Promise.all(pages.map((p) => inkRatio(p.png, TEXT_BOX)));
    expect(inks[0]).toBeGreaterThan(0.03);
    expect(inks[1]).toBe(0);
    expect(inks[2]).toBeGreaterThan(0.03);
  });

  it('bilevel (1-bit) TIFF from a document scanner', async () => {
    const bilevel = await sharp(page).flatten({ background: '#fff' }).toColourspace('b-w').threshold(128).tiff({ bitdepth: 1, compression: 'ccittfax4' }).toBuffer();
    const [p] = await decodeScanAll(bilevel, 'g4.tiff');
    await expectNormalised(p!);
    expect(await inkRatio(p!.png, TEXT_BOX)).toBeGreaterThan(0.03);
  });

  it('scanner-style PDF: pages rendered at the requested dpi', async () => {
    const pdf = Buffer.from(await imagePdf([page, page], 120));
    const pages = await decodeScanAll(pdf, 'scan.pdf', { pdfDpi: 120 });
    expect(pages).toHaveLength(2);
    for (const p of pages) {
      expect(p).toMatchObject({ width: 1000, height: 1400, dpi: 120, format: 'pdf' });
      await expectNormalised(p);
      expect(await inkRatio(p.png, TEXT_BOX)).toBeGreaterThan(0.03);
    }
  });

  it('trusts the bytes, not the extension', async () => {
    expect(sniffFormat(page)).toBe('png');
    const [p] = await decodeScanAll(page, 'actually-a-png.jpg');
    expect(p!.format).toBe('png');
    const err = await failure(Buffer.from('これはPDFではありません\n'), 'notes.pdf');
    expect(err.code).toBe('FILE_UNSUPPORTED');
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    expect((await failure(gif, 'x.gif')).code).toBe('FILE_UNSUPPORTED');
  });
});

// Issue 11, finding 7: the message and details name no file (a file name is personal, e.g.
// 山田太郎_免許証.png); the screen that chose the file shows its name beside the error.
describe('decodeScan: bad input gets a bilingual error that names no file', () => {
  it('empty', async () => {
    const err = await failure(Buffer.alloc(0), 'empty.jpg');
    expect(err.code).toBe('FILE_EMPTY');
    expect(err.toInfo()).toEqual({
      code: 'FILE_EMPTY',
      message: { ja: 'このファイルは空です。', en: 'This file is empty.' },
    });
  });

  it('truncated JPEG, PNG, TIFF and PDF', async () => {
    const flat = await sharp(page).flatten({ background: '#fff' }).toBuffer();
    const jpeg = await sharp(flat).jpeg().toBuffer();
    const tiff = await sharp(flat).tiff({ compression: 'lzw' }).toBuffer();
    const pdf = Buffer.from(await imagePdf([page]));
    const cut = (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6));
    for (const [bytes, name] of [
      [cut(jpeg), 'cut.jpg'],
      [cut(page), 'cut.png'],
      [page.subarray(0, 30), 'header-only.png'],
      [cut(tiff), 'cut.tif'],
      [cut(pdf), 'cut.pdf'],
    ] as const) {
      const err = await failure(bytes, name);
      expect([name, err.code]).toEqual([name, 'FILE_TRUNCATED']);
      expect(err.details).toBeUndefined();
    }
    expect((await failure(cut(jpeg), '申請書.jpg')).toInfo().message.ja).toBe(
      'このファイルは途中で切れています（転送やスキャンが完了していない可能性があります）。',
    );
  });

  it('corrupt (damaged in the middle, end intact)', async () => {
    const damaged = Buffer.from(page);
    for (let i = 2000; i < 6000; i++) damaged[i] = (i * 7) & 0xff;
    const err = await failure(damaged, 'damaged.png');
    expect(err.code).toBe('FILE_CORRUPT');
    expect(err.toInfo().message.en).toBe('This file is damaged and cannot be read.');
    // A TIFF signature followed by nonsense.
    const junkTiff = Buffer.concat([Buffer.from('II*\0', 'latin1'), Buffer.from([8, 0, 0, 0]), Buffer.alloc(64, 0xab)]);
    expect((await failure(junkTiff, 'junk.tif')).code).toBe('FILE_CORRUPT');
  });

  it('oversized: refused from the header, without decoding 400 megapixels', async () => {
    const huge = hugePngHeader(20000, 20000);
    expect(huge.length).toBeLessThan(1000);
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const err = await failure(huge, 'huge.png');
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.details).toEqual({ width: 20000, height: 20000, limit: 150 });
    expect(err.toInfo().message.ja).toContain('20000×20000 ピクセル、上限 150 メガピクセル');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('password-protected PDF', async () => {
    const err = await failure(Buffer.from(encryptedPdf()), '保護.pdf');
    expect(err.code).toBe('FILE_ENCRYPTED');
    expect(err.toInfo().message.ja).toContain('このファイルはパスワードで保護');
    expect(JSON.stringify(err.toInfo())).not.toContain('保護.pdf');
  });

  it('too many pages: refused whole rather than silently cut', async () => {
    const tiff = await multiPageTiff([page, page, page]);
    const err = await failure(tiff, 'many.tif', { maxPages: 2 });
    expect(err.code).toBe('FILE_TOO_MANY_PAGES');
    expect(err.details).toEqual({ pages: 3, limit: 2 });
    const pdf = Buffer.from(await imagePdf([page, page, page]));
    expect((await failure(pdf, 'many.pdf', { maxPages: 2 })).code).toBe('FILE_TOO_MANY_PAGES');
  });
});

describe('decodeBatch', () => {
  it('one bad file does not stop the others; results keep the input order', async () => {
    const jpeg = await sharp(page).flatten({ background: '#fff' }).jpeg().toBuffer();
    const results = await decodeBatch(
      [
        { fileName: 'a.jpg', bytes: jpeg },
        { fileName: 'b.pdf', bytes: Buffer.from('not a pdf at all') },
        { fileName: 'c.png', bytes: page },
        { fileName: 'd.png', bytes: Buffer.alloc(0) },
      ],
      { concurrency: 2 },
    );
    expect(results.map((r) => [r.fileName, r.ok])).toEqual([
      ['a.jpg', true],
      ['b.pdf', false],
      ['c.png', true],
      ['d.png', false],
    ]);
    const [a, b, , d] = results;
    if (!a!.ok || b!.ok || d!.ok) throw new Error('unexpected shape');
    expect(a!.pages).toHaveLength(1);
    expect(b!.error.code).toBe('FILE_UNSUPPORTED');
    expect(b!.error.message.ja).toContain('このファイルは対応していない形式です');
    expect(d!.error.code).toBe('FILE_EMPTY');
  });
});
