import jsQR from 'jsqr';
import sharp from 'sharp';
import {
  ALIGNMENT_MARKS,
  FIELDS,
  FORM_ID,
  FORM_QR_PAYLOAD,
  MARK_SIZE,
  PAGE,
  QR_QUIET_ZONE,
  type FieldName,
  type FormField,
} from '@shared/domain/application-form';
import { plausibleFieldValue } from '@shared/domain/form-values';
import type { GreyPage } from '../imaging';
import type { OcrPool } from '../ocr';
import { inkShare, printedForm, readMark, type MarkContext } from './marks';
import { findSquare, fitAffine, fitProjective, greyPixels, zoneToPixels, type Affine, type GreyPixels, type PixelRect } from './page-geometry';

/** A value read from one zone of the company's form, with where it was read. */
export interface RecognisedField {
  field: string;
  value: string;
  /** 0-100: OCR confidence for text, certainty of the tick for boxes. */
  confidence: number;
  zone: PixelRect;
}

/** The form's QR code says which form and version this page is; null if it is not ours. */
export async function detectFormId(page: GreyPage): Promise<string | null> {
  const g = await greyPixels(page.png);
  for (const smooth of [false, true]) if (await formQrAt(g, 0, { smooth, step: 1 })) return FORM_ID;
  return null;
}

/**
 * Orientation first (issue 12 item 7): the clockwise quarter turn that makes a page of our form
 * upright, found by looking for its QR code where each turn would put it (a QR code decodes
 * whichever way it lies, so its place tells the turn). A few small crops: far cheaper than
 * reading a page, turning it and reading it again. Null when the page is not our form.
 */
export async function detectFormTurn(page: GreyPage): Promise<0 | 90 | 180 | 270 | null> {
  const g = await greyPixels(page.png); // decoded once: each turn is then a crop in memory
  // The code's modules are ~2.3 pt: ~150 dpi keeps 4-5 pixels each, and jsQR runs 4x faster than at 300.
  const step = Math.max(1, Math.floor(g.width / PAGE.width / (150 / 72)));
  // Every place plainly first, then with a 3x3 median for speckled scans.
  for (const smooth of [false, true]) {
    for (const turn of [0, 180, 90, 270] as const) if (await formQrAt(g, turn, { smooth, step })) return turn;
  }
  return null;
}

/** Whether the form's QR code is where it would be if turning the page clockwise by `turn` made it upright. */
async function formQrAt(page: GreyPixels, turn: 0 | 90 | 180 | 270, opts: { smooth: boolean; step: number }): Promise<boolean> {
  const sideways = turn === 90 || turn === 270;
  const uprightWidth = sideways ? page.height : page.width;
  const uprightHeight = sideways ? page.width : page.height;
  const scale = uprightWidth / PAGE.width;
  // Generous margin around where the QR should be: the scan may be shifted or scaled a little.
  const margin = 40;
  const ux = Math.max(0, Math.floor((QR_QUIET_ZONE.x - margin) * scale));
  const uy = Math.max(0, Math.floor((QR_QUIET_ZONE.y - margin) * scale));
  const uw = Math.min(uprightWidth - ux, Math.ceil((QR_QUIET_ZONE.width + 2 * margin) * scale));
  const uh = Math.min(uprightHeight - uy, Math.ceil((QR_QUIET_ZONE.height + 2 * margin) * scale));
  if (uw <= 0 || uh <= 0) return false;
  // The same rectangle in the page as scanned (sharp's rotate(turn) maps scanned -> upright).
  const r =
    turn === 0
      ? { x: ux, y: uy, width: uw, height: uh }
      : turn === 180
        ? { x: page.width - ux - uw, y: page.height - uy - uh, width: uw, height: uh }
        : turn === 90
          ? { x: uy, y: page.height - ux - uw, width: uh, height: uw }
          : { x: page.width - uy - uh, y: ux, width: uh, height: uw };
  if (r.x < 0 || r.y < 0 || r.x + r.width > page.width || r.y + r.height > page.height) return false;
  // Crop, averaging step x step pixels into one.
  const { step } = opts;
  const w = Math.floor(r.width / step);
  const h = Math.floor(r.height / step);
  const crop = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let dy = 0; dy < step; dy++) for (let dx = 0; dx < step; dx++) sum += page.data[(r.y + y * step + dy) * page.width + r.x + x * step + dx]!;
      crop[y * w + x] = sum / (step * step);
    }
  }
  const grey = opts.smooth ? await sharp(crop, { raw: { width: w, height: h, channels: 1 } }).median(3).raw().toBuffer() : crop;
  return qrPayload(grey, w, h) === FORM_QR_PAYLOAD;
}

/** The text of the QR code in a greyscale region, or null (also used for letter QR codes, letter-qr.ts). */
export function qrPayload(grey: Buffer, width: number, height: number): string | null {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const v = grey[i]!;
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** Locates the four corner marks and returns the form-point -> pixel map, or null. */
export function alignForm(g: GreyPixels): Affine | null {
  const scale = g.width / PAGE.width;
  const pairs: { from: [number, number]; to: [number, number] }[] = [];
  for (const mark of ALIGNMENT_MARKS) {
    const cx = mark.zone.x + mark.zone.width / 2;
    const cy = mark.zone.y + mark.zone.height / 2;
    const reach = 55; // points each way: a feed shift of ~2 cm, or a phone photo's page edge, is found
    const found = findSquare(
      g,
      { x: Math.round((cx - reach) * scale), y: Math.round((cy - reach) * scale), width: Math.round(2 * reach * scale), height: Math.round(2 * reach * scale) },
      MARK_SIZE * scale * 0.85,
    );
    if (found) pairs.push({ from: [cx, cy], to: found });
  }
  if (pairs.length < 3) return null;
  // Four marks also give the perspective of a photographed page; it stays affine when the fit says so.
  return pairs.length === 4 ? fitProjective(pairs) : fitAffine(pairs);
}

/**
 * Reads every field of the company's form from an upright page: aligned on its corner
 * marks, text zones through OCR, tick boxes by their ink.
 */
export async function readApplicationForm(page: GreyPage, ocr: OcrPool): Promise<RecognisedField[] | null> {
  const g = await greyPixels(page.png);
  const t = alignForm(g);
  if (!t) return null;
  const marks: MarkContext = { g, t, tpl: await printedForm(), boxes: TICK_BOXES };
  return Promise.all(FIELDS.map((f) => readField(page, g, t, f, ocr, marks)));
}

/** Only the tick boxes and options of an upright page of the form (no OCR); null if it cannot be aligned. */
export async function readFormMarks(page: GreyPage): Promise<RecognisedField[] | null> {
  const g = await greyPixels(page.png);
  const t = alignForm(g);
  if (!t) return null;
  const marks: MarkContext = { g, t, tpl: await printedForm(), boxes: TICK_BOXES };
  const ticks = FIELDS.filter((f) => f.kind === 'checkbox' || f.kind === 'choice');
  return ticks.map((f) => readTicks(t, f, marks)!);
}

const TICK_BOXES = FIELDS.flatMap((f) => (f.kind === 'checkbox' ? [f.zone] : (f.options ?? []).map((o) => o.zone)));

/** OCR confidence from which a text value is taken without review (see readField). */
const TRUSTED_OCR = 88;

/**
 * A checkbox or a one-choice row, null for text. Unsure marks are flagged (confidence < 75) and
 * read as NOT ticked: a phantom request is worse than asking a person to look.
 */
function readTicks(t: Affine, f: FormField, marks: MarkContext): RecognisedField | null {
  const zone = zoneToPixels(t, f.zone);
  if (f.kind === 'checkbox') {
    const m = readMark(marks, f.zone, f.labelZone);
    return { field: f.name, value: m.state === 'ticked' ? 'true' : 'false', confidence: m.confidence, zone };
  }
  if (f.kind === 'choice' && f.options) {
    const read = f.options.map((o) => ({ value: o.value, m: readMark(marks, o.zone, o.labelZone) }));
    const ticked = read.filter((r) => r.m.state === 'ticked');
    // Two ticks in a one-choice row is for a person to decide.
    if (ticked.length > 1) return { field: f.name, value: '', confidence: 30, zone };
    const confidence = Math.min(...read.map((r) => r.m.confidence));
    return { field: f.name, value: ticked[0]?.value ?? '', confidence, zone };
  }
  return null;
}

async function readField(page: GreyPage, g: GreyPixels, t: Affine, f: FormField, ocr: OcrPool, marks: MarkContext): Promise<RecognisedField> {
  const ticks = readTicks(t, f, marks);
  if (ticks) return ticks;
  const zone = zoneToPixels(t, f.zone);
  const inner = zoneToPixels(t, f.zone, 3);
  // Empty against the paper around it: thin or blue handwriting on a light scan is lighter than a fixed mid-grey.
  if (inkShare(g, inner) < 0.002) return { field: f.name, value: '', confidence: 95, zone };
  try {
    // OCR the crop, not the page: a worker then decodes a few kilobytes instead of the whole scan.
    // A 3x3 median removes scanner speckles, which OCR otherwise reads as dots and bars.
    const crop = await sharp(page.png)
      .extract({ left: inner.x, top: inner.y, width: inner.width, height: inner.height })
      .median(3)
      .png()
      .toBuffer();
    const r = await ocr.recognize(crop, { rectangle: { left: 0, top: 0, width: inner.width, height: inner.height } });
    const value = f.kind === 'date' ? cleanDateText(cleanFieldText(r.text), f.name) : cleanFieldText(r.text);
    // A value the field cannot hold was misread, however sure the engine is. On handwriting
    // tesseract is sure too soon: measured on the generator's scans, its wrong readings go up to
    // ~87, so below TRUSTED_OCR a reading stays under the review bar (75).
    const raw = Math.round(r.confidence);
    const confidence = !plausibleFieldValue(f.name, value) ? Math.min(40, raw) : raw < TRUSTED_OCR ? Math.min(70, raw) : raw;
    return { field: f.name, value, confidence, zone };
  } catch {
    return { field: f.name, value: '', confidence: 0, zone };
  }
}

/**
 * A date field holds an era date ending in 日: OCR's usual slips on handwriting are fixed where
 * the field leaves no doubt - the final 日 read as 昌/晶/口 or lost, and on the application date
 * (always this era) 令 read as 念/今/合. Anything else is left for review.
 */
export function cleanDateText(text: string, field: FieldName): string {
  let v = text.normalize('NFKC').replace(/\s+/g, '');
  v = v.replace(/(年\d{1,2}月\d{1,2})(?:[昌晶口曰目旦]|)$/u, '$1日');
  if (field === 'application.date') v = v.replace(/^[念今合令][和利]?(?=\d{1,2}年)/u, '令和');
  return v;
}

/**
 * Box borders and specks come back as bars and stray dots: no field on the form holds a
 * vertical bar, and a Japanese writer ends with 。, not an ASCII period after kana or kanji.
 */
export function cleanFieldText(text: string): string {
  return text
    .replace(/[|｜¦]/g, '')
    .replace(/(?<=[\u3040-\u30ff\u3400-\u9fff])[.,]+$/u, '')
    .trim();
}

