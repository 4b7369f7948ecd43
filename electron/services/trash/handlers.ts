import type { trashChannels } from '@shared/contract/channels/trash';
import { must, type HandlersOf } from '../core/handler-types';

export const trashHandlers: HandlersOf<typeof trashChannels> = {
  'trash.list': async ({ caseId, limit }, ctx) => must(ctx).ws.trash.list({ ...(caseId ? { caseId } : {}), limit }),
  'trash.restore': async ({ kind, id }, ctx) => must(ctx).ws.trash.restore(must(ctx).actor, kind, id),
  'trash.empty': async ({ caseId }, ctx) => must(ctx).ws.trash.empty(must(ctx).actor, caseId ? { caseId } : {}),
};
