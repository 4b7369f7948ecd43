import { z } from 'zod';
import { CASEWORK, INTAKE, channel, id, isoDate, multilineText, text, token } from '../channel';
import { CONTACT_CHANNELS } from '../../domain/letters/templates-guidance';
import { outboundMethods } from '../../domain/mail';
import { REQUEST_KINDS } from '../../domain/verification/fees';
import type { ContactDetail, ContactSummary } from '../contacts-types';
import type { LetterFile, LetterPages } from '../letters-types';
import { draftText, recipient } from './letters';

/**
 * Channels of contacts (I1): a request by phone, e-mail, fax or at the desk is logged and
 * answered with a guidance letter. Clerks and administrators log and write; every staff
 * member (auditors included) reads (S1).
 */
export const contactChannels = {
  'contacts.log': channel<ContactDetail>()({
    access: INTAKE,
    personal: true,
    input: z
      .object({
        channel: z.enum(CONTACT_CHANNELS),
        contactedOn: isoDate,
        contactedTime: token(5).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time').optional(),
        name: text(120, { min: 1 }),
        postalCode: text(8).regex(/^\d{3}-?\d{4}$/, 'postal_code'),
        address: multilineText(300, { min: 1 }),
        contactDetail: text(200).default(''),
        requestedKinds: z.array(z.enum(REQUEST_KINDS)).max(REQUEST_KINDS.length).default([]),
        requestNote: multilineText(2000).default(''),
        lang: z.enum(['ja', 'en']).default('ja'),
      })
      .strict(),
  }),
  'contacts.list': channel<ContactSummary[]>()({
    access: CASEWORK,
    personal: true,
    input: z.object({ state: z.enum(['owed', 'mailed', 'all']).default('all'), limit: z.number().int().min(1).max(500).default(200) }),
  }),
  'contacts.get': channel<ContactDetail>()({ access: CASEWORK, personal: true, input: z.object({ id }) }),
  /** Composes (or composes again) the guidance letter's draft from the contact. */
  'contacts.composeGuidance': channel<ContactDetail>()({ access: INTAKE, personal: true, input: z.object({ id }) }),
  /** Edits the draft's text or address before it is issued. */
  'contacts.updateGuidance': channel<ContactDetail>()({ access: INTAKE, personal: true, input: z.object({ id, draft: draftText.optional(), recipient: recipient.optional() }) }),
  'contacts.previewGuidance': channel<LetterPages>()({ access: CASEWORK, personal: true, input: z.object({ id, dpi: z.number().int().min(40).max(150).default(80) }) }),
  /** Renders once (letter + the enclosed application form), stores PDF and hash, freezes it. */
  'contacts.issueGuidance': channel<ContactDetail>()({ access: INTAKE, personal: true, input: z.object({ id }) }),
  /** The issued PDF as stored (hash matches the audit trail), or a draft's sample. */
  'contacts.guidancePdf': channel<LetterFile>()({ access: CASEWORK, personal: true, input: z.object({ id }) }),
  /** M2: the outbound item that carried the issued guidance letter; the contact leaves Today. */
  'contacts.logMailing': channel<ContactDetail>()({
    access: INTAKE,
    personal: true,
    input: z.object({
      id,
      method: z.enum(outboundMethods),
      trackingNumber: text(40).optional(),
      trackingOverrideReason: text(300).optional(),
      sentOn: isoDate,
    }),
  }),
} as const;
