import type { Bilingual } from '../result';
import type { ColumnMapping, ProvisionBasis, ProvisionCheck, ProvisionField } from '../domain/provisions';

/** One entry of the third-party provision register (T1). */
export interface ProvisionRecord {
  id: string;
  providedOn: string;
  recipient: string;
  name: string;
  kana: string;
  birthDate: string | null;
  address: string;
  items: string;
  basis: ProvisionBasis;
  source: 'manual' | 'import';
  /** Row in the imported file (header = 1). */
  sourceRow: number | null;
  keepUntil: string;
  createdAt: string;
}

export interface ProvisionPage {
  records: ProvisionRecord[];
  total: number;
}

/** A row that was not imported: its row number in the file (header = 1) and why. */
export interface ImportRowError {
  row: number;
  field: ProvisionField;
  message: Bilingual;
}

/** Errors listed per import at most (the counts are always complete). */
export const MAX_LISTED_ROW_ERRORS = 1000;

export interface ProvisionImportPreview {
  format: 'csv' | 'xlsx';
  headers: string[];
  /** Data rows (without the header). */
  rowCount: number;
  /** Columns guessed from the header names; the clerk adjusts them. */
  suggestedMapping: ColumnMapping;
  /** The first rows as they would be stored, with their row numbers. */
  sample: { row: number; entry: Omit<ProvisionRecord, 'id' | 'source' | 'sourceRow' | 'keepUntil' | 'createdAt'> }[];
  valid: number;
  /** Valid rows already in the register (same fingerprint): would add nothing. */
  duplicates: number;
  errorCount: number;
  errors: ImportRowError[];
}

export interface ProvisionImportResult {
  importId: string;
  rowsTotal: number;
  added: number;
  duplicates: number;
  rejected: number;
  errors: ImportRowError[];
}

export interface DoNotProvideItem {
  id: string;
  caseId: string | null;
  caseNo: string | null;
  name: string;
  kana: string;
  birthDate: string | null;
  address: string;
  recipient: string | null;
  fromDate: string;
}

export type ProvisionCheckResult = ProvisionCheck;

/** A K6 case's requester and the register entries that may be theirs (R3 keys), and the confirmed match. */
export interface ProvisionMatch {
  caseId: string;
  caseNo: string;
  person: { name: string; kana: string; birthDate: string | null; address: string | null };
  candidates: ProvisionRecord[];
  confirmed: { recordIds: string[]; byName: string | null; at: string } | null;
}
