import type { PageKindId } from '@shared/contract';
import type { IdReading } from '@shared/domain/id-reading';
import type { RecognisedField } from '../intake/form-reader';
import type { LetterQr } from '../intake/letter-qr';

/** One page ready to store: upright image, thumbnail, recognised text and a kind suggestion. */
export interface ProcessedPage {
  sourcePage: number;
  png: Buffer;
  /**
   * The scanner's own JPEG (metadata stripped) when it decodes to exactly `png`: stored instead
   * of the PNG, at about half its size (keep-original.ts, #15 item 6).
   */
  original?: Buffer | null;
  /**
   * How the page was made upright from the decoded scan (quarter turn, then the deskew angle as
   * passed to `uprightPage`); with `original`, what is stored beside the JPEG to derive the page.
   */
  transform?: { turn: 0 | 90 | 180 | 270; skew: number } | null;
  width: number;
  height: number;
  thumbnail: Buffer;
  /** Degrees the page was turned to stand upright (0, 90, 180, 270). */
  autoRotation: number;
  ocr: {
    status: 'done' | 'failed';
    text: string;
    confidence: number | null;
    words: unknown[];
  };
  kind: PageKindId;
  /** Set when the page is the company's own application form (found by its QR code). */
  formId: string | null;
  /** The form's fields as read from their zones (only for the company's form). */
  formFields: RecognisedField[] | null;
  /** Set when the page is one of Kaiji's own letters (its QR code): a returned notice (#6). */
  letterQr?: LetterQr | null;
  /** An ID copy or agent proof read from the text: stored as a suggested document record. */
  idReading?: IdReading | null;
  /**
   * A free-form request letter's values (issue 12 item 4), each with the box of its source line
   * as its zone; always marked for review. Never set for the company's form.
   */
  letterFields?: RecognisedField[] | null;
}

/**
 * Turns a file's bytes into stored-ready pages. Throws a KaijiError (FILE_*) for a file
 * that cannot be read; OCR failure is a page state, never an exception.
 */
export interface PagePipeline {
  process(bytes: Buffer, fileName: string, onPage?: (done: number, total: number) => void): Promise<ProcessedPage[]>;
}
