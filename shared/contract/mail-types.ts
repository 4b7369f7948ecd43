import type { DeliveryMethod, OutboundMethod } from '../domain/mail';
import type { TrackingStatus } from './types';

/** An envelope that came in (M1), shown read-only in the mail log. */
export interface InboundMailEntry {
  direction: 'inbound';
  id: string;
  date: string;
  method: DeliveryMethod;
  trackingNumber: string | null;
  trackingStatus: TrackingStatus;
  caseIds: string[];
  caseNos: string[];
}

/** A letter sent (M2): method, tracking number, delivery and its proof (配達証明). */
export interface OutboundMailItem {
  direction: 'outbound';
  id: string;
  caseId: string;
  caseNo: string;
  letterId: string | null;
  method: OutboundMethod;
  trackingNumber: string | null;
  trackingStatus: TrackingStatus;
  trackingOverrideReason: string | null;
  proofRequested: boolean;
  sentOn: string;
  deliveredOn: string | null;
  proofReceivedOn: string | null;
  returnedOn: string | null;
  closesCase: boolean;
  /** Proof of delivery bought, not yet back, item not returned undelivered. */
  awaitingProof: boolean;
}

export type MailLogEntry = InboundMailEntry | OutboundMailItem;

/** A page of the mail log (#13 item 1): `total` counts every entry the filter matches. */
export interface MailLogPage {
  entries: MailLogEntry[];
  total: number;
}

export interface MailDeliveryRecorded {
  item: OutboundMailItem;
  /** True when this delivery closed the case (the item carried the final response, M2). */
  caseClosed: boolean;
}
