import type { RecordClass } from '../domain/retention';

/** Output types of retention and disposal (#15 item 2, S4). */

/** One class of one case whose retention period is over. */
export interface DisposalDue {
  caseId: string;
  caseNo: string;
  status: string;
  closedOn: string;
  recordClass: RecordClass;
  dueOn: string;
  /** Pages the disposal would erase. */
  pages: number;
  /** A legal hold stops disposal (shown, not offered). */
  held: boolean;
}

export interface DisposalEntry {
  id: string;
  batchId: string;
  caseId: string;
  caseNo: string;
  classes: RecordClass[];
  rule: string;
  reason: string;
  pagesErased: number;
  disposedByName: string | null;
  disposedAt: string;
}

export interface DisposalBatch {
  batchId: string;
  entries: DisposalEntry[];
}

export interface LegalHold {
  caseId: string;
  caseNo: string;
  reason: string;
  placedAt: string;
}

export interface RetentionPdf {
  fileName: string;
  dataBase64: string;
  sha256: string;
}
