import sharp, { type SharpOptions } from 'sharp';
import { KaijiError } from '@shared/errors';
import { decodeError } from './decode-errors';
import { toGreyPng, toGreyRaw, type GreyRaw } from './normalise';
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
  for await (const { page, pageIndex, dpi, format } of decodeWith(bytes, fileName, opts, toGreyPng)) {
    yield { pageIndex, ...page, dpi, format };
  }
}

/** One page as raw grey pixels (not encoded), with the file's page count. */
export interface ScanPixels {
  pageIndex: number;
  pageCount: number;
  pixels: GreyRaw;
  dpi: number | undefined;
  format: ScanFormat;
}

/**
 * Like `decodeScan` (same checks, same normalisation), but each page stays raw pixels: the scan
 * pipeline turns and straightens them and encodes the page once (issue 12 item 7).
 */
export async function* decodeScanPixels(bytes: Buffer, fileName: string, opts: DecodeOptions = {}): AsyncGenerator<ScanPixels> {
  for await (const { page, pageIndex, pageCount, dpi, format } of decodeWith(bytes, fileName, opts, toGreyRaw)) {
    yield { pageIndex, pageCount, pixels: { ...page, ...(page.density || !dpi ? {} : { density: dpi }) }, dpi, format };
  }
}

type Convert<T> = (input: Buffer, options: SharpOptions, renderDpi?: number) => Promise<T>;

interface Decoded<T> {
  page: T;
  pageIndex: number;
  pageCount: number;
  dpi: number | undefined;
  format: ScanFormat;
}

async function* decodeWith<T>(bytes: Buffer, fileName: string, opts: DecodeOptions, convert: Convert<T>): AsyncGenerator<Decoded<T>> {
  const limits: Limits = {
    maxPixels: opts.maxPixels ?? DEFAULT_MAX_PIXELS,
    maxPages: opts.maxPages ?? DEFAULT_MAX_PAGES,
    pdfDpi: opts.pdfDpi ?? 300,
  };
  if (bytes.length === 0) throw new KaijiError('FILE_EMPTY', { file: fileName });
  const format = sniffFormat(bytes);
  if (!format) throw new KaijiError('FILE_UNSUPPORTED', { file: fileName });
  if (format === 'pdf') yield* decodePdf(bytes, fileName, limits, convert);
  else yield* decodeImage(bytes, format, fileName, limits, convert);
}

/** Convenience for callers that want every page at once (tests, small files). */
export async function decodeScanAll(bytes: Buffer, fileName: string, opts?: DecodeOptions): Promise<ScanPage[]> {
  const pages: ScanPage[] = [];
  for await (const page of decodeScan(bytes, fileName, opts)) pages.push(page);
  return pages;
}

async function* decodePdf<T>(bytes: Buffer, file: string, limits: Limits, convert: Convert<T>): AsyncGenerator<Decoded<T>> {
  const pages = await pdfPageCount(bytes, file);
  checkPageCount(pages, file, limits);
  const raster = rasterizePdf(bytes, { dpi: limits.pdfDpi, fileName: file, maxPixels: limits.maxPixels });
  for await (const page of raster) {
    const grey = await convert(page.png, {}, limits.pdfDpi);
    yield { page: grey, pageIndex: page.pageIndex, pageCount: pages, dpi: limits.pdfDpi, format: 'pdf' };
  }
}

async function* decodeImage<T>(
  bytes: Buffer,
  format: Exclude<ScanFormat, 'pdf'>,
  file: string,
  limits: Limits,
  convert: Convert<T>,
): AsyncGenerator<Decoded<T>> {
  const first = await readHeader(bytes, format, file, 0);
  // Only TIFF is multi-page among the formats we accept.
  const pages = format === 'tiff' ? (first.pages ?? 1) : 1;
  checkPageCount(pages, file, limits);
  for (let pageIndex = 0; pageIndex < pages; pageIndex++) {
    const header = pageIndex === 0 ? first : await readHeader(bytes, format, file, pageIndex);
    checkPixels(header.width, header.height, file, limits);
    let grey: T;
    try {
      grey = await convert(
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
    yield { page: grey, pageIndex, pageCount: pages, dpi: header.density, format };
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
