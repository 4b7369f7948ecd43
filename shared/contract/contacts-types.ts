import type { ContactChannel, LetterDraft, LetterLang } from '../domain/letters';
import type { RequestKind } from '../domain/page-kind';
import type { OutboundMethod } from '../domain/mail';
import type { LetterRecipient } from './letters-types';
import type { TrackingStatus } from './types';

/** I1: a request that came by phone, e-mail, fax or at the desk; answered by a guidance letter. */
export interface ContactSummary {
  id: string;
  contactNo: string;
  channel: ContactChannel;
  contactedOn: string;
  contactedTime: string | null;
  name: string;
  requestedKinds: RequestKind[];
  /** 'owed' until the guidance letter was logged as mailed. */
  guidanceState: 'owed' | 'mailed';
  /** The guidance letter's state: none yet, a draft, issued (not mailed), or mailed. */
  letterState: 'none' | 'draft' | 'issued' | 'mailed';
  createdAt: string;
}

export interface ContactGuidanceLetter {
  id: string;
  status: 'draft' | 'issued';
  lang: LetterLang;
  draft: LetterDraft;
  recipient: LetterRecipient;
  issuedOn: string | null;
  sha256: string | null;
  pageCount: number | null;
}

export interface ContactMailing {
  id: string;
  method: OutboundMethod;
  trackingNo: string | null;
  trackingStatus: TrackingStatus;
  sentOn: string;
}

export interface ContactDetail extends ContactSummary {
  postalCode: string;
  address: string;
  contactDetail: string;
  requestNote: string;
  lang: LetterLang;
  letter: ContactGuidanceLetter | null;
  mailing: ContactMailing | null;
}

/** Today: a contact still owed its guidance letter (I1). */
export interface TodayContact {
  contactId: string;
  contactNo: string;
  name: string;
  channel: ContactChannel;
  contactedOn: string;
  /** Calendar days since the contact (Japan). */
  daysWaiting: number;
  letterState: 'none' | 'draft' | 'issued';
}
