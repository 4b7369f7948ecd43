import type { DeficiencyNotice } from './resubmission';

/**
 * A deficiency decision as stored (R5, I4): the list the administrator sent the case back
 * with, frozen at the moment of the decision, and when a re-sent set resolved it.
 * The letters capability prints the notice from this record (ws.deficiencies.latest).
 */
export interface StoredDeficiency {
  id: string;
  caseId: string;
  notice: DeficiencyNotice;
  /** The administrator's written reason (free text; may name what the software cannot see). */
  reason: string | null;
  createdAt: string;
  /** Staff id of the administrator who decided. */
  createdBy: string | null;
  /** When the re-sent set arrived and the case went back to checking (I4); null while waiting. */
  resolvedAt: string | null;
  /** The envelope the re-sent set came in; null when resolved without one. */
  resolvedEnvelopeId: string | null;
}

/** A case waiting in `deficient` for its re-sent set (the intake picker, I4). */
export interface AwaitingResubmission {
  caseId: string;
  caseNo: string;
  subjectName: string;
  receivedOn: string;
  /** When the case was marked deficient (ISO timestamp). */
  deficientSince: string;
}
