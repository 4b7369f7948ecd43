import { z } from 'zod';
import { ADMIN, CASEWORK, INTAKE, channel, id } from '../channel';
import type { CaseObligations, OwedCase } from '../lifecycle-types';

/** Channels of the case lifecycle (issue #10): what a case owes, kind confirmation, letter approval. */
export const lifecycleChannels = {
  'cases.obligations': channel<CaseObligations>()({ access: CASEWORK, input: z.object({ caseId: id }) }),
  /** Today's "answers owed": open cases that owe an answer or notice, each with every reason. */
  'cases.owed': channel<OwedCase[]>()({ access: CASEWORK, input: z.object({ limit: z.number().int().min(1).max(500).default(200) }) }),
  /** Item 6: a person confirms the kinds ticked on the application (one click, audited). */
  'cases.confirmKinds': channel<CaseObligations>()({ access: INTAKE, input: z.object({ caseId: id }) }),
  /** Item 5: the administrator approves a decided letter a clerk changed. */
  'letters.approve': channel<null>()({ access: ADMIN, input: z.object({ id }) }),
} as const;
