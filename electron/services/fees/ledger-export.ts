import ExcelJS from 'exceljs';
import officeCrypto from 'officecrypto-tool';
import type { MoneyOrderExport, MoneyOrderMonth, MoneyOrderRecord } from '@shared/contract/ledger-types';
import { MONEY_ORDER_STATE_LABELS } from '@shared/domain/money-orders';
import { KaijiError } from '@shared/errors';

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
  return buildTableExport(`money-orders-${today}`, [
    { name: '定額小為替 Money orders', columns: COLUMNS, rows: records },
    { name: '月別集計 Monthly totals', columns: MONTH_COLUMNS.map((c) => ({ ...c, width: 16 })), rows: months },
  ], request);
}

/** One sheet of a table export: its columns (header, width, value) and rows. */
export interface ExportSheet<T> {
  name: string;
  columns: readonly { header: string; width: number; value: (r: T) => string | number }[];
  rows: readonly T[];
}

/** The rule every export follows (S2): plaintext only after the warning; CSV cannot carry a password. */
export function assertExportRequest(request: ExportRequest): void {
  if (request.password === undefined) {
    if (!request.plaintextAcknowledged) throw new KaijiError('EXPORT_PLAINTEXT_NOT_ACKNOWLEDGED');
  } else if (request.format === 'csv') {
    throw new KaijiError('EXPORT_CSV_NOT_ENCRYPTABLE');
  }
}

/**
 * Any table as the accounts export writes it (shared by the money-order ledger and the case
 * register): CSV of the first sheet (BOM, CRLF, formula-safe cells) or an XLSX, encrypted when a
 * password is given.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function buildTableExport(base: string, sheets: readonly ExportSheet<any>[], request: ExportRequest): Promise<MoneyOrderExport> {
  const first = sheets[0]!;
  if (request.format === 'csv') {
    const lines = [first.columns.map((c) => c.header), ...first.rows.map((r) => first.columns.map((c) => c.value(r)))].map((cells) => cells.map(csvCell).join(','));
    // BOM so Excel reads UTF-8; CRLF as Excel writes it.
    const data = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
    return { fileName: `${base}.csv`, mimeType: 'text/csv', dataBase64: data.toString('base64'), rows: first.rows.length, encrypted: false };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kaiji';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
    for (const r of sheet.rows) ws.addRow(sheet.columns.map((c) => c.value(r)));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const encrypted = request.password !== undefined;
  const data = encrypted ? officeCrypto.encrypt(xlsx, { password: request.password! }) : xlsx;
  return {
    fileName: `${base}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    dataBase64: data.toString('base64'),
    rows: first.rows.length,
    encrypted,
  };
}

/** Quoted; a leading = + - @ is defused so a typed value never runs as a spreadsheet formula. */
function csvCell(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}
