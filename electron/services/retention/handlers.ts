import type { retentionChannels } from '@shared/contract/channels/retention';
import { KaijiError } from '@shared/errors';
import { must, type HandlersOf } from '../core/handler-types';
import { exportCaseRegister } from '../records/case-register-export';
import { renderDisposalRecord } from './disposal-record-pdf';

export const retentionHandlers: HandlersOf<typeof retentionChannels> = {
  'retention.schedule': async (_, ctx) => must(ctx).ws.retention.schedule(),
  'retention.updateSchedule': async (input, ctx) => must(ctx).ws.retention.updateSchedule(must(ctx).actor, input),
  'retention.due': async (_, ctx) => must(ctx).ws.retention.due(),
  'retention.dispose': async (input, ctx) => must(ctx).ws.retention.dispose(must(ctx).actor, input),
  'retention.placeHold': async (input, ctx) => must(ctx).ws.retention.placeHold(must(ctx).actor, input.caseId, input.reason),
  'retention.releaseHold': async (input, ctx) => {
    await must(ctx).ws.retention.releaseHold(must(ctx).actor, input.caseId);
    return null;
  },
  'retention.holds': async (_, ctx) => must(ctx).ws.retention.holds(),
  'retention.register': async (input, ctx) => must(ctx).ws.retention.register(input),
  'retention.recordPdf': async (input, ctx) => {
    const s = must(ctx);
    const { entries } = await s.ws.retention.register({ batchId: input.batchId, limit: 500, offset: 0 });
    if (!entries.length) throw new KaijiError('NOT_FOUND');
    const settings = await s.ws.settings.get();
    const { pdf, sha256 } = await renderDisposalRecord({ companyName: settings.companyName, administratorTitle: settings.administratorTitle, entries: [...entries].sort((a, b) => a.caseNo.localeCompare(b.caseNo)) });
    return { fileName: `disposal-record-${entries[0]!.disposedAt.slice(0, 10)}.pdf`, dataBase64: Buffer.from(pdf).toString('base64'), sha256 };
  },
  'cases.exportRegister': async (input, ctx) => {
    const s = must(ctx);
    return exportCaseRegister(s.ws.db, s.ws.audit, s.actor, input, new Date());
  },
};
