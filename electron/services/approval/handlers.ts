import type { approvalChannels } from '@shared/contract/channels/approval';
import { must, type HandlersOf } from '../core/handler-types';

export const approvalHandlers: HandlersOf<typeof approvalChannels> = {
  'letters.sendBack': async ({ id, reason }, ctx) => {
    await must(ctx).ws.approvals.sendBack(must(ctx).actor, id, reason);
    return null;
  },
};
