/** Backups made of this vault (migration 020): the newest verified one drives the Today warning. */
export interface BackupRunsTable {
  id: string;
  /** 'manual' | 'schedule' */
  trigger: string;
  /** 'running' | 'verified' | 'failed' */
  status: string;
  started_at: string;
  finished_at: string | null;
  /** File name inside the backup folder (no folder path: it may name a person's drive). */
  file_name: string | null;
  bytes: number | null;
  /** SHA-256 of the whole file as written and read back. */
  sha256: string | null;
  error_code: string | null;
  started_by: string | null;
}

export interface BackupTables {
  backup_runs: BackupRunsTable;
}
