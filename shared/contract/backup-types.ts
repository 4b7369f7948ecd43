/** Output types of backups and restore (#15 item 1, S2). */

export interface BackupSettings {
  /** Folder the administrator chose (USB drive, network share); '' = none yet. */
  folder: string;
  /** Verified backups kept in the folder; older ones are removed after a new one verifies. */
  generations: number;
  /** Make one a day while Kaiji runs. */
  daily: boolean;
  /** Today warns when the newest verified backup is older than this. */
  warnAfterDays: number;
}

export type BackupPhase = 'idle' | 'snapshot' | 'encrypt' | 'verify' | 'done' | 'failed';

export interface BackupStatus {
  running: boolean;
  runId: string | null;
  phase: BackupPhase;
  /** 0..1 within the whole backup. */
  progress: number;
  /** Error code of the last run when it failed. */
  errorCode: string | null;
}

export interface BackupRun {
  id: string;
  trigger: 'manual' | 'schedule';
  status: 'running' | 'verified' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  fileName: string | null;
  bytes: number | null;
  sha256: string | null;
  errorCode: string | null;
}

export interface BackupOverview {
  settings: BackupSettings;
  status: BackupStatus;
  runs: BackupRun[];
  lastVerifiedAt: string | null;
}

export interface RestoreResult {
  dataDir: string;
  /** When the backup was made. */
  backupCreatedAt: string;
  /** True when the folder restored into is this Kaiji's own data folder: unlock now. */
  openHere: boolean;
}
