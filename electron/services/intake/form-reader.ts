import jsQR from 'jsqr';
import sharp from 'sharp';
import {
  ALIGNMENT_MARKS,
  FIELDS,
  fieldByName,
  FORM_ID,
  FORM_QR_PAYLOAD,
  MARK_SIZE,
  PAGE,
  QR_QUIET_ZONE,
  type FieldName,
  type FormField,
} from '@shared/domain/application-form';
import { plausibleFieldValue } from '@shared/domain/form-values';
import { readFieldValue, postcodeOf, type FieldReading } from '@shared/domain/form-field-reading';
import type { PostcodeAddress } from '@shared/domain/postcode';
import { reconcileNameFields, type NameFieldValue } from '@shared/domain/name-dictionary';
import { lookupPostcode } from '../reading/postcode';
import { fieldImage, FIELD_SCALE } from './field-image';
import type { GreyPage } from '../imaging';
import type { OcrPool, ZoneParams } from '../ocr';
import { printedForm, readMark, type MarkContext } from './marks';
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
  const places = formTurnCandidates(g);
  // Every place plainly first, then with a 3x3 median for speckled scans.
  for (const smooth of [false, true]) {
    for (const { turn, rect } of places) if (await formQrIn(g, rect, { smooth, step })) return turn;
  }
  return null;
}

/**
 * The four places the form's QR code can lie in, one per turn, the likeliest first: the place
 * whose rows cross the most QR finder patterns (dark-light-dark-light-dark runs in the ratio
 * 1:1:3:1:1, which text and rules rarely make) is tried first. Only the order depends on it
 * (each place is still decoded), so an upside-down or sideways form costs one decoding like an
 * upright one (issue 12 item 7), not one failed decoding for each turn tried before it.
 */
export function formTurnCandidates(page: GreyPixels): { turn: 0 | 90 | 180 | 270; rect: PixelRect }[] {
  const places: { turn: 0 | 90 | 180 | 270; rect: PixelRect; finders: number }[] = [];
  for (const turn of [0, 180, 90, 270] as const) {
    const rect = formQrRect(page, turn);
    if (rect) places.push({ turn, rect, finders: finderRows(page, rect) });
  }
  // Stable: equal counts keep the order upright, upside down, sideways.
  return places.sort((a, b) => b.finders - a.finders).map(({ turn, rect }) => ({ turn, rect }));
}

/**
 * Rows of `r` crossing a QR finder pattern: runs dark, light, dark, light, dark in the ratio
 * 1:1:3:1:1 along the row and, through the middle run, down the column too (as QR readers
 * confirm a finder; text makes the pattern along one direction now and then, rarely both).
 * Threshold: mid grey.
 */
function finderRows(page: GreyPixels, r: PixelRect): number {
  const dark = (x: number, y: number) => page.data[y * page.width + x]! < 128;
  const ratio = (runs: readonly number[], m: number) => runs.every((v, i) => Math.abs(v - (i === 2 ? 3 : 1) * m) <= m * 0.7);
  /** The five runs along the column through (x, y), y in the middle run; null when they do not fit in `r`. */
  const column = (x: number, y: number): number[] | null => {
    const runs = [0, 0, 0, 0, 0];
    let up = y;
    while (up >= r.y && dark(x, up)) (runs[2]!++, up--);
    for (const [i, want] of [[1, false], [0, true]] as const) while (up >= r.y && dark(x, up) === want) (runs[i]!++, up--);
    let down = y + 1;
    while (down < r.y + r.height && dark(x, down)) (runs[2]!++, down++);
    for (const [i, want] of [[3, false], [4, true]] as const) while (down < r.y + r.height && dark(x, down) === want) (runs[i]!++, down++);
    return runs.every((v) => v > 0) ? runs : null;
  };
  let rows = 0;
  const runs: number[] = [];
  const starts: number[] = [];
  for (let y = r.y; y < r.y + r.height; y++) {
    // Run lengths along the row, from its first dark pixel: dark runs at even indices.
    runs.length = 0;
    starts.length = 0;
    let x = r.x;
    while (x < r.x + r.width && !dark(x, y)) x++;
    while (x < r.x + r.width) {
      const d = dark(x, y);
      const from = x;
      while (x < r.x + r.width && dark(x, y) === d) x++;
      runs.push(x - from);
      starts.push(from);
    }
    for (let i = 0; i + 4 < runs.length; i += 2) {
      const five = runs.slice(i, i + 5);
      const m = five.reduce((a, b) => a + b, 0) / 7;
      if (m < 1.5 || !ratio(five, m)) continue;
      const across = column(starts[i + 2]! + (runs[i + 2]! >> 1), y);
      if (across && ratio(across, m)) {
        rows++;
        break;
      }
    }
  }
  return rows;
}

/** Whether the form's QR code is where it would be if turning the page clockwise by `turn` made it upright. */
async function formQrAt(page: GreyPixels, turn: 0 | 90 | 180 | 270, opts: { smooth: boolean; step: number }): Promise<boolean> {
  const rect = formQrRect(page, turn);
  return rect !== null && formQrIn(page, rect, opts);
}

/** Where the form's QR code (with a margin) lies in the page as scanned if turning it clockwise by `turn` makes it upright. */
function formQrRect(page: GreyPixels, turn: 0 | 90 | 180 | 270): PixelRect | null {
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
  if (uw <= 0 || uh <= 0) return null;
  // The same rectangle in the page as scanned (sharp's rotate(turn) maps scanned -> upright).
  const r =
    turn === 0
      ? { x: ux, y: uy, width: uw, height: uh }
      : turn === 180
        ? { x: page.width - ux - uw, y: page.height - uy - uh, width: uw, height: uh }
        : turn === 90
          ? { x: uy, y: page.height - ux - uw, width: uh, height: uw }
          : { x: page.width - uy - uh, y: ux, width: uh, height: uw };
  if (r.x < 0 || r.y < 0 || r.x + r.width > page.width || r.y + r.height > page.height) return null;
  return r;
}

/** Whether the form's QR code decodes inside `r`. */
async function formQrIn(page: GreyPixels, r: PixelRect, opts: { smooth: boolean; step: number }): Promise<boolean> {
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
export async function readApplicationForm(page: GreyPage, ocr: OcrPool, opts: ReadFormOptions = {}): Promise<RecognisedField[] | null> {
  const g = await greyPixels(page.png);
  const t = alignForm(g);
  if (!t) return null;
  const marks: MarkContext = { g, t, tpl: await printedForm(), boxes: TICK_BOXES };
  const texts = new Map<FieldName, OcrText>(
    await Promise.all(FIELDS.filter((f) => f.kind === 'text' || f.kind === 'date').map(async (f) => [f.name, await ocrField(g, t, f, ocr, ZONE_PARAMS[f.name], SECOND_READ.has(f.name))] as const)),
  );
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  // Digits the eng model could not put into the field's shape (a dash or a digit lost on a
  // black-and-white 150 dpi scan), or only by a repair, are read again by the jpn model; its
  // reading is taken when it has the shape (as read, if the eng one was repaired), and held for review.
  await Promise.all(
    [...texts]
      .flatMap(([f, o]) => {
        if (ZONE_PARAMS[f]?.model !== 'eng' || o.text === null || o.failed) return [];
        const r = readFieldValue(f, o.text, { today });
        return r.implausible || r.repaired ? [[f, r] as const] : [];
      })
      .map(async ([f, eng]) => {
        const o = await ocrField(g, t, fieldByName(f), ocr, { singleLine: true, whitelist: `${DIGITS}-` });
        const jpn = o.text && !o.failed ? readFieldValue(f, o.text, { today }) : null;
        if (jpn && !jpn.implausible && (eng.implausible || !jpn.repaired)) texts.set(f, { ...o, confidence: Math.min(o.confidence, 70) });
      }),
  );
  for (const [field, o] of texts) opts.trace?.(field, o);
  const values = textValues(texts, today);
  return FIELDS.map((f) => readTicks(t, f, marks) ?? values.get(f.name)!);
}
export interface ReadFormOptions {
  /** YYYY-MM-DD the dates are judged against (default: today). */
  today?: string;
  /** Sees each text zone's OCR before it is put into shape (scripts/field-diagnostic.ts). */
  trace?: (field: FieldName, ocr: OcrText) => void;
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

/** What OCR made of one text zone; null text when the zone holds no writing. */
export interface OcrText {
  zone: PixelRect;
  text: string | null;
  confidence: number;
  failed?: boolean;
  /** The same crop read by tesseract's legacy classifier (SECOND_READ fields), when it read anything. */
  other?: string;
}

/**
 * Name and address zones read a second time by tesseract's legacy classifier (jpn "4.0.0"
 * tessdata, OEM 0, on the pool's own warm worker for it): it misreads other strokes than the LSTM
 * does (measured on the generator's 300 dpi forms, 10 each: the LSTM read 7 kana, 3 names and 5
 * signatures right, the legacy engine 7, 4 and 5, and one of the two was right for 9, 5 and 8;
 * addresses: the legacy read has the prefecture and town right where the LSTM garbles them, and
 * loses digits). Its reads go to the name dictionary beside the first ones (name-dictionary.ts,
 * otherReads) and to the match against Japan Post's address; it is never trusted alone.
 */
const SECOND_READ: ReadonlySet<FieldName> = new Set(['subject.name', 'subject.kana', 'agent.name', 'agent.kana', 'signature', 'subject.address', 'agent.address']);

const DIGITS = '0123456789';
/**
 * Kana a name's reading can hold: not ヵ ヶ ヮ ヲ (and their hiragana), nor ヷ-ヺ, which no
 * reading of a name uses (measured: the small ヵ and ヮ were the engines' usual misreads of カ and
 * ワ, ヲ of シ). Small ァィゥェォ stay for names from other languages.
 */
const KANA_CHARS = (() => {
  let out = ' ー・';
  const never = new Set([...'ゎゕゖをヮヵヶヲヷヸヹヺ']);
  for (let c = 0x3041; c <= 0x3096; c++) if (!never.has(String.fromCodePoint(c))) out += String.fromCodePoint(c);
  for (let c = 0x30a1; c <= 0x30fa; c++) if (!never.has(String.fromCodePoint(c))) out += String.fromCodePoint(c);
  return out;
})();
/**
 * What each field's zone can hold, told to tesseract for that job only (ocr-pool.ts: per-job
 * parameters, the worker stays warm): digit fields read by the eng model (its own warm worker)
 * with digits and their separators only,
 * era dates with the era names' characters, digits and 年月日, kana fields with kana. One line
 * each (PSM 7). A field with no restriction (names, addresses, free text) is read as a block.
 */
export const ZONE_PARAMS: Partial<Record<FieldName, ZoneParams>> = {
  'subject.phone': { model: 'eng', singleLine: true, whitelist: `${DIGITS}-` },
  'agent.phone': { model: 'eng', singleLine: true, whitelist: `${DIGITS}-` },
  'subject.postalCode': { model: 'eng', singleLine: true, whitelist: `${DIGITS}-` },
  'agent.postalCode': { model: 'eng', singleLine: true, whitelist: `${DIGITS}-` },
  'subject.birthDate': { singleLine: true, whitelist: `${DIGITS}令和平成昭大正元年月日` },
  'application.date': { singleLine: true, whitelist: `${DIGITS}令和平成昭大正元年月日` },
  'subject.kana': { singleLine: true, whitelist: KANA_CHARS },
  'agent.kana': { singleLine: true, whitelist: KANA_CHARS },
};

/** Points left out at the signature box's right end: the seal stamped over its border. */
export const SEAL_CUT = 24;
/** Ink (form points squared) below which a zone holds no writing, only specks the cleaning left. */
const EMPTY_INK_PT2 = 3;

async function ocrField(g: GreyPixels, t: Affine, f: FormField, ocr: OcrPool, params = ZONE_PARAMS[f.name], secondRead = false): Promise<OcrText> {
  const zone = zoneToPixels(t, f.zone);
  // Resampled, registered, cleaned and cut to its ink (field-image.ts): the crop tesseract reads.
  const img = await fieldImage(g, t, f.zone, { cutRight: f.name === 'signature' ? SEAL_CUT : 0 });
  if (img.ink < EMPTY_INK_PT2 * FIELD_SCALE * FIELD_SCALE) return { zone, text: null, confidence: 95 };
  const rectangle = { left: 0, top: 0, width: img.width, height: img.height };
  // The second read is a hint for the name dictionary: its failure costs nothing but the hint.
  const other = secondRead ? ocr.recognize(img.png, { rectangle, zone: { ...params, model: 'jpn-legacy' } }).then((r) => r.text, () => '') : undefined;
  try {
    const r = await ocr.recognize(img.png, { rectangle, ...(params ? { zone: params } : {}) });
    const otherText = await other;
    return { zone, text: r.text, confidence: Math.round(r.confidence), ...(otherText ? { other: otherText } : {}) };
  } catch {
    await other;
    return { zone, text: '', confidence: 0, failed: true };
  }
}

/**
 * The form's text values from their OCR text: each put into its field's shape
 * (form-field-reading.ts), checked against the others (the postcode's address, the name against
 * the signature), and given a confidence under the review bar (75) unless it can be trusted:
 * a value is either right or flagged for review.
 */
function textValues(texts: Map<FieldName, OcrText>, today: string): Map<FieldName, RecognisedField> {
  const out = new Map<FieldName, RecognisedField>();
  const readings = new Map<FieldName, FieldReading>();
  const postcodeAddresses = (field: FieldName): PostcodeAddress[] => {
    const read = readings.get(field);
    const code = read && !read.implausible ? postcodeOf(read.value) : null;
    return code ? lookupPostcode(code).addresses : [];
  };
  // Postcodes first: the address is read against what Japan Post lists for them.
  const order = [...texts.keys()].sort((a, b) => Number(b.endsWith('postalCode')) - Number(a.endsWith('postalCode')));
  for (const field of order) {
    const o = texts.get(field)!;
    if (o.text === null || o.failed) {
      out.set(field, { field, value: '', confidence: o.confidence, zone: o.zone });
      continue;
    }
    const codeField = field.startsWith('agent.') ? 'agent.postalCode' : 'subject.postalCode';
    const ctx = { today, postcodeAddresses: postcodeAddresses(codeField), otherRead: o.other };
    let r = readFieldValue(field, o.text, ctx);
    const text = o.text;
    if (field.endsWith('.address') && !r.confirmed) {
      // One digit of the postcode misread (9 as 2, 3 as 5): the one code a digit away whose Japan
      // Post address is the address read takes its place. Both values are then repairs, flagged.
      const fixed = postcodeOneDigitOff(readings.get(codeField), (addresses) => readFieldValue(field, text, { today, postcodeAddresses: addresses, otherRead: o.other }));
      if (fixed) {
        r = { ...fixed.address, repaired: true };
        readings.set(codeField, { value: fixed.code, repaired: true, implausible: false });
        const p = out.get(codeField)!;
        out.set(codeField, { ...p, value: fixed.code, confidence: Math.min(p.confidence, 70) });
      }
    }
    readings.set(field, r);
    out.set(field, { field, value: r.value, confidence: confidenceOf(field, r, o.confidence), zone: o.zone });
  }
  // A postcode is checked by its address: Japan Post lists the address read beside it (the
  // address was matched against that list above). Seven digits alone prove nothing: one misread
  // digit is another valid-looking code.
  for (const [code, address] of [['subject.postalCode', 'subject.address'], ['agent.postalCode', 'agent.address']] as const) {
    const p = out.get(code);
    if (!p?.value) continue;
    const agrees = readings.get(address)?.confirmed === true && !readings.get(code)?.implausible && !readings.get(code)?.repaired;
    p.confidence = agrees ? Math.max(p.confidence, TRUSTED_OCR) : Math.min(p.confidence, 70);
  }
  // Names against the dictionary of names and readings (name-dictionary.ts): the kanji read,
  // the signature and the kana read beside them decide together (郎 vs 部: the reading ロウ).
  const others = new Map([...texts].flatMap(([f, o]) => (o.other && !f.endsWith('.address') ? [[f, readFieldValue(f, o.other, { today }).value] as const] : [])));
  for (const who of ['subject', 'agent'] as const) checkName(out, who, others);
  // The applicant writes their name twice (氏名 and 署名). Two reads that differ are both for a
  // person to look at; two that agree prove little (the same hand misleads OCR the same way).
  const name = out.get('subject.name');
  const signature = out.get('signature');
  if (name?.value && signature?.value && name.value.replace(/\s+/g, '') !== signature.value.replace(/\s+/g, '')) {
    for (const f of [name, signature]) f.confidence = Math.min(f.confidence, 70);
  }
  return out;
}

/**
 * A person's name, its kana and (for the data subject) the signature, reconciled through the
 * name dictionary. A value it changes is a repair, held under the review bar. A name and kana
 * that each read exactly as one listed name and its reading (and the signature too) are two
 * independent reads in two scripts agreeing: trusted like a checked field (TRUSTED_OCR) when
 * tesseract was not unsure of them (NAME_CONFIRMED_OCR).
 */
function checkName(out: Map<FieldName, RecognisedField>, who: 'subject' | 'agent', others: ReadonlyMap<FieldName, string>): void {
  const name = out.get(`${who}.name`);
  const kana = out.get(`${who}.kana`);
  const signature = who === 'subject' ? out.get('signature') : undefined;
  if (!name?.value) return;
  const otherReads = { name: others.get(`${who}.name`), kana: others.get(`${who}.kana`), signature: who === 'subject' ? others.get('signature') : undefined };
  const fields = reconcileNameFields({ name: name.value, kana: kana?.value ?? '', ...(signature?.value ? { signature: signature.value } : {}), otherReads });
  if (!fields) return;
  const apply = (f: RecognisedField | undefined, v: NameFieldValue | undefined) => {
    if (!f || !v) return;
    if (v.repaired) {
      f.value = v.value;
      f.confidence = Math.min(f.confidence, 70);
    } else if (v.confirmed && f.confidence >= NAME_CONFIRMED_OCR) f.confidence = Math.max(f.confidence, TRUSTED_OCR);
  };
  apply(name, fields.name);
  apply(kana, fields.kana);
  apply(signature, fields.signature);
}

/** OCR confidence from which a name confirmed by its kana through the dictionary is trusted. */
const NAME_CONFIRMED_OCR = 60;

/**
 * Names and free text have no shape to check them by, and tesseract misreads handwritten kanji
 * as other kanji with confidence up to ~91 (一郎 as 一部, measured on the generator's scans):
 * they are taken without review only when it is surer still.
 */
const TRUSTED_UNCHECKED = 93;
const UNCHECKED: ReadonlySet<FieldName> = new Set(['subject.name', 'agent.name', 'signature', 'request.target', 'request.reason', 'subject.accountId']);

/**
 * The postcode one digit away from the one read whose Japan Post address is the address read,
 * when exactly one is; null otherwise (nothing is guessed between two).
 */
function postcodeOneDigitOff(read: FieldReading | undefined, readAddress: (addresses: PostcodeAddress[]) => FieldReading): { code: string; address: FieldReading } | null {
  const digits = read && !read.implausible ? postcodeOf(read.value) : null;
  if (!digits) return null;
  const found: { code: string; address: FieldReading }[] = [];
  for (let i = 0; i < 7; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) === digits[i]) continue;
      const candidate = digits.slice(0, i) + d + digits.slice(i + 1);
      const { addresses } = lookupPostcode(candidate);
      if (!addresses.length) continue;
      const address = readAddress(addresses);
      if (address.confirmed) found.push({ code: `${candidate.slice(0, 3)}-${candidate.slice(3)}`, address });
    }
  }
  return found.length === 1 ? found[0]! : null;
}

function confidenceOf(field: FieldName, r: FieldReading, ocrConfidence: number): number {
  const trusted = UNCHECKED.has(field) ? TRUSTED_UNCHECKED : TRUSTED_OCR;
  // A value the field cannot hold was misread, however sure the engine is.
  if (r.implausible || !plausibleFieldValue(field, r.value)) return Math.min(40, ocrConfidence);
  // The postcode's address agrees with what was read, and the block number has its usual shape.
  if (r.confirmed && !r.repaired && ocrConfidence >= 80) return Math.max(ocrConfidence, TRUSTED_OCR);
  // On handwriting tesseract is sure too soon: measured on the generator's scans, its wrong
  // readings go up to ~87, so below the trusted level a reading stays under the review bar (75).
  if (r.repaired || ocrConfidence < trusted) return Math.min(70, ocrConfidence);
  return ocrConfidence;
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

