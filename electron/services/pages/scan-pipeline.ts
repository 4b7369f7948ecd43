import sharp from 'sharp';
import { suggestPageKind } from '@shared/domain/page-kind';
import { decodeScanAll, deskewAngle, rotateBy, rotatePage, thumbnail, type GreyPage } from '../imaging';
import { fieldByName, type FieldName } from '@shared/domain/application-form';
import { detectFormId, readApplicationForm, type RecognisedField } from '../intake/form-reader';
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
  let page = scanned;
  // The company's form announces itself with its QR code, which also proves it is upright:
  // such a page needs no orientation detection.
  let formId = await detectFormId(page);
  let autoRotation: 0 | 90 | 180 | 270 = 0;
  if (!formId) {
    autoRotation = await uprightTurn(ocr, page.png);
    if (autoRotation) page = await rotatePage(page.png, autoRotation);
  }
  const skew = await deskewAngle(page.png);
  if (Math.abs(skew) >= MIN_DESKEW_DEGREES) page = await rotateBy(page.png, skew);
  if (!formId && page !== scanned) formId = await detectFormId(page);

  const thumb = thumbnail(page.png);
  const formFields = formId ? await readApplicationForm(page, ocr) : null;
  // A form read field by field already has its text; the whole-page pass would only add
  // the printed labels, at the cost of the slowest step.
  const ocrResult = formFields ? formText(formFields) : await recognise(ocr, page.png);
  return {
    sourcePage,
    png: page.png,
    width: page.width,
    height: page.height,
    thumbnail: await thumb,
    autoRotation,
    ocr: ocrResult
      ? { status: 'done', text: ocrResult.text, confidence: ocrResult.confidence, words: ocrResult.words }
      : { status: 'failed', text: '', confidence: null, words: [] },
    kind: formId ? 'application_form' : suggestPageKind(ocrResult?.text ?? '').kind,
    formId,
    formFields,
  };
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
