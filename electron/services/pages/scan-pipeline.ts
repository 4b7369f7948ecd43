import sharp from 'sharp';
import { suggestPageKind } from '@shared/domain/page-kind';
import { readIdDocument } from '@shared/domain/id-reading';
import { looksLikeRequestLetter, readLetter, type LetterWord } from '@shared/domain/letter-reading';
import { REVIEW_BELOW_CONFIDENCE } from '../cases/case-file';
import { decodeScanAll, deskewAngle, rotateBy, rotatePage, thumbnail, type GreyPage } from '../imaging';
import { FORM_ID, fieldByName, type FieldName } from '@shared/domain/application-form';
import { detectFormId, detectFormTurn, readApplicationForm, type RecognisedField } from '../intake/form-reader';
import { detectLetterQr } from '../intake/letter-qr';
import type { OcrPool, OcrResult } from '../ocr';
import type { PagePipeline, ProcessedPage } from './page-pipeline';

const FORM_TITLE = '個人情報開示等請求書 Application for Disclosure, etc. of Personal Information';

/** Skew below this is left alone: resampling costs sharpness for no gain. */
const MIN_DESKEW_DEGREES = 0.3;
/** OSD confidence under which a turn is not trusted (tesseract reports ~2-10 on real pages). */
const MIN_ORIENTATION_CONFIDENCE = 1;

/**
 * The real path from a scanned file to stored-ready pages: decode (any supported format),
 * turn upright (tesseract OSD), straighten small skew, recognise text, suggest what the
 * page is, read the company's form field by field, and make a thumbnail. Pages of one
 * file run in parallel on the OCR pool.
 */
export function createScanPipeline(ocr: OcrPool): PagePipeline {
  return {
    async process(bytes, fileName, onPage) {
      const decoded = await decodeScanAll(bytes, fileName);
      let done = 0;
      onPage?.(0, decoded.length);
      return Promise.all(
        decoded.map(async (p): Promise<ProcessedPage> => {
          const processed = await processPage(ocr, p.pageIndex, { png: p.png, width: p.width, height: p.height });
          onPage?.(++done, decoded.length);
          return processed;
        }),
      );
    },
  };
}

async function processPage(ocr: OcrPool, sourcePage: number, scanned: GreyPage): Promise<ProcessedPage> {
  const thumbOf = (p: GreyPage) => thumbnail(p.png);
  // Orientation first (issue 12): a page is turned before its one reading, never read, turned
  // and read again. The company's form tells its turn by where its QR code is (a few crops);
  // any other page asks tesseract OSD on a small copy. Turn and skew are then corrected once.
  const formTurn = await detectFormTurn(scanned);
  const autoRotation = formTurn ?? (await uprightTurn(ocr, scanned.png));
  const page = await (autoRotation === 180 || autoRotation === 0
    ? straighten(scanned, autoRotation)
    : straighten(await rotatePage(scanned.png, autoRotation)));
  // Read field by field, the form's text needs no whole-page pass (the slowest step). A QR code
  // too damaged to find at the small scale may still decode upright at full size.
  const formId = formTurn !== null ? FORM_ID : await detectFormId(page);
  if (formId) {
    const formFields = await readApplicationForm(page, ocr);
    if (formFields) return result(sourcePage, page, autoRotation, formText(formFields), formId, formFields, await thumbOf(page));
  }
  const ocrResult = await recognise(ocr, page.png);
  // A returned Kaiji letter (e.g. a deficiency notice sent back with the new set) names its case.
  return { ...result(sourcePage, page, autoRotation, ocrResult, null, null, await thumbOf(page)), letterQr: await detectLetterQr(page) };
}

/**
 * Small feed skew is corrected; below the threshold the page is left as scanned. A half turn
 * keeps the skew of text lines, so an upside-down page is turned and straightened in one
 * resampling (`turn` 180), costing no more than an upright one.
 */
async function straighten(page: GreyPage, turn: 0 | 180 = 0): Promise<GreyPage> {
  const skew = await deskewAngle(page.png);
  if (turn === 180) return Math.abs(skew) >= MIN_DESKEW_DEGREES ? rotateBy(page.png, 180 + skew) : rotatePage(page.png, 180);
  return Math.abs(skew) >= MIN_DESKEW_DEGREES ? rotateBy(page.png, skew) : page;
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

async function uprightTurn(ocr: OcrPool, png: Buffer): Promise<0 | 90 | 180 | 270> {
  try {
    const small = await sharp(png).resize({ width: ORIENTATION_WIDTH, height: ORIENTATION_WIDTH, fit: 'inside', withoutEnlargement: true }).png().toBuffer();
    const o = await ocr.detectOrientation(small);
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
