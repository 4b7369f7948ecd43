import sharp from 'sharp';
import { suggestPageKind } from '@shared/domain/page-kind';
import { readIdDocument } from '@shared/domain/id-reading';
import { looksLikeRequestLetter, readLetter, type LetterWord } from '@shared/domain/letter-reading';
import { REVIEW_BELOW_CONFIDENCE } from '../cases/case-file';
import { decodeScanPixels, deskewAngle, greyPng, thumbnail, uprightPage, workingCopy, type GreyPage, type GreyRaw, type ScanPixels, type Turn } from '../imaging';
import { FORM_ID, fieldByName, type FieldName } from '@shared/domain/application-form';
import { detectFormId, detectFormTurn, readApplicationForm, type RecognisedField } from '../intake/form-reader';
import { detectLetterQr } from '../intake/letter-qr';
import type { OcrPool, OcrResult } from '../ocr';
import type { PagePipeline, ProcessedPage } from './page-pipeline';

const FORM_TITLE = '個人情報開示等請求書 Application for Disclosure, etc. of Personal Information';

/** OSD confidence under which a turn is not trusted (tesseract reports ~2-10 on real pages). */
const MIN_ORIENTATION_CONFIDENCE = 1;

/**
 * The real path from a scanned file to stored-ready pages: decode (any supported format),
 * turn upright (the form's QR code, else tesseract OSD), straighten small skew, recognise text,
 * suggest what the page is, read the company's form field by field, and make a thumbnail.
 * Pages of one file run in parallel on the OCR pool, a few at a time: each holds its raw
 * pixels (~9 MB at 300 dpi) only while it is worked on, so a 200-page file never holds them all.
 */
export function createScanPipeline(ocr: OcrPool): PagePipeline {
  const inFlight = Math.max(2, ocr.size * 2);
  return {
    async process(bytes, fileName, onPage) {
      const pages: Promise<ProcessedPage>[] = [];
      let done = 0;
      let total = 0;
      const running = new Set<Promise<unknown>>();
      try {
        for await (const p of decodeScanPixels(bytes, fileName)) {
          if (pages.length === 0) onPage?.(0, (total = p.pageCount));
          const page = processPage(ocr, p).then((processed) => {
            onPage?.(++done, total);
            return processed;
          });
          pages.push(page);
          const settled: Promise<boolean> = page.then(
            () => running.delete(settled),
            () => running.delete(settled),
          );
          running.add(settled);
          if (running.size >= inFlight) await Promise.race(running);
        }
      } catch (error) {
        // A page that cannot be decoded fails the file; pages already under way end first.
        await Promise.allSettled(pages);
        throw error;
      }
      if (pages.length === 0) onPage?.(0, 0);
      return Promise.all(pages);
    },
  };
}

/**
 * Orientation first (issue 12 item 7): the turn is decided on a ~150 dpi working copy - the
 * company's form by where its QR code lies (a few crops), any other page by tesseract OSD -
 * and the skew on that copy turned; the full-size pixels are then turned and straightened in
 * one resampling and encoded once, and the upright page is read once. A page lying sideways or
 * upside down is never read, turned and read again, nor decoded and encoded twice.
 */
async function processPage(ocr: OcrPool, scanned: ScanPixels): Promise<ProcessedPage> {
  const small = await workingCopy(scanned.pixels);
  const smallPage = await greyPng(small, true);
  const formTurn = await detectFormTurn(smallPage);
  const autoRotation = formTurn ?? (await uprightTurn(ocr, small));
  // The skew of the page as it will lie once turned, from the working copy's ink turned (no pixels turned).
  const skew = await deskewAngle(small, autoRotation);
  const page = await uprightPage(scanned.pixels, autoRotation, skew);
  const sourcePage = scanned.pageIndex;
  const thumbOf = (p: GreyPage) => thumbnail(p.png);
  // Read field by field, the form's text needs no whole-page pass (the slowest step). A QR code
  // too damaged to find at the small scale may still decode upright at full size.
  const formId = formTurn !== null ? FORM_ID : await detectFormId(page);
  // What made the page upright: a one-page JPEG may be stored as it came plus this (#15 item 6).
  const transform = { turn: autoRotation, skew };
  if (formId) {
    const formFields = await readApplicationForm(page, ocr);
    if (formFields) return { ...result(sourcePage, page, autoRotation, formText(formFields), formId, formFields, await thumbOf(page)), transform };
  }
  const ocrResult = await recognise(ocr, page.png);
  // A returned Kaiji letter (e.g. a deficiency notice sent back with the new set) names its case.
  return { ...result(sourcePage, page, autoRotation, ocrResult, null, null, await thumbOf(page)), letterQr: await detectLetterQr(page), transform };
}

function result(
  sourcePage: number,
  page: GreyPage,
  autoRotation: 0 | 90 | 180 | 270,
  ocrResult: Pick<OcrResult, 'text' | 'confidence' | 'words'> | null,
  formId: string | null,
  formFields: RecognisedField[] | null,
  thumb: Buffer,
): ProcessedPage {
  return {
    sourcePage,
    png: page.png,
    width: page.width,
    height: page.height,
    thumbnail: thumb,
    autoRotation,
    ocr: ocrResult
      ? { status: 'done', text: ocrResult.text, confidence: ocrResult.confidence, words: ocrResult.words }
      : { status: 'failed', text: '', confidence: null, words: [] },
    ...pageKindOf(formId, ocrResult?.text ?? ''),
    formId,
    formFields,
    letterFields: formId || !ocrResult ? null : letterFieldsOf(ocrResult.words),
  };
}

/**
 * A free-form letter asking for a request kind fills the case (issue 12 item 4): every value
 * is marked for review (confidence held below the review line) and carries its line's box.
 */
function letterFieldsOf(words: readonly LetterWord[]): RecognisedField[] | null {
  const read = readLetter(words);
  if (!looksLikeRequestLetter(read)) return null;
  const review = (c: number) => Math.min(c, REVIEW_BELOW_CONFIDENCE - 1);
  return [
    ...read.fields.map((f) => ({ field: f.field, value: f.value, confidence: review(f.confidence), zone: f.line })),
    ...read.kinds.map((k) => ({ field: `request.${k.kind.toLowerCase()}`, value: 'true', confidence: review(60), zone: k.line })),
  ];
}

/**
 * What the page is: the form by its QR code, else by its words. An ID copy or agent proof is
 * also read into a suggested record (issue 12 item 3); its title, matched tolerantly of OCR
 * slips (住民率 for 住民票), makes it an ID page even when the keyword rules missed it.
 */
function pageKindOf(formId: string | null, text: string): Pick<ProcessedPage, 'kind' | 'idReading'> {
  if (formId) return { kind: 'application_form', idReading: null };
  const kind = suggestPageKind(text).kind;
  if (kind === 'application_form' || kind === 'money_order') return { kind, idReading: null };
  const idReading = readIdDocument(text);
  if (!idReading) return { kind, idReading: null };
  return { kind: idReading.type === 'power_of_attorney' ? 'power_of_attorney' : 'id_document', idReading };
}

/** The form's text for search: each label with the value read for it. */
function formText(fields: RecognisedField[]): Pick<OcrResult, 'text' | 'confidence' | 'words'> {
  const lines = fields
    .filter((f) => f.value && f.value !== 'false')
    .map((f) => `${fieldByName(f.field as FieldName).label} ${f.value === 'true' ? '✓' : f.value}`);
  const read = fields.filter((f) => f.value);
  const confidence = read.length ? read.reduce((sum, f) => sum + f.confidence, 0) / read.length : 0;
  return { text: [`${FORM_TITLE}`, ...lines].join('\n'), confidence, words: [] };
}

/** Orientation needs no fine detail: a ~100 dpi copy decides it several times faster. */
const ORIENTATION_WIDTH = 1000;

async function uprightTurn(ocr: OcrPool, small: GreyRaw): Promise<Turn> {
  try {
    const scale = Math.min(1, ORIENTATION_WIDTH / Math.max(small.width, small.height));
    let osdCopy = sharp(small.data, { raw: { width: small.width, height: small.height, channels: 1 } });
    if (scale < 1) osdCopy = osdCopy.resize({ width: Math.round(small.width * scale), height: Math.round(small.height * scale), fit: 'fill' });
    // Raw pixels say 25 dpi unless told: give the copy its resolution (tesseract takes 70 for
    // anything lower, with a warning on stderr for every page).
    osdCopy = osdCopy.withDensity(Math.max(70, (small.density ?? 0) * scale));
    const o = await ocr.detectOrientation(await osdCopy.png({ compressionLevel: 1 }).toBuffer());
    return o.confidence >= MIN_ORIENTATION_CONFIDENCE || o.method === 'recognition' ? o.degrees : 0;
  } catch {
    return 0; // a page that cannot be read is stored as scanned; staff can turn it
  }
}

/** OCR failure is a page state: the image is kept and staff type the values. */
async function recognise(ocr: OcrPool, png: Buffer): Promise<OcrResult | null> {
  try {
    return await ocr.recognize(png);
  } catch {
    return null;
  }
}
