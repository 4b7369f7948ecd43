import type { contactChannels } from '@shared/contract/channels/contacts';
import { must, type HandlersOf } from '../core/handler-types';

export const contactHandlers: HandlersOf<typeof contactChannels> = {
  'contacts.log': async (input, ctx) => must(ctx).ws.contacts.log(must(ctx).actor, input),
  'contacts.list': async ({ state, limit }, ctx) => must(ctx).ws.contacts.list(must(ctx).actor, state, limit),
  'contacts.get': async ({ id }, ctx) => must(ctx).ws.contacts.open(must(ctx).actor, id),
  'contacts.composeGuidance': async ({ id }, ctx) => must(ctx).ws.contacts.compose(must(ctx).actor, id),
  'contacts.updateGuidance': async ({ id, ...patch }, ctx) => must(ctx).ws.contacts.update(must(ctx).actor, id, patch),
  'contacts.previewGuidance': async ({ id, dpi }, ctx) => must(ctx).ws.contacts.preview(must(ctx).actor, id, dpi),
  'contacts.issueGuidance': async ({ id }, ctx) => must(ctx).ws.contacts.issue(must(ctx).actor, id),
  'contacts.guidancePdf': async ({ id }, ctx) => must(ctx).ws.contacts.pdf(must(ctx).actor, id),
  'contacts.logMailing': async ({ id, ...input }, ctx) => must(ctx).ws.contacts.logMailing(must(ctx).actor, id, input),
};
