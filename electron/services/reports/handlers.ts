import type { reportChannels } from '@shared/contract/channels/reports';
import { must, type HandlersOf } from '../core/handler-types';

export const reportHandlers: HandlersOf<typeof reportChannels> = {
  'reports.year': async (input, ctx) => must(ctx).ws.reports.year(must(ctx).actor, input.year),
  'reports.exportXlsx': async (input, ctx) => must(ctx).ws.reports.exportXlsx(must(ctx).actor, input.year),
  'reports.exportPdf': async (input, ctx) => must(ctx).ws.reports.exportPdf(must(ctx).actor, input.year),
};
