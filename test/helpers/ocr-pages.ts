/**
 * Synthetic scanned pages for OCR tests and benchmarks, drawn in memory with Noto Sans JP
 * (nothing written to disk). 1240x1754 px = A4 at 150 dpi; 36 px text is ~10.5 pt at 300 dpi.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

const require = createRequire(import.meta.url);
const FONT = join(dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json')), '400Regular', 'NotoSansJP_400Regular.ttf');
let registered = false;

export const APPLICATION_LINES = [
  '個人情報開示等請求書',
  '株式会社サンプル 個人情報保護管理者 殿',
  '氏名 山田太郎',
  'フリガナ ヤマダタロウ',
  '生年月日 昭和60年4月1日',
  '住所 東京都千代田区丸の内一丁目1番1号',
  '請求日 令和8年11月24日',
  '請求の種類 保有個人データの開示',
  'Application for Disclosure, etc. of Personal Information',
  '本人確認書類 運転免許証の写し',
  '手数料 定額小為替 1,000円',
];

/** A white page with one line of text per entry, 36 px high, from the top left. */
export function drawPage(lines: readonly string[] = APPLICATION_LINES, size = { width: 1240, height: 1754 }): Buffer {
  if (!registered) {
    GlobalFonts.registerFromPath(FONT, 'Kaiji Test Noto Sans JP');
    registered = true;
  }
  const canvas = createCanvas(size.width, size.height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, size.width, size.height);
  g.fillStyle = '#000';
  g.font = '36px "Kaiji Test Noto Sans JP"';
  g.textBaseline = 'top';
  lines.forEach((line, i) => g.fillText(line, 120, 140 + i * 80));
  return canvas.toBuffer('image/png');
}

/** Denser pages for benchmarks: the application text plus numbered filler lines, varied per page. */
export function drawBenchPage(n: number): Buffer {
  const filler = Array.from({ length: 9 }, (_, i) => `備考${n}-${i + 1} 第三者提供記録の開示について照会します。Ref ${1000 + n * 10 + i}`);
  return drawPage([...APPLICATION_LINES, ...filler]);
}
