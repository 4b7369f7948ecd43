/** Tables of the registered-mail log: outbound items (M2); inbound ones are `envelopes` (M1). */
export interface MailItemsTable {
  id: string;
  case_id: string;
  letter_id: string | null;
  /** 'futsu' | 'kan_i_kakitome' | 'ippan_kakitome' | 'honnin_gentei' ... */
  method: string;
  tracking_no: string | null;
  /** As envelopes.tracking_status: 'valid' | 'unchecked' | 'overridden' | 'none' */
  tracking_status: string;
  tracking_override_reason: string | null;
  /** 1 when 配達証明 (proof of delivery) was bought for this item. */
  proof_requested: number;
  sent_on: string;
  delivered_on: string | null;
  proof_received_on: string | null;
  returned_on: string | null;
  closes_case: number;
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface MailTables {
  mail_items: MailItemsTable;
}
