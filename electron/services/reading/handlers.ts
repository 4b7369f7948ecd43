import type { readingChannels } from '@shared/contract/channels/reading';
import { must, type HandlersOf } from '../core/handler-types';
import { lookupPostcode } from './postcode';

export const readingHandlers: HandlersOf<typeof readingChannels> = {
  'documents.confirm': async (input, ctx) => must(ctx).ws.documents.confirm(must(ctx).actor, input.id, input.values),
  'postcode.lookup': async (input, ctx) => {
    must(ctx); // only inside a session, like every other lookup
    return lookupPostcode(input.postalCode);
  },
};
