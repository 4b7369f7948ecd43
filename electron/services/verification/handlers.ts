import type { verificationChannels } from '@shared/contract/channels/verification';
import { KaijiError } from '@shared/errors';
import { must, type HandlersOf } from '../core/handler-types';

export const verificationHandlers: HandlersOf<typeof verificationChannels> = {
  'cases.deficiency': async (input, ctx) => {
    const s = must(ctx);
    const exists = await s.ws.db.selectFrom('cases').select('id').where('id', '=', input.id).executeTakeFirst();
    if (!exists) throw new KaijiError('NOT_FOUND');
    return s.ws.deficiencies.latest(input.id);
  },
  'cases.refuseAsRepeated': async (input, ctx) => {
    const s = must(ctx);
    return s.ws.repeatRefusals.refuse(s.actor, s.user.role, input.id, input.reason, input.earlierCaseNos);
  },
  'pages.mask': async (input, ctx) => must(ctx).ws.masking.mask(must(ctx).actor, input.id, input.rects),
  'pages.maskSuggestions': async (input, ctx) => must(ctx).ws.masking.suggestions(input.id),
  'pages.maskState': async (input, ctx) => must(ctx).ws.masking.caseState(input.caseId),
  'pages.masks': async (input, ctx) => must(ctx).ws.masking.history(input.id),
  'cases.awaitingResubmission': async (_input, ctx) => must(ctx).ws.deficiencies.awaiting(must(ctx).actor),
};
