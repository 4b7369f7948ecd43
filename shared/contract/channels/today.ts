import { z } from 'zod';
import { CASEWORK, channel, id, none } from '../channel';
import type { CaseDeadlineView, TodayOverview } from '../today-types';

/** Channels of #5 deadlines (I5) and the Today view. */
export const todayChannels = {
  /** Everything the Today view shows, in one call (counts, first items, the monthly chart). */
  'today.overview': channel<TodayOverview>()({ access: CASEWORK, personal: true, input: none }),
  /** One case's clock: arrival, target, Art. 39 day 14, paused days, urgency (the case file). */
  'today.caseDeadline': channel<CaseDeadlineView>()({ access: CASEWORK, input: z.object({ id }) }),
} as const;
