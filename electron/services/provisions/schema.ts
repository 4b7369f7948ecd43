/** Tables of the third-party provision register (T1, T2; migration 023). */
export interface ProvisionRecordsTable {
  id: string;
  provided_on: string;
  recipient: string;
  /** recipientKey(recipient): the do-not-provide check and per-recipient listing. */
  recipient_key: string;
  subject_name: string;
  subject_kana: string;
  subject_birth_date: string | null;
  subject_address: string;
  /** nameKey of name and reading (R3 keys), for matching requesters. */
  name_key: string;
  kana_key: string;
  items: string;
  /** 'consent' | 'opt_out' | 'contract' */
  basis: string;
  /** 'manual' | 'import' */
  source: string;
  import_id: string | null;
  /** 1-based row of the imported file (header = row 1), else null. */
  source_row: number | null;
  /** SHA-256 of fingerprintText(entry): the same record is never stored twice. */
  fingerprint: string;
  /** T1 retention (shared/domain/provisions.ts), stored so disposal finds due entries by index. */
  keep_until: string;
  created_by: string | null;
  created_at: string;
}

export interface ProvisionImportsTable {
  id: string;
  /** 'csv' | 'xlsx' */
  format: string;
  /** SHA-256 of the file: the audit trail names it without naming it. */
  file_sha256: string;
  rows_total: number;
  rows_added: number;
  rows_duplicate: number;
  rows_rejected: number;
  imported_by: string | null;
  imported_at: string;
}

/** T2: people whose data must not go to third parties (from K5 decisions). */
export interface DoNotProvideTable {
  id: string;
  /** The K5 case it came from; null when entered by hand. */
  case_id: string | null;
  subject_name: string;
  subject_kana: string;
  subject_birth_date: string | null;
  subject_address: string;
  name_key: string;
  kana_key: string;
  /** Null: every recipient. */
  recipient: string | null;
  from_date: string;
  created_by: string | null;
  created_at: string;
}

/** A K6 case's confirmed match: which register entries are the requester's (confirmed by a person). */
export interface ProvisionMatchesTable {
  case_id: string;
  /** JSON array of provision_records ids ([] = confirmed: none exist). */
  record_ids: string;
  confirmed_by: string | null;
  confirmed_by_name: string | null;
  confirmed_at: string;
}

export interface ProvisionTables {
  provision_records: ProvisionRecordsTable;
  provision_imports: ProvisionImportsTable;
  do_not_provide: DoNotProvideTable;
  provision_matches: ProvisionMatchesTable;
}
