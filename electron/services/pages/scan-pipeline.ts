import sharp from 'sharp';
import { suggestPageKind } from '@shared/domain/page-kind';
import { decodeScanAll, deskewAngle, rotateBy, rotatePage, thumbnail, type GreyPage } from '../imaging';
import { detectFormId, readApplicationForm } from '../intake/form-reader';
import type { OcrPool, OcrResult } from '../ocr';
import type { PagePipeline, ProcessedPage } from './page-pipeline';

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
          let page: GreyPage = { png: p.png, width: p.width, height: p.height };
          const autoRotation = await uprightTurn(ocr, page.png);
          if (autoRotation) page = await rotatePage(page.png, autoRotation);
          const skew = await deskewAngle(page.png);
          if (Math.abs(skew) >= MIN_DESKEW_DEGREES) page = await rotateBy(page.png, skew);
          const formId = await detectFormId(page);
          const [ocrResult, formFields, thumb] = await Promise.all([
            recognise(ocr, page.png),
            formId ? readApplicationForm(page, ocr) : null,
            thumbnail(page.png),
          ]);
          onPage?.(++done, decoded.length);
          return {
            sourcePage: p.pageIndex,
            png: page.png,
            width: page.width,
            height: page.height,
            thumbnail: thumb,
            autoRotation,
            ocr: ocrResult
              ? { status: 'done', text: ocrResult.text, confidence: ocrResult.confidence, words: ocrResult.words }
              : { status: 'failed', text: '', confidence: null, words: [] },
            kind: formId ? 'application_form' : suggestPageKind(ocrResult?.text ?? '').kind,
            formId,
            formFields,
          };
        }),
      );
    },
  };
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
