import type { provisionChannels } from '@shared/contract/channels/provisions';
import { must, type HandlersOf } from '../core/handler-types';

export const provisionHandlers: HandlersOf<typeof provisionChannels> = {
  'provisions.list': async (input, ctx) => must(ctx).ws.provisions.list(must(ctx).actor, input),
  'provisions.add': async (input, ctx) => must(ctx).ws.provisions.add(must(ctx).actor, input),
  'provisions.previewImport': async (input, ctx) => must(ctx).ws.provisions.previewImport(must(ctx).actor, Buffer.from(input.file.data, 'base64'), input.mapping),
  'provisions.import': async (input, ctx) => must(ctx).ws.provisions.import(must(ctx).actor, Buffer.from(input.file.data, 'base64'), input.mapping),
  'provisions.check': async (input, ctx) => must(ctx).ws.provisions.check(must(ctx).actor, input),
  'provisions.blockList': async (_, ctx) => must(ctx).ws.provisions.blockList(must(ctx).actor),
  'provisions.match': async (input, ctx) => must(ctx).ws.provisions.match(must(ctx).actor, input.caseId),
  'provisions.confirmMatch': async (input, ctx) => must(ctx).ws.provisions.confirmMatch(must(ctx).actor, input.caseId, input.recordIds),
};
