import sharp from 'sharp';
import { KaijiError } from '@shared/errors';
import { decodeError } from './decode-errors';
import { toGreyPng } from './normalise';
import { DEFAULT_MAX_PIXELS, pdfPageCount, rasterizePdf } from './pdf-raster';
import { sniffFormat, type ScanFormat } from './sniff';

export interface ScanPage {
  /** 0-based position in the file. */
  pageIndex: number;
  /** 8-bit greyscale PNG, upright. */
  png: Buffer;
  width: number;
  height: number;
  /** Pixels per inch: from the file (JPEG/PNG/TIFF) or the render resolution (PDF). */
  dpi: number | undefined;
  /** The format found in the bytes (not the extension). */
  format: ScanFormat;
}

export interface DecodeOptions {
  /** Pixel limit per page; checked from the header before any pixel is decoded. */
  maxPixels?: number;
  /** Files with more pages are refused whole: silently dropping pages of a request is worse. */
  maxPages?: number;
  /** Resolution at which PDF pages are rendered. */
  pdfDpi?: number;
}

export const DEFAULT_MAX_PAGES = 200;

interface Limits {
  maxPixels: number;
  maxPages: number;
  pdfDpi: number;
}

/**
 * Decodes one uploaded scan into normalised pages, one page at a time. The format comes from
 * the bytes; every failure is a KaijiError with `{ file: fileName }` in its details.
 */
export async function* decodeScan(
  bytes: Buffer,
  fileName: string,
  opts: DecodeOptions = {},
): AsyncGenerator<ScanPage> {
  const limits: Limits = {
    maxPixels: opts.maxPixels ?? DEFAULT_MAX_PIXELS,
    maxPages: opts.maxPages ?? DEFAULT_MAX_PAGES,
    pdfDpi: opts.pdfDpi ?? 300,
  };
  if (bytes.length === 0) throw new KaijiError('FILE_EMPTY', { file: fileName });
  const format = sniffFormat(bytes);
  if (!format) throw new KaijiError('FILE_UNSUPPORTED', { file: fileName });
  if (format === 'pdf') yield* decodePdf(bytes, fileName, limits);
  else yield* decodeImage(bytes, format, fileName, limits);
}

/** Convenience for callers that want every page at once (tests, small files). */
export async function decodeScanAll(bytes: Buffer, fileName: string, opts?: DecodeOptions): Promise<ScanPage[]> {
  const pages: ScanPage[] = [];
  for await (const page of decodeScan(bytes, fileName, opts)) pages.push(page);
  return pages;
}

async function* decodePdf(bytes: Buffer, file: string, limits: Limits): AsyncGenerator<ScanPage> {
  const pages = await pdfPageCount(bytes, file);
  checkPageCount(pages, file, limits);
  const raster = rasterizePdf(bytes, { dpi: limits.pdfDpi, fileName: file, maxPixels: limits.maxPixels });
  for await (const page of raster) {
    const grey = await toGreyPng(page.png, {}, limits.pdfDpi);
    yield { pageIndex: page.pageIndex, ...grey, dpi: limits.pdfDpi, format: 'pdf' };
  }
}

async function* decodeImage(
  bytes: Buffer,
  format: Exclude<ScanFormat, 'pdf'>,
  file: string,
  limits: Limits,
): AsyncGenerator<ScanPage> {
  const first = await readHeader(bytes, format, file, 0);
  // Only TIFF is multi-page among the formats we accept.
  const pages = format === 'tiff' ? (first.pages ?? 1) : 1;
  checkPageCount(pages, file, limits);
  for (let pageIndex = 0; pageIndex < pages; pageIndex++) {
    const header = pageIndex === 0 ? first : await readHeader(bytes, format, file, pageIndex);
    checkPixels(header.width, header.height, file, limits);
    let grey;
    try {
      grey = await toGreyPng(
        bytes,
        {
          page: pageIndex,
          // 'error' refuses broken data but tolerates the harmless warnings real scanners emit.
          failOn: 'error',
          // Second line of defence behind checkPixels.
          limitInputPixels: limits.maxPixels,
        },
      );
    } catch (err) {
      throw decodeError(err, format, bytes, file);
    }
    yield { pageIndex, ...grey, dpi: header.density, format };
  }
}

/**
 * Header only: libvips reads dimensions and page count without decoding pixels. sharp's own
 * pixel limit is lifted here so that an oversized file gets our FILE_TOO_LARGE (with its size)
 * rather than a generic failure; the decode step keeps the limit.
 */
async function readHeader(bytes: Buffer, format: ScanFormat, file: string, page: number) {
  try {
    const meta = await sharp(bytes, { page, limitInputPixels: false }).metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    return { width: meta.width, height: meta.height, pages: meta.pages, density: meta.density };
  } catch (err) {
    throw decodeError(err, format, bytes, file);
  }
}

function checkPixels(width: number, height: number, file: string, limits: Limits): void {
  if (width * height > limits.maxPixels) {
    throw new KaijiError('FILE_TOO_LARGE', { file, width, height, limit: limits.maxPixels / 1e6 });
  }
}

function checkPageCount(pages: number, file: string, limits: Limits): void {
  if (pages > limits.maxPages) throw new KaijiError('FILE_TOO_MANY_PAGES', { file, pages, limit: limits.maxPages });
}
