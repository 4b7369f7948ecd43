/**
 * Generated copies of ID documents (issue 12 item 3) with their ground truth: each kind the
 * guidance accepts (D1-D5), agent proofs, My Number cards, valid / expired / stale. Drawn with
 * BIZ UDPGothic (a font the app does not ship) and degraded like an office scan (speckles, blur,
 * JPEG). Restricted numbers (D6, 個人番号) are drawn twice-over so their exact ink is known.
 * Used by test/integration/id-copies.test.ts and the "ID suggestion accuracy" bench.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { formatEraDate } from '../../shared/domain/era';
import type { IdReadingType } from '../../shared/domain/id-reading';
import { scannerNoise } from '../../electron/services/demo/demo-scans';

const require = createRequire(import.meta.url);
const FONT_DIR = dirname(require.resolve('@expo-google-fonts/biz-udpgothic/package.json'));
const FAMILY = 'Kaiji Test ID Gothic';
let registered = false;
function font(): void {
  if (registered) return;
  GlobalFonts.registerFromPath(join(FONT_DIR, '400Regular', 'BIZUDPGothic_400Regular.ttf'), FAMILY);
  GlobalFonts.registerFromPath(join(FONT_DIR, '700Bold', 'BIZUDPGothic_700Bold.ttf'), `${FAMILY} Bold`);
  registered = true;
}

export interface IdPerson {
  name: string;
  /** Latin name as a passport prints it. */
  latin: string;
  address: string;
  birthDate: string;
}

export interface IdCopySpec {
  type: IdReadingType;
  person: IdPerson;
  issuedOn?: string;
  validUntil?: string;
  /** Western dates (2030年4月1日) instead of era dates where the document allows both. */
  western?: boolean;
}

/** What Kaiji should suggest for the copy. */
export interface IdTruth {
  type: IdReadingType;
  name?: string;
  birthDate: string;
  issuedOn?: string;
  validUntil?: string;
}

export interface IdCopy {
  spec: IdCopySpec;
  truth: IdTruth;
  /** The scan as a JPEG (A4, 150 dpi, 1240 x 1754). */
  jpeg: Buffer;
  /** Dark pixels of each restricted number (D6 / 個人番号) in the scan's pixels. */
  secrets: { digits: string; pixels: [number, number][] }[];
}

type Part = string | { secret: string };

const W = 1240;
const H = 1754;
const westernDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const passportDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${String(d).padStart(2, '0')} ${MONTHS[m - 1]} ${y}`;
};
/** Cards print numbers in full-width digits (as wide as a kanji). */
const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The lines of each document, as the real ones lay them out (simplified; fictitious; 見本). */
function linesOf(spec: IdCopySpec): { title: string; lines: Part[][] } {
  const p = spec.person;
  const date = (iso: string) => (spec.western ? westernDate(iso) : formatEraDate(iso));
  const birth = formatEraDate(p.birthDate);
  switch (spec.type) {
    case 'drivers_license':
      return {
        title: '運転免許証',
        lines: [
          [`氏名 ${p.name}   ${birth}生`],
          [`住所 ${p.address}`],
          [`交付 ${date(spec.issuedOn!)}  12345`],
          [`${date(spec.validUntil!)}まで有効`],
          ['免許の条件等 眼鏡等'],
          ['番号 第 123456789012 号'],
          ['東京都公安委員会'],
        ],
      };
    case 'passport':
      return {
        title: '日本国旅券 PASSPORT',
        lines: [
          [`Surname ${p.latin.split(' ')[0]}`],
          [`Given name ${p.latin.split(' ')[1]}`],
          [`Date of birth ${passportDate(p.birthDate)}`],
          [`Date of issue ${passportDate(spec.issuedOn!)}`],
          [`Date of expiry ${passportDate(spec.validUntil!)}`],
          ['Authority MINISTRY OF FOREIGN AFFAIRS'],
        ],
      };
    case 'health_insurance':
      return {
        title: '健康保険被保険者証',
        lines: [
          ['本人（被保険者）'],
          ['記号 ', { secret: fullWidth('1234') }, '  番号 ', { secret: fullWidth('56') }],
          [`交付年月日 ${date(spec.issuedOn!)}`],
          [`氏名 ${p.name}`],
          [`生年月日 ${birth}`],
          [`住所 ${p.address}`],
          ['保険者番号 ', { secret: fullWidth('06130012') }],
          ['保険者名称 全国健康保険協会 東京支部'],
          [`有効期限 ${date(spec.validUntil!)}`],
        ],
      };
    case 'pension_book':
      return {
        title: '年金手帳',
        lines: [['基礎年金番号 ', { secret: '2345-678901' }], [`氏名 ${p.name}`], [`生年月日 ${birth}`], [`交付 ${date(spec.issuedOn!)}`], ['日本年金機構']],
      };
    case 'residence_certificate':
      return {
        title: '住民票の写し',
        lines: [
          [`氏名 ${p.name}`],
          [`生年月日 ${birth}  性別 男`],
          [`住所 ${p.address}`],
          ['住民となった年月日 平成20年4月1日'],
          ['この写しは、住民票の原本と相違ないことを証明する。'],
          [`${date(spec.issuedOn!)}  世田谷区長 見本 一郎`],
        ],
      };
    case 'residence_card':
      return {
        title: '在留カード RESIDENCE CARD',
        lines: [[`氏名 ${p.latin}`], [`生年月日 ${westernDate(p.birthDate)}`], [`住居地 ${p.address}`], [`このカードは ${westernDate(spec.validUntil!)} まで有効`]],
      };
    case 'my_number_card':
      return {
        title: '個人番号カード',
        lines: [[`氏名 ${p.name}`], [`住所 ${p.address}`], [`生年月日 ${birth}`], [`${westernDate(spec.validUntil!)}まで有効`], ['個人番号 ', { secret: '1234 5678 9012' }]],
      };
    case 'notification_card':
      return { title: '通知カード', lines: [['個人番号 ', { secret: '1234 5678 9012' }], [`氏名 ${p.name}`], [`住所 ${p.address}`], [`生年月日 ${birth}`]] };
    case 'family_register':
      return { title: '戸籍全部事項証明書', lines: [[`本籍 ${p.address}`], [`氏名 ${p.name}`], [`生年月日 ${birth}`], ['これは、戸籍に記録されている事項の全部を証明した書面である。'], [`${date(spec.issuedOn!)}  世田谷区長`]] };
    case 'power_of_attorney':
      return { title: '委任状', lines: [['私は、下記の者を代理人と定め、個人情報の開示等の請求に関する一切の権限を委任します。'], [`${date(spec.issuedOn!)}`], [`委任者 住所 ${p.address}`], [`氏名 ${p.name}`]] };
  }
}

function truthOf(spec: IdCopySpec): IdTruth {
  const latinName = spec.type === 'passport' || spec.type === 'residence_card';
  const noIssue = spec.type === 'residence_card' || spec.type === 'my_number_card' || spec.type === 'notification_card';
  return {
    type: spec.type,
    ...(latinName ? {} : { name: spec.person.name.replace(/\s+/g, '') }),
    birthDate: spec.person.birthDate,
    ...(spec.issuedOn && !noIssue ? { issuedOn: spec.issuedOn } : {}),
    ...(spec.validUntil ? { validUntil: spec.validUntil } : {}),
  };
}

/** Draws, scans and returns one copy with its truth. */
export async function idCopy(spec: IdCopySpec, seed = 1): Promise<IdCopy> {
  font();
  const { title, lines } = linesOf(spec);
  const draw = (hide?: string) => {
    const canvas = createCanvas(W, H);
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, W, H);
    g.fillStyle = '#000';
    g.strokeStyle = '#000';
    g.textBaseline = 'top';
    g.lineWidth = 3;
    g.strokeRect(120, 180, 1000, 160 + lines.length * 76);
    g.font = `44px "${FAMILY} Bold"`;
    g.fillText(title, 160, 210);
    g.font = `34px "${FAMILY}"`;
    lines.forEach((parts, i) => {
      let x = 160;
      for (const part of parts) {
        const text = typeof part === 'string' ? part : part.secret;
        if (typeof part === 'string' || hide !== part.secret) g.fillText(text, x, 300 + i * 76);
        x += g.measureText(text).width;
      }
    });
    // A faint 見本 stamp, as sample copies carry.
    g.font = `110px "${FAMILY} Bold"`;
    g.fillStyle = 'rgba(0,0,0,0.18)';
    g.fillText('見本', 900, 220 + lines.length * 76);
    return canvas;
  };
  const full = draw();
  const all = full.getContext('2d').getImageData(0, 0, W, H).data;
  const secrets = lines
    .flat()
    .filter((p): p is { secret: string } => typeof p !== 'string')
    .map(({ secret }) => {
      const without = draw(secret).getContext('2d').getImageData(0, 0, W, H).data;
      const pixels: [number, number][] = [];
      for (let i = 0; i < all.length; i += 4) if (all[i]! < 160 && without[i]! > 200) pixels.push([(i / 4) % W, Math.floor(i / 4 / W)]);
      return { digits: secret, pixels };
    });
  // No feed rotation: the stored page keeps the drawing's pixels, so the ink is known exactly.
  const jpeg = await scannerNoise(full.toBuffer('image/png'), 0, 0.002, seed);
  return { spec, truth: truthOf(spec), jpeg, secrets };
}

export const TEST_PERSON: IdPerson = { name: '山田 太郎', latin: 'YAMADA TARO', address: '東京都世田谷区桜新町1丁目2番3号', birthDate: '1985-04-01' };
