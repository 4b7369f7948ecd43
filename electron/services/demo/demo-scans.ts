import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import sharp from 'sharp';
import type { FieldName } from '@shared/domain/application-form';
import { formatEraDate } from '@shared/domain/era';
import { generateApplicationForm } from '../forms/application-form-pdf';
import { fillApplicationForm, type FormValues } from '../forms/fill-form';
import { rasterizePdf } from '../imaging';
import { seededRandom, type DemoPerson } from './demo-people';

/**
 * Page images as a scanner delivers them, for the demo vault, tests and benchmarks: the
 * company's form filled in, ID card copies and money orders, all fictitious and marked
 * 見本 (sample). Drawn in memory; nothing is written to disk.
 */
export const DEMO_COMPANY = {
  name: '株式会社デモ商事',
  address: '〒169-0051 東京都新宿区西早稲田二丁目20番15号 デモビル10階',
  contactPoint: '個人情報保護管理者',
};

const requireHere = createRequire(import.meta.url);
const FONT_DIR = join(dirname(requireHere.resolve('@expo-google-fonts/noto-sans-jp/package.json')));
let fontsReady = false;
function fonts(): void {
  if (fontsReady) return;
  GlobalFonts.registerFromPath(join(FONT_DIR, '400Regular', 'NotoSansJP_400Regular.ttf'), 'Kaiji Demo Sans');
  GlobalFonts.registerFromPath(join(FONT_DIR, '700Bold', 'NotoSansJP_700Bold.ttf'), 'Kaiji Demo Sans Bold');
  fontsReady = true;
}

export const toKatakana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** What a person would write on the form: their details, the kinds they ask for, the date. */
export function formValuesFor(person: DemoPerson, seed: number, applicationDate: string): FormValues {
  const rnd = seededRandom(seed);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const kinds = { k1: rnd() < 0.8, k2: rnd() < 0.3, k3: rnd() < 0.15, k4: rnd() < 0.15, k5: rnd() < 0.1, k6: rnd() < 0.2 };
  if (!Object.values(kinds).some(Boolean)) kinds.k1 = true;
  return {
    'subject.kana': toKatakana(person.kana),
    'subject.name': person.name,
    'subject.birthDate': formatEraDate(person.birthDate),
    'subject.phone': `0${1 + Math.floor(rnd() * 9)}-${digits(4)}-${digits(4)}`,
    'subject.postalCode': `${digits(3)}-${digits(4)}`,
    'subject.address': person.address,
    'applicant.type': 'self',
    'request.k1': kinds.k1,
    'request.k2': kinds.k2,
    'request.k3': kinds.k3,
    'request.k4': kinds.k4,
    'request.k5': kinds.k5,
    'request.k6': kinds.k6,
    'request.target': '会員登録情報および購入履歴',
    'request.method': rnd() < 0.8 ? 'paper' : 'electronic',
    'application.date': formatEraDate(applicationDate),
  };
}

/** The company's form filled with `values`, rendered at `dpi`, with scanner noise and feed skew. */
export async function scannedForm(values: FormValues, opts: { dpi?: number; rotate?: number; noise?: number; seed?: number } = {}): Promise<Buffer> {
  const pdf = await fillApplicationForm(await generateApplicationForm(DEMO_COMPANY), values);
  for await (const page of rasterizePdf(pdf, { dpi: opts.dpi ?? 300 })) {
    return scannerNoise(page.png, opts.rotate ?? 0, opts.noise ?? 0.004, opts.seed ?? 1);
  }
  throw new Error('the form has no page');
}

/**
 * Grey speckles, a little blur, a small feed rotation (the page turns inside the scanner's
 * fixed frame, so the image keeps its size) and JPEG compression.
 */
export async function scannerNoise(png: Buffer, rotate: number, specks: number, seed: number): Promise<Buffer> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const rnd = seededRandom(seed);
  for (let i = 0; i < data.length; i++) if (rnd() < specks) data[i] = Math.floor(rnd() * 160);
  const turned = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
    .blur(0.5)
    .rotate(rotate, { background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const w = turned.info.width;
  const h = turned.info.height;
  return sharp(turned.data, { raw: { width: w, height: h, channels: turned.info.channels } })
    .extract({ left: Math.floor((w - info.width) / 2), top: Math.floor((h - info.height) / 2), width: info.width, height: info.height })
    .greyscale()
    .withDensity(300)
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** An A4 sheet at 150 dpi with `draw` placing things on it, noised like a scan. */
async function sheet(draw: (g: ReturnType<ReturnType<typeof createCanvas>['getContext']>) => void, seed: number): Promise<Buffer> {
  fonts();
  const canvas = createCanvas(1240, 1754);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, 1240, 1754);
  g.fillStyle = '#000';
  g.textBaseline = 'top';
  draw(g);
  return scannerNoise(canvas.toBuffer('image/png'), 0, 0.002, seed);
}

export type DemoIdKind = 'license' | 'passport' | 'insurance';

/** A copy of an ID card on an A4 sheet (fictitious, marked 見本). */
export function idCopyScan(person: DemoPerson, kind: DemoIdKind, validUntil: string, seed = 1): Promise<Buffer> {
  const title = { license: '運転免許証', passport: '旅券 PASSPORT', insurance: '健康保険 被保険者証' }[kind];
  return sheet((g) => {
    g.strokeStyle = '#000';
    g.lineWidth = 4;
    g.strokeRect(160, 200, 920, 580);
    g.font = '44px "Kaiji Demo Sans Bold"';
    g.fillText(title, 200, 230);
    g.font = '38px "Kaiji Demo Sans"';
    g.fillText(`氏名 ${person.name}`, 200, 330);
    g.fillText(`生年月日 ${formatEraDate(person.birthDate)}`, 200, 400);
    g.fillText(`住所 ${person.address}`, 200, 470);
    g.fillText(kind === 'insurance' ? `有効期限 ${formatEraDate(validUntil)}` : `${formatEraDate(validUntil)}まで有効`, 200, 540);
    if (kind === 'insurance') g.fillText('記号 ●●● 番号 ●●●●（見本）', 200, 610);
    g.font = '120px "Kaiji Demo Sans Bold"';
    g.fillStyle = 'rgba(0,0,0,0.25)';
    g.fillText('見本', 820, 600);
  }, seed);
}

/** A fixed postal money order (定額小為替証書) on an A4 sheet (fictitious, marked 見本). */
export function moneyOrderScan(order: { certificateNo: string; faceValue: number; issuedOn: string; office: string }, seed = 1): Promise<Buffer> {
  return sheet((g) => {
    g.strokeStyle = '#000';
    g.lineWidth = 4;
    g.strokeRect(140, 260, 960, 460);
    g.font = '48px "Kaiji Demo Sans Bold"';
    g.fillText('定額小為替証書', 180, 290);
    g.font = '40px "Kaiji Demo Sans"';
    g.fillText(`金額 ${order.faceValue.toLocaleString('ja-JP')}円`, 180, 380);
    g.fillText(`記号番号 ${order.certificateNo}`, 180, 450);
    g.fillText(`発行日 ${formatEraDate(order.issuedOn)}`, 180, 520);
    g.fillText(`${order.office}郵便局 ゆうちょ銀行`, 180, 590);
    g.font = '120px "Kaiji Demo Sans Bold"';
    g.fillStyle = 'rgba(0,0,0,0.25)';
    g.fillText('見本', 840, 560);
  }, seed);
}

/** What a field of a filled form should read as: unticked boxes read "false", empty text "". */
export function expectedFieldValue(values: FormValues, field: FieldName): string {
  const v = values[field];
  if (typeof v === 'boolean') return String(v);
  if (v !== undefined) return v;
  return field.startsWith('request.k') || field.startsWith('enclosure.agent') || field === 'enclosure.moneyOrder' ? 'false' : '';
}

/** Recognised text is compared as people read it: width-folded, spaces ignored. */
export const comparableValue = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
