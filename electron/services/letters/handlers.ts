import type { letterChannels } from '@shared/contract/channels/letters';
import { KaijiError } from '@shared/errors';
import { must, type HandlersOf } from '../core/handler-types';

export const letterHandlers: HandlersOf<typeof letterChannels> = {
  'decisions.list': async ({ caseId }, ctx) => {
    const { ws } = must(ctx);
    const c = await ws.db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirst();
    if (!c) throw new KaijiError('NOT_FOUND');
    const [requestedKinds, decisions] = await Promise.all([ws.decisions.requestedKinds(caseId), ws.decisions.list(caseId)]);
    return { requestedKinds, decisions, caseStatus: c.status };
  },
  'decisions.record': async ({ caseId, ...decision }, ctx) => must(ctx).ws.decisions.record(must(ctx).actor, caseId, decision),

  'letters.suggest': async ({ caseId }, ctx) => must(ctx).ws.letters.suggest(caseId),
  'letters.create': async (input, ctx) => must(ctx).ws.letters.create(must(ctx).actor, input),
  'letters.get': async ({ id }, ctx) => must(ctx).ws.letters.get(id),
  'letters.list': async ({ caseId }, ctx) => must(ctx).ws.letters.list(caseId),
  'letters.overview': async ({ filter, limit }, ctx) => must(ctx).ws.letters.overview(must(ctx).actor, filter, limit),
  'letters.update': async ({ id, ...patch }, ctx) => must(ctx).ws.letters.update(must(ctx).actor, id, patch),
  'letters.discard': async ({ id }, ctx) => {
    await must(ctx).ws.letters.discard(must(ctx).actor, id);
    return null;
  },
  'letters.preview': async ({ id, dpi }, ctx) => must(ctx).ws.letters.preview(must(ctx).actor, id, dpi),
  'letters.issue': async ({ id }, ctx) => must(ctx).ws.letters.issue(must(ctx).actor, id),
  'letters.pdf': async ({ id }, ctx) => must(ctx).ws.letters.pdf(must(ctx).actor, id),
  'letters.reprint': async ({ id }, ctx) => must(ctx).ws.letters.reprint(must(ctx).actor, id),
  'letters.labels': async ({ ids }, ctx) => must(ctx).ws.letters.labels(must(ctx).actor, ids),
  'letters.closeCase': async ({ caseId, reason }, ctx) => must(ctx).ws.letters.closeCase(must(ctx).actor, caseId, reason),
  'letters.toSendCount': async (_, ctx) => ({ count: await must(ctx).ws.letters.toSendCount() }),
};
