import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { KaijiError } from '@shared/errors';
import { looksTruncated, sniffFormat } from './sniff';

/**
 * PDF -> page bitmaps, entirely in memory and entirely offline.
 *
 * pdfjs-dist (legacy build, the one meant for Node) parses and draws; @napi-rs/canvas is the
 * canvas it draws into (pdfjs picks it up by itself under Node). No worker file is fetched:
 * the worker module is imported into this process, and the font/CMap/wasm assets are read
 * from the installed pdfjs-dist package, never from a CDN.
 */

export interface RasterOptions {
  /** Render resolution; scanners usually produce 300 dpi, which OCR likes. */
  dpi?: number;
  /** Stop after this many pages (the generator simply ends). */
  maxPages?: number;
  /** File name for error details; the bytes never carry it. */
  fileName?: string;
  /** Refuse pages whose bitmap would exceed this many pixels (default 150 MP). */
  maxPixels?: number;
}

export interface RasterPage {
  pageIndex: number;
  png: Buffer;
  width: number;
  height: number;
}

export const DEFAULT_MAX_PIXELS = 150_000_000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | undefined;

/** Loads pdfjs once, with its worker running in this thread (no worker file lookup). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
}

let assetDirs: { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string; iccUrl: string } | undefined;

/**
 * Folders of the pdfjs assets. Under Node, pdfjs reads these "URLs" with fs.readFile, so they
 * are plain paths with a trailing separator. CMaps matter for Japanese PDFs using predefined
 * encodings (e.g. UniJIS-UCS2-H); the JBIG2 wasm matters for black-and-white scanner PDFs.
 */
function pdfAssets() {
  if (!assetDirs) {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const dir = (name: string) => join(root, name) + sep;
    assetDirs = {
      standardFontDataUrl: dir('standard_fonts'),
      cMapUrl: dir('cmaps'),
      wasmUrl: dir('wasm'),
      iccUrl: dir('iccs'),
    };
  }
  return assetDirs;
}

/** Maps whatever pdfjs threw while opening or drawing to a user-facing error. */
function toKaijiError(err: unknown, file: string): KaijiError {
  if (err instanceof KaijiError) return err;
  const name = (err as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new KaijiError('FILE_ENCRYPTED', { file });
  return new KaijiError('FILE_CORRUPT', { file });
}

export const PDFJS_NO_EVAL: object = { isEvalSupported: false };

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

async function openPdf(bytes: Uint8Array, file: string): Promise<PdfDocument> {
  if (bytes.byteLength === 0) throw new KaijiError('FILE_EMPTY', { file });
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength); // no copy
  if (sniffFormat(view) !== 'pdf') throw new KaijiError('FILE_CORRUPT', { file });
  // pdfjs often recovers a cut-short file by rebuilding the xref, silently losing the tail
  // (i.e. pages). For a disclosure request a silently missing page is worse than a refusal.
  if (looksTruncated('pdf', view)) throw new KaijiError('FILE_TRUNCATED', { file });
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (detaches) the array it gets: hand it a copy, not the caller's.
    data: new Uint8Array(bytes),
    ...pdfAssets(),
    useSystemFonts: false,
    // Glyphs drawn as paths by pdfjs itself: no FontFace API under Node, no system fonts.
    disableFontFace: true,
    enableXfa: false,
    // Finding 12: a PDF from a stranger never reaches a Function constructor (cf. CVE-2024-4367:
    // pdfjs < 4.2 compiled PostScript functions and font paths with it). pdfjs 6 has no such
    // path left and dropped the option from its types; it is still passed so a downgrade
    // cannot bring eval back (test/unit/pdfjs-no-eval.test.ts checks the bundled build).
    ...PDFJS_NO_EVAL,
    stopAtErrors: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw toKaijiError(err, file);
  }
}

/** Frees the document (pdfjs ties its lifetime to the loading task). */
function closePdf(doc: PdfDocument): Promise<void> {
  return doc.loadingTask.destroy();
}

/** Number of pages, without rendering anything. */
export async function pdfPageCount(bytes: Uint8Array, fileName = 'document.pdf'): Promise<number> {
  const doc = await openPdf(bytes, fileName);
  try {
    return doc.numPages;
  } finally {
    await closePdf(doc);
  }
}

/**
 * Renders pages one at a time (only one page bitmap alive at once), yielding RGB PNGs on a
 * white background. Colour is kept here; `decodeScan` normalises to greyscale.
 */
export async function* rasterizePdf(
  bytes: Uint8Array,
  opts: RasterOptions = {},
): AsyncGenerator<RasterPage> {
  const file = opts.fileName ?? 'document.pdf';
  const dpi = opts.dpi ?? 300;
  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  const doc = await openPdf(bytes, file);
  try {
    const last = Math.min(doc.numPages, opts.maxPages ?? doc.numPages);
    for (let i = 0; i < last; i++) {
      yield await renderPage(doc, i, dpi, maxPixels, file);
    }
  } finally {
    await closePdf(doc);
  }
}

async function renderPage(
  doc: PdfDocument,
  pageIndex: number,
  dpi: number,
  maxPixels: number,
  file: string,
): Promise<RasterPage> {
  const { createCanvas } = await import('@napi-rs/canvas');
  let page;
  try {
    page = await doc.getPage(pageIndex + 1);
  } catch (err) {
    throw toKaijiError(err, file);
  }
  try {
    // PDF user space is 72 units per inch.
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.round(viewport.width);
    const height = Math.round(viewport.height);
    // Check the size before allocating: a huge MediaBox must not exhaust memory.
    if (width * height > maxPixels) {
      throw new KaijiError('FILE_TOO_LARGE', { file, width, height, limit: maxPixels / 1e6 });
    }
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    try {
      await page.render({
        canvas: null,
        canvasContext: ctx as unknown as CanvasRenderingContext2D,
        viewport,
        background: 'rgb(255,255,255)',
      }).promise;
    } catch (err) {
      throw toKaijiError(err, file);
    }
    const png = await canvas.encode('png');
    return { pageIndex, png, width, height };
  } finally {
    page.cleanup();
  }
}
