import { z } from 'zod';
import { ADMIN, CASEWORK, INTAKE, channel, id } from '../channel';
import type { TrashItem } from '../trash-types';

/** Channels of the trash (issue #13 item 3). Deleting is `pages.delete` / `letters.discard`. */
export const trashChannels = {
  /** Of one case, or everywhere: thumbnails and case numbers, so a view of personal data (S3). */
  'trash.list': channel<TrashItem[]>()({
    access: CASEWORK,
    personal: true,
    input: z.object({ caseId: id.optional(), limit: z.number().int().min(1).max(500).default(200) }),
  }),
  /** Undo in the toast and the Trash view's "restore". */
  'trash.restore': channel<TrashItem>()({ access: INTAKE, personal: true, input: z.object({ kind: z.enum(['page', 'letter']), id }) }),
  /** Purges now what the trash holds (of one case, or everywhere): for good, so administrators only. */
  'trash.empty': channel<{ pages: number; letters: number }>()({ access: ADMIN, input: z.object({ caseId: id.optional() }) }),
} as const;
