import { PDFDocument, rgb } from 'pdf-lib';
import { DECISION_GROUNDS, DECISION_GROUND_LABELS, DECISION_OUTCOMES, DECISION_OUTCOME_LABELS } from '@shared/domain/decisions';
import { formatEraDate } from '@shared/domain/era';
import { REQUEST_KINDS } from '@shared/domain/page-kind';
import type { ReportFigures, YearReport } from '@shared/domain/reports';
import { embedJapaneseFont } from '../forms/fonts';

const MM = 72 / 25.4;
/** A4 landscape. */
const W = 297 * MM;
const H = 210 * MM;

const yen = (n: number) => `${n.toLocaleString('ja-JP')}`;
const days = (n: number | null) => (n === null ? '－' : String(n));
const pct = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`;

/** Columns of the monthly table: heading and value. */
const COLUMNS: { head: string; value: (f: ReportFigures) => string; width: number }[] = [
  { head: '月', value: (f) => (f.period.length === 4 ? '年計' : `${Number(f.period.slice(5))}月`), width: 14 },
  { head: '受付', value: (f) => String(f.received), width: 12 },
  ...REQUEST_KINDS.map((k) => ({ head: k, value: (f: ReportFigures) => String(f.byKind[k]), width: 10 })),
  { head: '回答済', value: (f) => String(f.answered), width: 14 },
  { head: '日数中央値', value: (f) => days(f.daysMedian), width: 20 },
  { head: '日数90%', value: (f) => days(f.daysP90), width: 16 },
  { head: '目標超過', value: (f) => String(f.overTarget), width: 16 },
  { head: '14日超過', value: (f) => String(f.pastDay14), width: 16 },
  { head: '不備率', value: (f) => pct(f.deficiencyRate), width: 16 },
  { head: '受領(円)', value: (f) => yen(f.fees.received.yen), width: 18 },
  { head: '換金(円)', value: (f) => yen(f.fees.cashed.yen), width: 18 },
  { head: '返還(円)', value: (f) => yen(f.fees.returned.yen), width: 18 },
];

/**
 * The year's figures as a one-page A4 landscape PDF (the yearly figures some companies
 * publish): the monthly table, then outcomes and legal grounds for the year. Japanese, with
 * Noto Sans JP embedded as a HarfBuzz subset of the printed characters (forms/fonts.ts).
 */
export async function reportPdf(report: YearReport, company: string, printedOn: string): Promise<Uint8Array> {
  const rows = [...report.months, report.total];
  const title = `個人情報の開示等の請求の状況（${report.year}年・${formatEraDate(`${report.year}-01-01`).replace(/1月1日$/, '')}）`;
  const outcomes = DECISION_OUTCOMES.map((o) => `${DECISION_OUTCOME_LABELS[o].ja}：${report.total.byOutcome[o]}件`).join('　');
  const grounds = DECISION_GROUNDS.map((g) => `${DECISION_GROUND_LABELS[g].ja}：${report.total.byGround[g]}件`).join('　');
  const footer = `${company}　作成日 ${formatEraDate(printedOn)}　K1 開示 K2 利用目的 K3 訂正等 K4 利用停止等 K5 第三者提供停止 K6 第三者提供記録　日数は到達日から回答日まで（最近順位法）`;
  const texts = [title, outcomes, grounds, footer, '決定（件数）', '不開示等の理由（件数）', ...COLUMNS.map((c) => c.head), ...rows.flatMap((r) => COLUMNS.map((c) => c.value(r))), '－'];
  const doc = await PDFDocument.create();
  doc.setCreator('Kaiji');
  doc.setProducer('Kaiji');
  // Fixed dates: the same report prints to the same bytes.
  doc.setCreationDate(new Date(`${printedOn}T00:00:00Z`));
  doc.setModificationDate(new Date(`${printedOn}T00:00:00Z`));
  const font = await embedJapaneseFont(doc, 'regular', texts.join(''));
  const page = doc.addPage([W, H]);
  const left = 14 * MM;
  let y = H - 18 * MM;
  page.drawText(title, { x: left, y, size: 15, font });
  y -= 12 * MM;
  const rowH = 6.6 * MM;
  const totalW = COLUMNS.reduce((s, c) => s + c.width, 0) * MM;
  const drawRow = (cells: string[], bold: boolean) => {
    let x = left;
    cells.forEach((cell, i) => {
      const w = COLUMNS[i]!.width * MM;
      const size = 9;
      const tw = font.widthOfTextAtSize(cell, size);
      // Numbers right-aligned, the month label left.
      page.drawText(cell, { x: i === 0 ? x + 1.5 * MM : x + w - tw - 1.5 * MM, y: y + 2 * MM, size, font });
      x += w;
    });
    page.drawLine({ start: { x: left, y }, end: { x: left + totalW, y }, thickness: bold ? 1 : 0.4, color: rgb(0.4, 0.4, 0.4) });
    y -= rowH;
  };
  drawRow(COLUMNS.map((c) => c.head), true);
  for (const r of rows) drawRow(COLUMNS.map((c) => c.value(r)), r === report.total);
  y -= 4 * MM;
  page.drawText('決定（件数）', { x: left, y, size: 10, font });
  y -= 6 * MM;
  page.drawText(outcomes, { x: left, y, size: 9, font });
  y -= 8 * MM;
  page.drawText('不開示等の理由（件数）', { x: left, y, size: 10, font });
  y -= 6 * MM;
  page.drawText(grounds, { x: left, y, size: 8, font, maxWidth: W - 2 * left });
  page.drawText(footer, { x: left, y: 8 * MM, size: 7, font, color: rgb(0.3, 0.3, 0.3), maxWidth: W - 2 * left });
  return doc.save({ useObjectStreams: false });
}
