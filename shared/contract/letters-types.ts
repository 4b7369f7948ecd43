import type { KindDecision } from '../domain/decisions';
import type { LetterDraft, LetterLang, LetterRecipient, LetterTemplateId } from '../domain/letters/types';
import type { RequestKind } from '../domain/page-kind';

/** Output types of the decisions.* and letters.* channels (#6). */
export interface CaseDecision extends KindDecision {
  id: string;
  caseId: string;
  enclosures: readonly string[];
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string;
}

export interface CaseDecisions {
  /** The kinds ticked on the application: each needs a decision (R1). */
  requestedKinds: RequestKind[];
  decisions: CaseDecision[];
  caseStatus: string;
}

/** Who the letter goes to, as printed in the envelope window (M2). */
export type { LetterRecipient } from '../domain/letters/types';

export type LetterStatus = 'draft' | 'issued';

export interface LetterSummary {
  id: string;
  caseId: string;
  caseNo: string;
  caseStatus: string;
  template: LetterTemplateId;
  lang: LetterLang;
  title: string;
  status: LetterStatus;
  recipientName: string;
  createdAt: string;
  updatedAt: string;
  issuedOn: string | null;
  issuedByName: string | null;
  sha256: string | null;
  pageCount: number | null;
  reprintCount: number;
  /** The outbound item logged for this letter (M2), if any. */
  mail: { id: string; method: string; trackingNumber: string | null; sentOn: string; deliveredOn: string | null; proofReceivedOn: string | null; proofRequested: boolean; closesCase: boolean } | null;
  /** Issuing this letter is the case's final response: its delivery closes the case. */
  finalResponse: boolean;
  /** A clerk changed the text of this decided letter: an administrator must approve it (#10). */
  needsApproval: boolean;
  /** #13 item 2b: the second administrator's approval (決裁). */
  approval: LetterApprovalInfo;
  /** #16 item 3: the draft's optimistic version, sent back with an edit (letters.update). */
  version?: number;
}

export interface LetterApprovalInfo {
  state: import('../domain/approval').ApprovalState;
  byName: string | null;
  at: string | null;
  /** Why it was sent back. */
  reason: string | null;
  /** Staff ids who may not approve it (they prepared it or decided what it carries). */
  excluded: string[];
}

export interface LetterDetail extends LetterSummary {
  draft: LetterDraft;
  recipient: LetterRecipient;
  /** Money orders this letter sends back (F4). */
  moneyOrderIds: string[];
}

export interface LetterSuggestion {
  template: LetterTemplateId;
  /** Why it fits this case now. */
  reason: { ja: string; en: string };
}

export interface LetterPages {
  pages: { dataUrl: string; width: number; height: number }[];
  pageCount: number;
  /** True for a draft: the preview is marked as a sample, nothing is issued. */
  draft: boolean;
}

export interface LetterFile {
  fileName: string;
  dataBase64: string;
  sha256: string;
}
