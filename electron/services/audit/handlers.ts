import type { auditChannels } from '@shared/contract/channels/audit';
import type { HandlersOf } from '../core/handler-types';
import { must } from '../core/handler-types';

export const auditHandlers: HandlersOf<typeof auditChannels> = {
  'audit.actors': async (_, ctx) => must(ctx).ws.audit.actors(),
};
