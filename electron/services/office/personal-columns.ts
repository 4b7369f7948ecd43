/**
 * Every column of the schema, classified for the office database (#16 item 2; design in
 * docs/ARCHITECTURE.md). On the single-desk vault SQLCipher encrypts everything and this map
 * changes nothing; on PostgreSQL:
 * - `sealed`: sealed at the desk (AES-256-GCM, table/column/row in the AAD); the server holds
 *   ciphertext only. Free text is sealed whether or not it usually holds personal values.
 * - `indexed`: sealed, plus a keyed blind index beside it for equality or prefix lookups.
 * - `blob`: sealed and padded (page images, thumbnails, PDFs).
 * - `plain`: ids, states, kinds, non-personal dates and counts the server-side queries (Today,
 *   reports, deadlines) need; none of them names, locates or describes a person.
 * test/unit/personal-columns.test.ts fails when a table gains a column this map does not name,
 * so nothing new reaches the server readable by default.
 */
export type ColumnClass = 'sealed' | 'indexed' | 'blob' | 'plain';

type Table = Record<string, ColumnClass>;

const P = 'plain' as const;
const S = 'sealed' as const;
const I = 'indexed' as const;
const B = 'blob' as const;

export const COLUMN_CLASSES: Record<string, Table> = {
  audit_head: { id: P, seq: P, hash: P },
  // Summaries carry no personal values by rule, but case numbers and staff names: sealed, and
  // the chain is verified at the desk over the opened values.
  audit_log: { seq: P, at: P, actor_id: P, actor_name: S, action: P, record_type: P, record_id: P, summary: S, prev_hash: P, hash: P },
  backup_runs: { id: P, trigger: P, status: P, started_at: P, finished_at: P, file_name: P, bytes: P, sha256: P, error_code: P, started_by: P },
  case_counters: { year: P, last: P },
  case_decisions: {
    id: P, case_id: P, kind: P, outcome: P, grounds: P, reason_text: S, alternative_measure: S, enclosures: S,
    decided_by: P, decided_by_name: S, decided_at: P,
  },
  case_deficiencies: { id: P, case_id: P, notice: S, reason: S, created_by: P, created_at: P, resolved_at: P, resolved_envelope_id: P },
  case_documents: {
    id: P, case_id: P, page_id: P, party: P, kind: P, type: P, name: S, address: S, birth_date: S, issued_on: S, valid_until: S,
    recorded_by: P, recorded_at: P, suggested: P,
  },
  case_envelopes: { case_id: P, envelope_id: P },
  // Facts the server-side Today and reports read: dates, counts and obligation codes with their labels.
  case_facts: {
    case_id: P, dirty: P, received_on: P, kinds: P, owes: P, owed: P, answered_on: P, answer_days: P, target_on: P, day14_on: P,
    was_deficient: P, decided: P,
  },
  case_fields: { case_id: P, field: P, value: S, confidence: P, source_page_id: P, zone: P, needs_review: P, updated_by: P, updated_at: P, version: P },
  case_notes: { id: P, case_id: P, body: S, created_by: P, created_by_name: S, created_at: P },
  case_status_changes: { id: P, case_id: P, from_state: P, to_state: P, reason: S, ground: P, changed_by: P, changed_at: P },
  case_waivers: { id: P, case_id: P, obligation: P, reason: S, waived_by: P, waived_by_name: S, waived_at: P },
  cases: {
    // The case number is a yearly counter (2026-0001): a non-personal case fact the server sorts and
    // pages by (design: "non-personal case facts in the clear"); prefix MACs still find it by prefix.
    id: P, case_no: P, status: P, received_on: P, subject_name: S, subject_kana: S, subject_birth_date: S, subject_address: S,
    subject_name_key: I, subject_kana_key: I, created_by: P, created_at: P, updated_at: P, status_since: P, due_on: P, day14_on: P,
    urgency_sort: P, deadline_computed: P, request_kinds: P, closed_on: P,
  
    assignee_id: P,
    version: P,
  },
  contact_letters: {
    id: P, contact_id: P, lang: P, draft: S, recipient: S, status: P, created_by: P, created_at: P, updated_by: P, updated_at: P,
    issued_on: P, issued_at: P, issued_by: P, pdf: B, sha256: P, page_count: P,
  },
  contact_mailings: {
    id: P, contact_letter_id: P, contact_id: P, method: P, tracking_no: I, tracking_status: P, tracking_override_reason: S,
    sent_on: P, created_by: P, created_at: P,
  },
  contacts: {
    // A yearly counter like the case number: sorted by the server, names nobody.
    id: P, contact_no: P, channel: P, contacted_on: P, contacted_time: P, name: S, postal_code: S, address: S, contact_detail: S,
    requested_kinds: P, request_note: S, lang: P, guidance_state: P, created_by: P, created_at: P,
  },
  deadline_basis: { id: P, basis: P, kinds_through: P },
  disposal_register: {
    id: P, batch_id: P, case_id: P, case_no: P, classes: P, rule: P, reason: S, pages_erased: P, disposed_by: P, disposed_by_name: S, disposed_at: P,
  },
  do_not_provide: {
    id: P, case_id: P, subject_name: S, subject_kana: S, subject_birth_date: S, subject_address: S, name_key: I, kana_key: I,
    recipient: P, from_date: P, created_by: P, created_at: P,
  },
  envelopes: {
    id: P, arrived_on: P, delivery: P, tracking_no: I, tracking_status: P, tracking_override_reason: S, red_marking: P,
    sender_name: S, sender_address: S, note: S, created_by: P, created_at: P,
  },
  // File names can name people (山田様_本人確認.pdf); the content hash is keyed too, or a known scan could be confirmed.
  imports: { id: P, source_name: S, source_sha256: I, envelope_id: P, case_id: P, status: P, error_code: P, page_count: P, created_by: P, created_at: P },
  legal_holds: { case_id: P, reason: S, placed_by: P, placed_at: P },
  letters: {
    id: P, case_id: P, template: P, lang: P, draft: S, recipient: S, status: P, created_by: P, created_at: P, updated_by: P, updated_at: P,
    issued_on: P, issued_at: P, issued_by: P, pdf: B, sha256: P, page_count: P, reprint_count: P, last_reprinted_at: P,
    money_order_ids: P, needs_approval: P,
  
    approval: P, approval_by: P, approval_by_name: S, approval_at: P, approval_reason: S, prepared_by: P, trashed_at: P, trashed_by: P,
    version: P,
  },
  mail_items: {
    id: P, case_id: P, letter_id: P, method: P, tracking_no: I, tracking_status: P, tracking_override_reason: S, proof_requested: P,
    sent_on: P, delivered_on: P, proof_received_on: P, returned_on: P, closes_case: P, note: S, created_by: P, created_at: P,
  },
  money_orders: {
    id: P, case_id: P, certificate_no: I, face_value: P, issued_on: P, issuing_office: S, received_on: P, payable_until: P, state: P,
    cashed_on: P, deposit_ref: S, returned_on: P, return_letter_id: P, lapsed_on: P, note: S, created_by: P, created_at: P, updated_at: P,
    version: P,
  },
  page_masks: { id: P, page_id: P, case_id: P, rects: P, masked_by: P, masked_at: P },
  pages: {
    id: P, case_id: P, envelope_id: P, import_id: P, source_page: P, position: P, kind: P, kind_confirmed: P, auto_rotation: P,
    width: P, height: P, image: B, thumbnail: B, ocr_status: P, ocr_text: S, ocr_confidence: P, ocr_words: S, form_id: P,
    created_by: P, created_at: P,
  
    trashed_at: P, trashed_by: P,
    // The page file's name is a hash of its ciphertext; its key opens the image: sealed.
    image_file: P, image_key: S,
    // The turn and deskew angle of a page kept as the scanner's JPEG (#15 item 6): no personal data.
    image_transform: P,
  },
  passphrase_change_required: { staff_id: P, since: P },
  provision_imports: {
    id: P, format: P, file_sha256: I, rows_total: P, rows_added: P, rows_duplicate: P, rows_rejected: P, imported_by: P, imported_at: P,
  },
  provision_matches: { case_id: P, record_ids: P, confirmed_by: P, confirmed_by_name: S, confirmed_at: P },
  provision_records: {
    id: P, provided_on: P, recipient: P, recipient_key: P, subject_name: S, subject_kana: S, subject_birth_date: S, subject_address: S,
    name_key: I, kana_key: I, items: S, basis: P, source: P, import_id: P, source_row: P,
    // A plain hash of a person's row could be confirmed by anyone who can guess the row: keyed.
    fingerprint: I, keep_until: P, created_by: P, created_at: P,
  },
  // A filter's name and content are typed by a person (a search may hold a name): sealed.
  saved_filters: { id: P, staff_id: P, list: P, name: S, filter: S, created_at: P, version: P },
  schema_migrations: { version: P, name: P, applied_at: P },
  settings: { key: P, value: S, version: P },
  staff: { id: P, login: I, display_name: S, role: P, status: P, created_at: P, updated_at: P, version: P },
  vault_secrets: { name: P, value: S },
};

/** Tables that exist on one back end only and are classified by design, not column by column. */
export const BACKEND_ONLY_TABLES = new Set([
  'page_text', // SQLite FTS5 (its shadow tables too); on PostgreSQL: page_tokens (MACs only)
  'page_tokens',
  'office_keyring', // wrapped keys and boxes (office/office-keyring.ts)
  'office_unlock_failures', // counts per one-byte login bucket (migration 049)
  'office_pending_audit', // records boxed to the audit public key (migration 049)
  'name_prefixes', // prefix MACs of name keys and case numbers (office/sealed-store.ts, migration 046)
]);
