import { z } from 'zod';
import { ADMIN, CASEWORK, INTAKE, channel, id, multilineText, none, text } from '../channel';
import { DECISION_GROUNDS, DECISION_OUTCOMES } from '../../domain/decisions';
import { rowVersion } from '../row-version';
import { LETTER_TEMPLATES } from '../../domain/letters/types';
import { REQUEST_KINDS } from '../../domain/verification/fees';
import type { CaseDecision, CaseDecisions, LetterDetail, LetterFile, LetterPages, LetterSuggestion, LetterSummary } from '../letters-types';
import type { CaseSummary } from '../types';

// Letter text as edited: a paragraph may hold line breaks; nothing else invisible.
const line = multilineText(2000, { trim: false });
const lines = z.array(line).max(200);

/** Every string of a draft may be edited before issuing; template and language may not. */
export const draftText = z
  .object({
    title: text(200, { trim: false }),
    salutation: line,
    body: lines,
    complimentaryClose: text(100, { trim: false }),
    itemsMarker: text(20, { trim: false }),
    sections: z.array(z.object({ heading: text(200, { trim: false }), items: lines })).max(50),
    notes: lines,
    closing: text(100, { trim: false }),
  })
  .strict();

export const recipient = z
  .object({
    postalCode: text(8).regex(/^(\d{3}-?\d{4})?$/, 'postal_code'),
    address: text(300),
    name: text(120, { min: 1 }),
    honorific: z.enum(['様', '御中']),
  })
  .strict();

/** Channels of #6 decisions, letters, issuing and printing. */
export const letterChannels = {
  'decisions.list': channel<CaseDecisions>()({ access: CASEWORK, personal: true, input: z.object({ caseId: id }) }),
  // R1-R4: deciding is the administrator's (the Personal Information Administrator).
  'decisions.record': channel<CaseDecision>()({
    access: ADMIN,
    input: z.object({
      caseId: id,
      kind: z.enum(REQUEST_KINDS),
      outcome: z.enum(DECISION_OUTCOMES),
      grounds: z.array(z.enum(DECISION_GROUNDS)).max(DECISION_GROUNDS.length).default([]),
      reasonText: multilineText(5000).default(''),
      alternativeMeasure: multilineText(2000).optional(),
      enclosures: z.array(text(300)).max(50).optional(),
    }),
  }),

  'letters.suggest': channel<LetterSuggestion[]>()({ access: CASEWORK, personal: true, input: z.object({ caseId: id }) }),
  'letters.create': channel<LetterDetail>()({
    access: INTAKE,
    personal: true,
    input: z.object({
      caseId: id,
      template: z.enum(LETTER_TEMPLATES),
      lang: z.enum(['ja', 'en']).default('ja'),
      to: z.enum(['subject', 'agent']).default('subject'),
    }),
  }),
  'letters.get': channel<LetterDetail>()({ access: CASEWORK, personal: true, input: z.object({ id }) }),
  'letters.list': channel<LetterSummary[]>()({ access: CASEWORK, personal: true, input: z.object({ caseId: id }) }),
  /** Across cases: issued letters not yet logged as sent, or every issued letter. */
  'letters.overview': channel<LetterSummary[]>()({
    access: CASEWORK,
    personal: true,
    input: z.object({ filter: z.enum(['to_send', 'issued', 'drafts']), limit: z.number().int().min(1).max(500).default(200) }),
  }),
  'letters.update': channel<LetterDetail>()({
    access: INTAKE,
    personal: true,
    input: z.object({ id, draft: draftText.optional(), recipient: recipient.optional(), version: rowVersion }),
  }),
  'letters.discard': channel<null>()({ access: INTAKE, input: z.object({ id }) }),
  'letters.preview': channel<LetterPages>()({ access: CASEWORK, personal: true, input: z.object({ id, dpi: z.number().int().min(40).max(150).default(80) }) }),
  'letters.issue': channel<LetterDetail>()({ access: INTAKE, personal: true, input: z.object({ id }) }),
  /** The issued PDF as stored (hash matches the audit trail), or a draft's sample. */
  'letters.pdf': channel<LetterFile>()({ access: CASEWORK, personal: true, input: z.object({ id }) }),
  /** A reprint of an issued letter, marked 控 (copy); counted and audited. */
  'letters.reprint': channel<LetterFile>()({ access: INTAKE, personal: true, input: z.object({ id }) }),
  'letters.labels': channel<LetterFile>()({ access: INTAKE, personal: true, input: z.object({ ids: z.array(id).min(1).max(100) }) }),
  /** M2: a responding case closed without proof of delivery, with a written reason. */
  'letters.closeCase': channel<CaseSummary>()({ access: ADMIN, personal: true, input: z.object({ caseId: id, reason: multilineText(2000, { min: 1 }) }) }),
  'letters.toSendCount': channel<{ count: number }>()({ access: CASEWORK, input: none }),
} as const;
