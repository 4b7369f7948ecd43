import { z } from 'zod';
import { CASEWORK, INTAKE, channel, id, isoDate, text } from '../channel';
import { outboundMethods } from '../../domain/mail';
import type { MailDeliveryRecorded, MailLogPage, OutboundMailItem } from '../mail-types';

/** Channels of the registered-mail log (#5, M1/M2): inbound envelopes and outbound letters in one list. */
export const mailChannels = {
  /** #13 item 1: one page of the merged log and the total of the whole filtered log. */
  'mail.list': channel<MailLogPage>()({
    access: CASEWORK,
    personal: true,
    input: z.object({
      direction: z.enum(['all', 'inbound', 'outbound']).default('all'),
      /** Outbound items whose proof of delivery (配達証明) has not come back yet. */
      awaitingProof: z.boolean().default(false),
      caseId: id.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      limit: z.number().int().min(1).max(500).default(200),
      offset: z.number().int().min(0).default(0),
    }),
  }),
  'mail.logOutbound': channel<OutboundMailItem>()({
    access: INTAKE,
    input: z.object({
      caseId: id,
      letterId: id.optional(),
      method: z.enum(outboundMethods),
      trackingNumber: text(40).optional(),
      trackingOverrideReason: text(300).optional(),
      proofRequested: z.boolean().default(false),
      sentOn: isoDate,
      closesCase: z.boolean().default(false),
    }),
  }),
  'mail.recordDelivery': channel<MailDeliveryRecorded>()({
    access: INTAKE,
    input: z
      .object({ id, deliveredOn: isoDate.optional(), proofReceivedOn: isoDate.optional() })
      // Named at the delivery date, so a form shows it at a field (#13 item 11c).
      .refine((v) => v.deliveredOn !== undefined || v.proofReceivedOn !== undefined, { message: 'date_needed', path: ['deliveredOn'] }),
  }),
  'mail.markReturned': channel<OutboundMailItem>()({ access: INTAKE, input: z.object({ id, returnedOn: isoDate }) }),
} as const;
