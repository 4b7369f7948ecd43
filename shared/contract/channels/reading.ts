import { z } from 'zod';
import { CASEWORK, INTAKE, channel, id } from '../channel';
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
    input: z.object({
      id,
      values: z
        .object({
          type: z.enum([...ID_DOCUMENT_TYPES, ...AGENT_PROOF_TYPES]).optional(),
          party: z.enum(['subject', 'agent']).optional(),
          name: z.string().trim().max(120).optional(),
          address: z.string().trim().max(300).optional(),
          birthDate: z.string().max(40).optional(),
          issuedOn: z.string().max(40).optional(),
          validUntil: z.string().max(40).optional(),
        })
        .strict()
        .default({}),
    }),
  }),
  /** Postcode -> addresses from the Japan Post data shipped with the app (item 6). */
  'postcode.lookup': channel<{ postalCode: string | null; addresses: PostcodeAddress[] }>()({
    access: CASEWORK,
    input: z.object({ postalCode: z.string().max(16) }),
  }),
} as const;
