import ExcelJS from 'exceljs';
import { KaijiError } from '@shared/errors';

/** A business system's export as rows of cells; row 0 is the header. Read in memory only (S2). */
export interface TableFile {
  format: 'csv' | 'xlsx';
  rows: string[][];
}

/** Row limit of one import: keeps a wrong file (a whole database dump) from stalling the app. */
export const MAX_IMPORT_ROWS = 200_000;

/** CSV (UTF-8 with or without BOM, else Shift_JIS as Japanese business systems export) or XLSX, by content. */
export async function readTableFile(bytes: Buffer): Promise<TableFile> {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return { format: 'xlsx', rows: await readXlsx(bytes) };
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw new KaijiError('PROVISION_FILE_UNREADABLE');
  return { format: 'csv', rows: parseCsv(text) };
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    } catch {
      throw new KaijiError('PROVISION_FILE_UNREADABLE');
    }
  }
}

/**
 * RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF. A tab in
 * the header line and no comma there means tab-separated. Blank lines are dropped.
 */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    if (rows.length > MAX_IMPORT_ROWS + 1) throw new KaijiError('PROVISION_FILE_UNREADABLE');
    row = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n') endRow();
    else if (c !== '\r') field += c;
    i++;
  }
  if (quoted) throw new KaijiError('PROVISION_FILE_UNREADABLE');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new KaijiError('PROVISION_FILE_UNREADABLE');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) throw new KaijiError('PROVISION_FILE_UNREADABLE');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (r) => {
    const cells: string[] = [];
    for (let c = 1; c <= r.cellCount; c++) cells.push(cellText(r.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  // Excel dates carry no zone; exceljs reads them as UTC midnight.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return v.result === undefined || v.result === null ? '' : cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}
