import type { todayChannels } from '@shared/contract/channels/today';
import type { HandlersOf } from '../core/handler-types';
import { must } from '../core/handler-types';

export const todayHandlers: HandlersOf<typeof todayChannels> = {
  'today.overview': async (_, ctx) => must(ctx).ws.today.overview(must(ctx).actor),
  'today.caseDeadline': async (input, ctx) => must(ctx).ws.today.deadlines.caseDeadline(input.id),
};
