import { z } from 'zod';
import { CASEWORK, INTAKE, channel, id, multilineText, text, typedDate } from '../channel';
import type { CaseDocument } from '../types';
import type { PostcodeAddress } from '../../domain/postcode';
import { ID_DOCUMENT_TYPES } from '../../domain/verification/identity-documents';
import { AGENT_PROOF_TYPES } from '../../domain/verification/agents';

/** Channels of issue 12 (reading real paper): confirming suggested documents, postcode lookup. */
export const readingChannels = {
  /**
   * Confirms a document record Kaiji suggested from a scanned ID copy (item 3); any value given
   * replaces the one read. Afterwards it counts like a typed record.
   */
  'documents.confirm': channel<CaseDocument>()({
    access: INTAKE,
    personal: true,
    input: z.object({
      id,
      values: z
        .object({
          type: z.enum([...ID_DOCUMENT_TYPES, ...AGENT_PROOF_TYPES]).optional(),
          party: z.enum(['subject', 'agent']).optional(),
          name: text(120).optional(),
          address: multilineText(300).optional(),
          birthDate: typedDate('birth').optional(),
          issuedOn: typedDate('issued').optional(),
          validUntil: typedDate('validity').optional(),
        })
        .strict()
        .default({}),
    }),
  }),
  /** Postcode -> addresses from the Japan Post data shipped with the app (item 6). */
  'postcode.lookup': channel<{ postalCode: string | null; addresses: PostcodeAddress[] }>()({
    access: CASEWORK,
    input: z.object({ postalCode: text(16) }),
  }),
} as const;
