import type { LifecycleTables } from '../lifecycle/schema';
import type { ColumnType, Generated } from 'kysely';
import type { ContactTables } from '../contacts/schema';
import type { LedgerTables } from '../fees/schema';
import type { LetterTables } from '../letters/schema';
import type { MailTables } from '../mail/schema';
import type { ProvisionTables } from '../provisions/schema';
import type { DeadlineTables } from '../today/schema';
import type { VerificationTables } from '../verification/schema';
import type { BackupTables } from '../backup/schema';
import type { RetentionTables } from '../retention/schema';
import type { StaffTables } from '../staff/schema';
import type { WorklistTables } from '../worklists/schema';
import type { FactsTables } from '../facts/schema';

/** Tables as kysely sees them. Columns stay portable (text/integer) for PostgreSQL later. */
export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface VaultSecretsTable {
  name: string;
  value: string;
}

export interface StaffTable {
  id: string;
  login: string;
  display_name: string;
  role: string;
  status: string;
  created_at: string;
  updated_at: string;
  /** #16 item 3 (migration 052): optimistic version, bumped by every edit (services/concurrency/versions.ts). */
  version?: number;
}

export interface SettingsTable {
  key: string;
  value: string;
  /** #16 item 3 (migration 052): optimistic version, bumped by every edit (services/concurrency/versions.ts). */
  version?: number;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  summary: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface CaseCountersTable {
  year: number;
  last: number;
}

export interface CasesTable {
  id: string;
  case_no: string;
  status: string;
  /** When the case entered its current status (e.g. how long it has waited as deficient). */
  status_since: string | null;
  received_on: string;
  subject_name: string;
  subject_kana: string;
  subject_birth_date: string | null;
  subject_address: string | null;
  /** Normalised forms for search and same-person matching (R3). */
  subject_name_key: string;
  subject_kana_key: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** Stored deadlines (I5, migration 009, kept by services/today/deadline-store.ts). */
  due_on?: string | null;
  day14_on?: string | null;
  urgency_sort?: string | null;
  /** NULL: to recompute (new case, status changed). */
  deadline_computed?: number | null;
  /** Ticked request kinds, e.g. `K1,K3` ('' none), for the Today chart; the day (Japan) a closed case closed. */
  request_kinds?: string | null;
  closed_on?: string | null;
  /** The person in charge (担当者, #13 item 2a; migration 027). */
  assignee_id?: string | null;
  /** #16 item 3 (migration 052): optimistic version, bumped by every edit (services/concurrency/versions.ts). */
  version?: number;
}

export interface EnvelopesTable {
  id: string;
  arrived_on: string;
  delivery: string;
  tracking_no: string | null;
  /** 'valid' | 'unchecked' (no check digit to test) | 'overridden' (invalid, kept with a reason) | 'none' */
  tracking_status: string;
  tracking_override_reason: string | null;
  red_marking: number;
  sender_name: string;
  sender_address: string;
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface CaseEnvelopesTable {
  case_id: string;
  envelope_id: string;
}

export interface ImportsTable {
  id: string;
  source_name: string;
  source_sha256: string;
  envelope_id: string | null;
  case_id: string | null;
  /** 'done' | 'failed' */
  status: string;
  error_code: string | null;
  page_count: number;
  created_by: string | null;
  created_at: string;
}

export interface PagesTable {
  id: string;
  case_id: string | null;
  envelope_id: string | null;
  import_id: string;
  source_page: number;
  position: number;
  kind: string;
  kind_confirmed: number;
  auto_rotation: number;
  width: number;
  height: number;
  /** Greyscale PNG, upright: only in rows of vaults from before migration 032 (empty once moved out to a page file). */
  image: Buffer;
  /** Small WebP (PNG in older rows), kept in the row: lists show it without touching page files. */
  thumbnail: Buffer;
  /** Content address of the page's encrypted image file (pages/ in the data folder), #15 item 6. */
  image_file: ColumnType<string | null, string | null | undefined, string | null>;
  /** That file's AES-256-GCM key: only here, so deleting the row makes the file unreadable. */
  image_key: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  /**
   * Migration 044: JSON `{ turn, skew }` when the stored image is the scanner's JPEG and the page
   * is that JPEG turned and straightened (keep-original.ts); null when the stored image is the page.
   */
  image_transform?: string | null;
  /** 'done' | 'failed' */
  ocr_status: string;
  ocr_text: string;
  ocr_confidence: number | null;
  /** JSON array of { text, confidence, bbox } */
  ocr_words: string;
  form_id: string | null;
  created_by: string | null;
  created_at: string;
  /** #13 item 3 (migration 030): in the trash since (ISO instant); null = in the case. */
  trashed_at?: string | null;
  trashed_by?: string | null;
}

export interface CaseFieldsTable {
  case_id: string;
  field: string;
  value: string;
  confidence: number | null;
  source_page_id: string | null;
  /** JSON { x, y, width, height } in the source page's pixels: the crop shown beside the value. */
  zone: string | null;
  needs_review: number;
  updated_by: string | null;
  updated_at: string;
  /** #16 item 3 (migration 052): optimistic version, bumped by every edit (services/concurrency/versions.ts). */
  version?: number;
}

export interface CaseNotesTable {
  id: string;
  case_id: string;
  body: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
}

export interface CaseDocumentsTable {
  id: string;
  case_id: string;
  page_id: string | null;
  /** 'subject' | 'agent' */
  party: string;
  /** 'id' (D1-D5) | 'agent_proof' (D7) */
  kind: string;
  type: string;
  name: string;
  address: string;
  birth_date: string | null;
  issued_on: string | null;
  valid_until: string | null;
  recorded_by: string | null;
  recorded_at: string;
  /** 1: read from the page by Kaiji and not yet confirmed by staff (migration 018). */
  suggested: number;
}

/**
 * Every table. Capabilities added after the first ones declare their tables beside their
 * services (fees/schema.ts, mail/schema.ts ...) and are joined here.
 */
export interface Database extends VerificationTables, LedgerTables, MailTables, LetterTables, DeadlineTables, ContactTables, LifecycleTables, BackupTables, RetentionTables, StaffTables, ProvisionTables, WorklistTables, FactsTables {
  schema_migrations: SchemaMigrationsTable;
  vault_secrets: VaultSecretsTable;
  staff: StaffTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  case_counters: CaseCountersTable;
  cases: CasesTable;
  envelopes: EnvelopesTable;
  case_envelopes: CaseEnvelopesTable;
  imports: ImportsTable;
  pages: PagesTable;
  case_fields: CaseFieldsTable;
  case_notes: CaseNotesTable;
  case_documents: CaseDocumentsTable;
}

// Kept for later tables with generated keys.
export type { Generated };
