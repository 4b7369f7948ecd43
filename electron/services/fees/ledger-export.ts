import ExcelJS from 'exceljs';
import officeCrypto from 'officecrypto-tool';
import type { MoneyOrderExport, MoneyOrderMonth, MoneyOrderRecord } from '@shared/contract/ledger-types';
import { MONEY_ORDER_STATE_LABELS } from '@shared/domain/money-orders';

export interface ExportRequest {
  format: 'xlsx' | 'csv';
  password?: string;
  plaintextAcknowledged: boolean;
}

/** Columns for the accounts department: no applicant names, only what books the money (F4). */
const COLUMNS: { header: string; width: number; value: (r: MoneyOrderRecord) => string | number }[] = [
  { header: '案件番号 Case no.', width: 14, value: (r) => r.caseNo },
  { header: '証書番号 Certificate no.', width: 20, value: (r) => r.certificateNo },
  { header: '額面（円） Face value (yen)', width: 14, value: (r) => r.faceValue },
  { header: '発行日 Issued', width: 12, value: (r) => r.issuedOn },
  { header: '発行局 Issuing office', width: 20, value: (r) => r.issuingOffice },
  { header: '受領日 Received', width: 12, value: (r) => r.receivedOn },
  { header: '払渡期限 Payable until', width: 14, value: (r) => r.payableUntil },
  { header: '状態 State', width: 18, value: (r) => `${MONEY_ORDER_STATE_LABELS[r.state].ja} ${MONEY_ORDER_STATE_LABELS[r.state].en}` },
  { header: '換金日 Cashed', width: 12, value: (r) => r.cashedOn ?? '' },
  { header: '入金参照 Deposit ref.', width: 18, value: (r) => r.depositRef ?? '' },
  { header: '返還日 Returned', width: 12, value: (r) => r.returnedOn ?? '' },
  { header: '期間経過 Lapsed', width: 12, value: (r) => r.lapsedOn ?? '' },
];

const MONTH_COLUMNS: { header: string; value: (m: MoneyOrderMonth) => string | number }[] = [
  { header: '月 Month', value: (m) => m.month },
  { header: '受領 Received', value: (m) => m.received },
  { header: '換金 Cashed', value: (m) => m.cashed },
  { header: '返還 Returned', value: (m) => m.returned },
  { header: '期間経過 Lapsed', value: (m) => m.lapsed },
];

/**
 * Builds the export in memory: an XLSX encrypted with the user's password (ECMA-376 agile
 * encryption, which Excel opens), or plaintext CSV/XLSX when the caller checked the warning was
 * acknowledged. Nothing touches the disk here; the renderer saves the bytes.
 */
export async function buildLedgerExport(
  records: readonly MoneyOrderRecord[],
  months: readonly MoneyOrderMonth[],
  request: ExportRequest,
  today: string,
): Promise<MoneyOrderExport> {
  const base = `money-orders-${today}`;
  if (request.format === 'csv') {
    const lines = [COLUMNS.map((c) => c.header), ...records.map((r) => COLUMNS.map((c) => c.value(r)))].map((cells) => cells.map(csvCell).join(','));
    // BOM so Excel reads UTF-8; CRLF as Excel writes it.
    const data = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
    return { fileName: `${base}.csv`, mimeType: 'text/csv', dataBase64: data.toString('base64'), rows: records.length, encrypted: false };
  }
  const xlsx = await workbook(records, months);
  const encrypted = request.password !== undefined;
  const data = encrypted ? officeCrypto.encrypt(xlsx, { password: request.password! }) : xlsx;
  return {
    fileName: `${base}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    dataBase64: data.toString('base64'),
    rows: records.length,
    encrypted,
  };
}

async function workbook(records: readonly MoneyOrderRecord[], months: readonly MoneyOrderMonth[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kaiji';
  const sheet = wb.addWorksheet('定額小為替 Money orders');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  for (const r of records) sheet.addRow(COLUMNS.map((c) => c.value(r)));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const totals = wb.addWorksheet('月別集計 Monthly totals');
  totals.columns = MONTH_COLUMNS.map((c) => ({ header: c.header, width: 16 }));
  for (const m of months) totals.addRow(MONTH_COLUMNS.map((c) => c.value(m)));
  totals.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Quoted; a leading = + - @ is defused so a typed value never runs as a spreadsheet formula. */
function csvCell(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}
