import type { CaseAction } from '../domain/case-permissions';
import type { Obligation } from '../domain/obligations';

/** What a case still owes (issue #10 item 1), as the case header and the letters panel show it. */
export interface CaseObligations {
  caseId: string;
  caseNo: string;
  status: string;
  owed: Obligation[];
  /** Kinds ticked by OCR that no person confirmed yet (item 6). */
  unconfirmedKinds: string[];
  waived: { obligation: string; reason: string; waivedByName: string | null; waivedAt: string }[];
  /** The case actions the caller's role may take (the UI hides the others). */
  allowed: CaseAction[];
}

/** One row of Today's "answers owed": a case with every reason. */
export interface OwedCase {
  caseId: string;
  caseNo: string;
  status: string;
  receivedOn: string;
  owed: Obligation[];
}
