import { z } from 'zod';
import { ADMIN, channel, id, multilineText } from '../channel';

/**
 * Issue #13 item 2b: the second administrator's approval (決裁). Approving is `letters.approve`
 * (lifecycle.ts), which becomes the four-eyes approval when settings.approvalRequired is on.
 */
export const approvalChannels = {
  /** Sends a letter back to whoever prepared it, with the reason (shown on the letter, not in the trail). */
  'letters.sendBack': channel<null>()({ access: ADMIN, input: z.object({ id, reason: multilineText(2000, { min: 1 }) }) }),
} as const;
