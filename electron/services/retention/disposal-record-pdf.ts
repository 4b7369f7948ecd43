import { createHash } from 'node:crypto';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { DisposalEntry } from '@shared/contract/retention-types';
import { isoDateInJapan } from '@shared/domain/dates';
import { formatEraDate } from '@shared/domain/era';
import { RECORD_CLASS_LABELS } from '@shared/domain/retention';
import { GREY, INK, RULE } from '../forms/draw';
import { embedJapaneseFont } from '../forms/fonts';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const COLS = [
  { ja: '案件番号', x: 0, w: 70 },
  { ja: '廃棄した記録', x: 70, w: 170 },
  { ja: '根拠（保存期間）', x: 240, w: 180 },
  { ja: '頁数', x: 420, w: 40 },
];

/**
 * The printable disposal record (廃棄記録, S4) of one batch: who disposed of what, when, why and
 * under which rule. No personal data: case numbers, classes and counts only, as the register.
 * Deterministic for the same input (fixed creation date), Noto Sans JP as a HarfBuzz subset
 * (forms/fonts.ts) so every glyph prints.
 */
export async function renderDisposalRecord(input: { companyName: string; administratorTitle: string; entries: readonly DisposalEntry[] }): Promise<{ pdf: Uint8Array; sha256: string }> {
  const first = input.entries[0];
  if (!first) throw new RangeError('empty batch');
  const day = isoDateInJapan(new Date(first.disposedAt));
  const header = [
    `${input.companyName}`,
    `廃棄日 ${formatEraDate(day)}（${day}）`,
    `実施者 ${first.disposedByName ?? ''}`,
    `理由 ${first.reason}`,
    `記録番号 ${first.batchId}`,
  ];
  const rows = input.entries.map((e) => [e.caseNo, e.classes.map((c) => RECORD_CLASS_LABELS[c].ja).join('、'), e.rule.split('; ').map((r) => r.split(' / ')[0]).join('、'), String(e.pagesErased)]);
  const footer = `上記のとおり、保存期間を経過した記録を復元できない方法で消去しました。 ${input.administratorTitle}`;
  const allText = ['廃棄記録 Disposal record', ...header, ...COLS.map((c) => c.ja), ...rows.flat(), footer, '頁 /0123456789…'].join('');

  const doc = await PDFDocument.create();
  doc.setTitle('廃棄記録');
  doc.setCreator('Kaiji');
  doc.setProducer('Kaiji');
  doc.setCreationDate(new Date(first.disposedAt));
  doc.setModificationDate(new Date(first.disposedAt));
  const font = await embedJapaneseFont(doc, 'regular', allText);

  let page = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const text = (p: PDFPage, s: string, x: number, top: number, size: number, f: PDFFont = font, color = INK) => p.drawText(s, { x, y: top - size, size, font: f, color });
  text(page, '廃棄記録 Disposal record', MARGIN, y, 18);
  y -= 34;
  for (const line of header) {
    text(page, line, MARGIN, y, 10.5);
    y -= 17;
  }
  y -= 10;
  const tableHeader = () => {
    for (const c of COLS) text(page, c.ja, MARGIN + c.x, y, 9.5, font, GREY);
    y -= 15;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: A4.width - MARGIN, y }, thickness: 0.6, color: RULE });
    y -= 6;
  };
  tableHeader();
  for (const row of rows) {
    if (y < MARGIN + 60) {
      page = doc.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN;
      tableHeader();
    }
    COLS.forEach((c, i) => text(page, fit(row[i]!, font, 9.5, c.w - 6), MARGIN + c.x, y, 9.5));
    y -= 15;
  }
  y -= 20;
  if (y < MARGIN + 30) {
    page = doc.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  }
  text(page, footer, MARGIN, y, 9.5);
  const pages = doc.getPages();
  pages.forEach((p, i) => text(p, `${i + 1} / ${pages.length} 頁`, A4.width - MARGIN - 50, MARGIN - 20, 8, font, GREY));
  const pdf = await doc.save({ useObjectStreams: true });
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}

/** Cuts a cell with … so it never runs into the next column. */
function fit(s: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(s, size) <= width) return s;
  let out = s;
  while (out.length > 1 && font.widthOfTextAtSize(`${out}…`, size) > width) out = out.slice(0, -1);
  return `${out}…`;
}
