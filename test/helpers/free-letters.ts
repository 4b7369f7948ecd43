/**
 * Generated free-form request letters with ground truth (issue 12 item 4): the way people write
 * when they do not use the company's form - date at the top right, the company, a subject line,
 * the request in a sentence, then name, reading, birth date, postcode and address, phone. Drawn
 * with BIZ UDPGothic (not shipped by the app) and degraded like a scan. Each field's truth
 * carries the pixel box of the line it is written on.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { formatEraDate } from '../../shared/domain/era';
import type { RequestKind } from '../../shared/domain/page-kind';
import { scannerNoise } from '../../electron/services/demo/demo-scans';

const require = createRequire(import.meta.url);
const FONT = join(dirname(require.resolve('@expo-google-fonts/biz-udpgothic/package.json')), '400Regular', 'BIZUDPGothic_400Regular.ttf');
const FAMILY = 'Kaiji Test Letter Gothic';
let registered = false;

export interface LetterSpec {
  name: string;
  kana: string;
  birthDate: string;
  postalCode: string;
  address: string;
  phone: string;
  applicationDate: string;
  /** The sentence asking for the kinds, and what it asks for. */
  request: string;
  kinds: RequestKind[];
}

export interface LetterTruth {
  fields: Record<string, string>;
  kinds: RequestKind[];
  /** Pixel box of the line each field is written on. */
  lines: Record<string, { x: number; y: number; width: number; height: number }>;
}

const W = 1240;
const H = 1754;

export async function freeLetter(spec: LetterSpec, seed = 1): Promise<{ jpeg: Buffer; truth: LetterTruth }> {
  if (!registered) GlobalFonts.registerFromPath(FONT, FAMILY);
  registered = true;
  const canvas = createCanvas(W, H);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, W, H);
  g.fillStyle = '#000';
  g.textBaseline = 'top';
  g.font = `32px "${FAMILY}"`;
  const lines: Record<string, { x: number; y: number; width: number; height: number }> = {};
  let y = 160;
  const write = (text: string, x = 140, field?: string[]) => {
    g.fillText(text, x, y);
    for (const f of field ?? []) lines[f] = { x, y, width: g.measureText(text).width, height: 34 };
    y += 64;
  };
  const date = formatEraDate(spec.applicationDate);
  g.font = `32px "${FAMILY}"`;
  write(date, W - 140 - g.measureText(date).width, ['application.date']);
  write('株式会社テスト');
  write('個人情報保護管理者 御中');
  y += 30;
  write('個人情報の開示等の請求について', 300);
  y += 20;
  write('拝啓 時下ますますご清祥のこととお喜び申し上げます。');
  write(spec.request, 140, spec.kinds.map((k) => `request.${k.toLowerCase()}`));
  write('本人確認書類として運転免許証の写しを同封します。');
  write('敬具', 980);
  y += 30;
  write(`氏名 ${spec.name}`, 140, ['subject.name']);
  write(`フリガナ ${spec.kana}`, 140, ['subject.kana']);
  write(`生年月日 ${formatEraDate(spec.birthDate)}`, 140, ['subject.birthDate']);
  write(`住所 〒${spec.postalCode} ${spec.address}`, 140, ['subject.postalCode', 'subject.address']);
  write(`電話 ${spec.phone}`, 140, ['subject.phone']);
  const jpeg = await scannerNoise(canvas.toBuffer('image/png'), 0, 0.002, seed);
  return {
    jpeg,
    truth: {
      fields: {
        'subject.name': spec.name.replace(/\s+/g, ''),
        'subject.kana': spec.kana.replace(/\s+/g, ''),
        'subject.birthDate': formatEraDate(spec.birthDate),
        'subject.postalCode': spec.postalCode,
        'subject.address': spec.address,
        'subject.phone': spec.phone,
        'application.date': date,
      },
      kinds: spec.kinds,
      lines,
    },
  };
}

export const LETTERS: LetterSpec[] = [
  {
    name: '渡邉 健',
    kana: 'ワタナベ ケン',
    birthDate: '1979-08-15',
    postalCode: '160-0023',
    address: '東京都新宿区西新宿2丁目8番1号',
    phone: '03-5321-1111',
    applicationDate: '2026-11-16',
    request: '私の保有個人データの開示と、登録住所の訂正をお願いします。',
    kinds: ['K1', 'K3'],
  },
  {
    name: '佐藤 花子',
    kana: 'サトウ ハナコ',
    birthDate: '1990-01-23',
    postalCode: '530-0001',
    address: '大阪府大阪市北区梅田3丁目1番1号',
    phone: '06-6345-6789',
    applicationDate: '2026-11-10',
    request: '私の個人情報の利用停止及び第三者提供の停止を請求します。',
    kinds: ['K4', 'K5'],
  },
];
