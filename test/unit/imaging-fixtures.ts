/**
 * In-memory scan fixtures for the imaging tests: nothing here touches the disk except reading
 * the Noto Sans JP font from node_modules.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
export const NOTO_JP_PATH = require.resolve(
  '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
);
const FAMILY = 'Kaiji Test Noto JP';
let registered = false;
function ensureFont() {
  if (!registered) {
    GlobalFonts.registerFromPath(NOTO_JP_PATH, FAMILY);
    registered = true;
  }
}

export const JA_LINES = ['保有個人データ開示請求書', '氏名 山田 太郎', '住所 東京都千代田区1-2-3'];
export const EN_LINES = ['Disclosure request (APPI Art. 33)', 'Name: Taro Yamada'];

/** Text area used by the ink assertions: where the first lines are drawn. */
export const TEXT_BOX = { left: 100, top: 120, width: 900, height: 420 };

/**
 * An A4-ish page at ~120 dpi (1000x1400) with Japanese and Latin text, as a PNG.
 * `angle` rotates the drawing (degrees, clockwise) about the centre — a skewed scan.
 */
export function textPagePng(opts: { width?: number; height?: number; angle?: number } = {}): Buffer {
  ensureFont();
  const width = opts.width ?? 1000;
  const height = opts.height ?? 1400;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  if (opts.angle) {
    ctx.translate(width / 2, height / 2);
    ctx.rotate((opts.angle * Math.PI) / 180);
    ctx.translate(-width / 2, -height / 2);
  }
  ctx.fillStyle = '#111';
  ctx.textBaseline = 'top';
  let y = TEXT_BOX.top;
  for (const line of JA_LINES) {
    ctx.font = `48px "${FAMILY}"`;
    ctx.fillText(line, TEXT_BOX.left, y);
    y += 80;
  }
  for (const line of EN_LINES) {
    ctx.font = `40px "${FAMILY}"`;
    ctx.fillText(line, TEXT_BOX.left, y);
    y += 70;
  }
  // Body text further down, as on a real form: many lines help the skew estimate.
  ctx.font = `28px "${FAMILY}"`;
  for (let i = 0; i < 18; i++) {
    ctx.fillText(`${i + 1}. 開示を求める保有個人データの内容 record ${i + 1}`, 100, 620 + i * 40);
  }
  return canvas.toBuffer('image/png');
}

/** Fraction of pixels darker than 128 in a region of a greyscale (or any) PNG. */
export async function inkRatio(
  png: Buffer,
  box: { left: number; top: number; width: number; height: number },
): Promise<number> {
  const data = await sharp(png).extract(box).greyscale().raw().toBuffer();
  let dark = 0;
  for (const v of data) if (v < 128) dark++;
  return dark / data.length;
}

/**
 * A scanner-style PDF: each page is one embedded image, page size from the given dpi. Scanners
 * mostly write JPEG (DCTDecode) pages; `jpeg` embeds them that way instead of as PNG (Flate).
 */
export async function imagePdf(pngs: Buffer[], dpi = 120, encoding: 'png' | 'jpeg' = 'png'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const png of pngs) {
    const img =
      encoding === 'jpeg'
        ? await doc.embedJpg(await sharp(png).flatten({ background: '#fff' }).jpeg({ quality: 85 }).toBuffer())
        : await doc.embedPng(png);
    const w = (img.width * 72) / dpi;
    const h = (img.height * 72) / dpi;
    doc.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w, height: h });
  }
  return doc.save();
}

/** A born-digital PDF with Japanese text in an embedded Noto Sans JP subset. */
export async function textPdf(lines: string[] = JA_LINES): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(NOTO_JP_PATH), { subset: false });
  const page = doc.addPage([595.28, 841.89]); // A4 in points
  lines.forEach((line, i) => {
    page.drawText(line, { x: 50, y: 760 - i * 50, size: 28, font, color: rgb(0, 0, 0) });
  });
  return doc.save();
}

/**
 * A minimal PDF with a standard-security-handler /Encrypt dictionary (RC4, 40-bit, user
 * password "secret" not supplied). pdf-lib cannot encrypt, so the file is hand-built; pdfjs
 * checks the empty user password against /U and asks for a password.
 */
export function encryptedPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    // /O and /U are 32 arbitrary bytes: they will not match the empty password.
    `<< /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -4 >>`,
  ];
  return assemblePdf(objects, '/Root 1 0 R /Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]');
}

/** Writes objects (1-based numbering) with a correct xref table. */
export function assemblePdf(objects: string[], trailerExtra: string): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** CRC-32 for hand-built PNG chunks. */
function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/**
 * A syntactically valid greyscale PNG header claiming width x height, with a tiny IDAT: cheap
 * to make, and decoding it for real would need the whole (e.g. 400 MP) bitmap.
 */
export function hugePngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = deflateSync(Buffer.alloc(width + 1)); // one row only
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** Multi-page TIFF: libvips writes one IFD per page when the image carries a page height. */
export async function multiPageTiff(pngs: Buffer[], width = 1000, height = 1400): Promise<Buffer> {
  const raws = await Promise.all(pngs.map((p) => sharp(p).flatten({ background: '#fff' }).greyscale().raw().toBuffer()));
  return sharp(Buffer.concat(raws), {
    raw: { width, height: height * pngs.length, channels: 1, pageHeight: height },
  })
    .tiff({ compression: 'lzw', xres: 200 / 25.4, yres: 200 / 25.4 })
    .toBuffer();
}
