import type { DeliveryMethod } from '../domain/mail';
import type { CaseUrgency } from './today-types';
import type { PageKind } from '../domain/page-kind';
import type { Role } from '../roles';

export type VaultState = 'uninitialized' | 'locked' | 'unlocked';

export interface SessionUser {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  /** #13 item 8: the passphrase was set by an administrator; nothing else works until changed. */
  mustChangePassphrase?: boolean;
}

export interface VaultStatus {
  state: VaultState;
  /** Set when unlocked. */
  user?: SessionUser;
  /** Set when unlocked: company name for the header. */
  companyName?: string;
  /** Milliseconds until another unlock attempt is accepted (0 = now). */
  retryAfterMs: number;
  /** Set when unlocked: idle time after which Kaiji locks itself. */
  idleLockMinutes?: number;
}

export interface SetupResult {
  user: SessionUser;
  /** Shown once, never stored in clear: the only way back if every passphrase is lost. */
  recoveryKey: string;
}

export type StaffStatus = 'active' | 'disabled' | 'removed';

export interface StaffMember {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  status: StaffStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Settings {
  companyName: string;
  companyAddress: string;
  contactPoint: string;
  administratorTitle: string;
  /** Minutes of inactivity after which Kaiji locks itself (1-240). */
  idleLockMinutes: number;
  /** Unlock attempts beyond which each failure doubles the wait. */
  freeUnlockAttempts: number;
  /** The scanner's "scan to folder" target; empty = not watched. */
  scannerFolder: string;
  /** 〒 of the company's address, printed on letters and return-address labels. */
  companyPostalCode: string;
  /** The company's own response target after arrival (I5; the Act only says 遅滞なく). */
  responseTargetDays: number;
  /** 'calendar': every day counts; 'business': weekends and Japanese public holidays do not (I5). */
  responseDayCount: 'calendar' | 'business';
  /** Earlier requests of the same person within this many months are shown as repeats (R3). */
  repeatPeriodMonths: number;
  /** Warn this many days before a money order stops being payable (F2). */
  moneyOrderWarningDays: number;
  /** A deficient case waiting longer than this many days for the re-sent set is flagged. */
  deficientWaitDays: number;
  /** When a withdrawal gets a written acknowledgement (#10): always, unless it came by letter, never. */
  withdrawalAcknowledgement: 'always' | 'unless_letter' | 'never';
  /** #13 item 2b: letters (and the decisions they carry) need a second administrator's approval (決裁) before issue. */
  approvalRequired: boolean;
  /** #13 item 3: days a deleted page or letter draft stays in the trash before it is purged for good. */
  trashDays: number;
  /** #16 item 3: each stored key's optimistic version (0 or absent: never stored), sent back with an edit of it. */
  versions?: Record<string, number>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  summary: Record<string, unknown>;
  hash: string;
}

/** A person who appears in the audit trail (by the name recorded with their entries). */
export interface AuditActor {
  id: string;
  name: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
}

export type AuditProblemKind = 'altered' | 'inserted' | 'deleted' | 'head_mismatch';

export interface AuditProblem {
  seq: number;
  kind: AuditProblemKind;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: AuditProblem[];
}

export interface CaseSummary {
  id: string;
  caseNo: string;
  status: string;
  receivedOn: string;
  subjectName: string;
  subjectKana: string;
  /** In case lists: target, day-14 marker and urgency (I5; #5 deadlines). */
  deadline?: CaseUrgency;
  /** The person in charge (担当者, #13 item 2a); null: nobody yet. */
  assigneeId?: string | null;
  assigneeName?: string | null;
  /** #16 item 3: the case's optimistic version, sent back with an edit of it. */
  version?: number;
}

export interface CasePage {
  cases: CaseSummary[];
  total: number;
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'web';
  /** The newest data version this build understands. */
  schemaVersion: number;
}

export type TrackingStatus = 'valid' | 'unchecked' | 'overridden' | 'none';

export interface Envelope {
  id: string;
  arrivedOn: string;
  delivery: DeliveryMethod;
  trackingNumber: string | null;
  trackingStatus: TrackingStatus;
  trackingOverrideReason: string | null;
  redMarking: boolean;
  senderName: string;
  senderAddress: string;
  note: string;
  createdAt: string;
  /** Case numbers of the applications this envelope held. */
  caseNos: string[];
}

export interface EnvelopeLogged {
  envelope: Envelope;
  cases: CaseSummary[];
}

export type PageKindId = PageKind;

export interface PageSummary {
  id: string;
  caseId: string | null;
  envelopeId: string | null;
  sourceName: string;
  sourcePage: number;
  position: number;
  kind: PageKindId;
  kindConfirmed: boolean;
  width: number;
  height: number;
  ocrStatus: 'done' | 'failed';
  ocrConfidence: number | null;
  /** Small PNG as a data: URL (kept out of any cache or file). */
  thumbnail: string;
  formId: string | null;
}

export type ImportFileState = 'waiting' | 'processing' | 'done' | 'failed' | 'cancelled';

export interface ImportFileProgress {
  name: string;
  state: ImportFileState;
  pagesDone: number;
  pagesTotal: number;
  pageIds: string[];
  /** Already imported earlier (same content): nothing stored twice. */
  duplicate: boolean;
  /** #13 item 3: the file's pages were in the trash and were restored instead. */
  restoredFromTrash?: number;
  error?: import('../result').KaijiErrorInfo;
  /** A returned Kaiji letter was found (its QR code): the file went to this case (#6). */
  attachedToCase?: { caseId: string; caseNo: string; resubmission: boolean; discardedCaseNos?: string[] };
}

export interface ImportJobStatus {
  id: string;
  state: 'running' | 'done';
  files: ImportFileProgress[];
}

export interface CaseField {
  field: string;
  value: string;
  /** OCR confidence 0-100; null when typed by staff. */
  confidence: number | null;
  sourcePageId: string | null;
  /** Where on the source page the value was read (pixels), for the crop beside the input. */
  zone: { x: number; y: number; width: number; height: number } | null;
  needsReview: boolean;
}

export interface CaseNote {
  id: string;
  body: string;
  author: string | null;
  createdAt: string;
}

export interface TimelineEntry {
  at: string;
  action: string;
  actor: string | null;
  summary: Record<string, unknown>;
}

export interface CaseDetail {
  case: CaseSummary & { birthDate: string | null; address: string | null; version: number };
  fields: CaseField[];
  envelopes: Envelope[];
  pages: PageSummary[];
  notes: CaseNote[];
  timeline: TimelineEntry[];
  /** Earlier requests of the same person (R3), newest first. */
  earlierCases: CaseSummary[];
}

/** A page whose recognised text contains the search words. */
export interface TextHit {
  pageId: string;
  caseId: string | null;
  caseNo: string | null;
  subjectName: string | null;
  snippet: string;
}

/** An ID copy or agent proof as recorded by staff. Document numbers are never kept (D6). */
export interface CaseDocument {
  id: string;
  pageId: string | null;
  party: 'subject' | 'agent';
  kind: 'id' | 'agent_proof';
  type: string;
  name: string;
  address: string;
  birthDate: string | null;
  issuedOn: string | null;
  validUntil: string | null;
  recordedAt: string;
  /** Read from the scanned copy by Kaiji, not yet confirmed by staff ("suggested - confirm"). */
  suggested?: boolean;
}
