import type { worklistChannels } from '@shared/contract/channels/worklists';
import { must, type HandlersOf } from '../core/handler-types';

export const worklistHandlers: HandlersOf<typeof worklistChannels> = {
  'cases.assign': async ({ caseId, assigneeId }, ctx) => must(ctx).ws.assignment.assign(must(ctx).actor, caseId, assigneeId),
  'cases.assignees': async (_, ctx) => must(ctx).ws.assignment.assignees(),
  'savedFilters.list': async ({ list }, ctx) => must(ctx).ws.savedFilters.list(must(ctx).actor, list),
  'savedFilters.save': async (input, ctx) => must(ctx).ws.savedFilters.save(must(ctx).actor, input),
  'savedFilters.delete': async ({ id }, ctx) => {
    await must(ctx).ws.savedFilters.delete(must(ctx).actor, id);
    return null;
  },
};
