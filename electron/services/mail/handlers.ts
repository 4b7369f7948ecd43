import type { mailChannels } from '@shared/contract/channels/mail';
import { must, type HandlersOf } from '../core/handler-types';

export const mailHandlers: HandlersOf<typeof mailChannels> = {
  'mail.list': async (input, ctx) => must(ctx).ws.mail.list(must(ctx).actor, input),
  'mail.logOutbound': async (input, ctx) => must(ctx).ws.mail.logOutbound(must(ctx).actor, input),
  'mail.recordDelivery': async ({ id, ...input }, ctx) => must(ctx).ws.mail.recordDelivery(must(ctx).actor, id, input),
  'mail.markReturned': async ({ id, ...input }, ctx) => must(ctx).ws.mail.markReturned(must(ctx).actor, id, input),
};
