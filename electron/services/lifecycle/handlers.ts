import type { lifecycleChannels } from '@shared/contract/channels/lifecycle';
import type { ChannelParsed } from '@shared/contract';
import type { CaseSummary } from '@shared/contract';
import { must, type HandlersOf } from '../core/handler-types';
import type { Session } from '../core/kaiji-core';

export const lifecycleHandlers: HandlersOf<typeof lifecycleChannels> = {
  'cases.obligations': async ({ caseId }, ctx) => must(ctx).ws.lifecycle.obligations(must(ctx).actor, caseId),
  'cases.owed': async ({ limit }, ctx) => must(ctx).ws.lifecycle.owed(limit),
  'cases.confirmKinds': async ({ caseId }, ctx) => must(ctx).ws.lifecycle.confirmKinds(must(ctx).actor, caseId),
  'letters.approve': async ({ id }, ctx) => {
    await must(ctx).ws.letters.approve(must(ctx).actor, id);
    return null;
  },
};

/**
 * cases.transition: a move by hand. The role table decides who may (CaseService.setStatusIn);
 * closing by hand may waive what is still owed, with the reason as the waiver's reason.
 */
export function transitionByHand(s: Session, input: ChannelParsed<'cases.transition'>): Promise<CaseSummary> {
  return s.ws.cases.setStatus(s.actor, input.id, input.to, input.reason, {
    manual: true,
    waive: input.to === 'closed',
    ...(input.ground ? { ground: input.ground } : input.to === 'refused' ? { ground: 'not_liable' } : {}),
  });
}
