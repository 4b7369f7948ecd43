/** Tables of the contacts capability (I1): requests that came by phone, e-mail, fax or at the desk. */
export interface ContactsTable {
  id: string;
  /** C2026-0001: the reference the person quotes (printed on the guidance letter). */
  contact_no: string;
  /** shared/domain/letters ContactChannel: 'phone' | 'email' | 'fax' | 'desk' */
  channel: string;
  /** The day the person contacted the company (YYYY-MM-DD, Japan). */
  contacted_on: string;
  /** HH:MM when known. */
  contacted_time: string | null;
  name: string;
  postal_code: string;
  /** Where the guidance letter goes (M2: in writing, to the person's address). */
  address: string;
  /** Phone number or e-mail address as given, to call back; may be ''. */
  contact_detail: string;
  /** JSON RequestKind[]: what the person asked for; [] when unclear. */
  requested_kinds: string;
  /** What was asked, in the clerk's words. */
  request_note: string;
  /** The language of the guidance letter: 'ja' | 'en'. */
  lang: string;
  /** 'owed' until the guidance letter is logged as mailed, then 'mailed' (Today reads it by index). */
  guidance_state: string;
  created_by: string | null;
  created_at: string;
}

/** The guidance letter: a draft until issued, then frozen with its PDF (as `letters`, migration 008). */
export interface ContactLettersTable {
  id: string;
  contact_id: string;
  lang: string;
  /** JSON LetterDraft (templateId 'guidance'). */
  draft: string;
  /** JSON LetterRecipient. */
  recipient: string;
  /** 'draft' | 'issued' */
  status: string;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  issued_on: string | null;
  issued_at: string | null;
  issued_by: string | null;
  /** Letter pages followed by the enclosed application form, inside the encrypted database. */
  pdf: Buffer | null;
  sha256: string | null;
  page_count: number | null;
}

/** The outbound item that carried an issued guidance letter (M2). */
export interface ContactMailingsTable {
  id: string;
  contact_letter_id: string;
  contact_id: string;
  /** shared/domain/mail outbound method. */
  method: string;
  tracking_no: string | null;
  /** 'valid' | 'unchecked' | 'overridden' | 'none' (mail/accept-tracking-number.ts). */
  tracking_status: string;
  tracking_override_reason: string | null;
  sent_on: string;
  created_by: string | null;
  created_at: string;
}

export interface ContactTables {
  contacts: ContactsTable;
  contact_letters: ContactLettersTable;
  contact_mailings: ContactMailingsTable;
}
