import type { ledgerChannels } from '@shared/contract/channels/ledger';
import { must, type HandlersOf } from '../core/handler-types';

export const ledgerHandlers: HandlersOf<typeof ledgerChannels> = {
  'moneyOrders.record': async (input, ctx) => must(ctx).ws.moneyOrders.record(must(ctx).actor, input),
  // Part of the case file, whose opening (cases.detail) is already audited as a view of the case.
  'moneyOrders.list': async (input, ctx) => must(ctx).ws.moneyOrders.list(input.caseId),
  'moneyOrders.ledger': async (input, ctx) => must(ctx).ws.moneyOrders.ledger(must(ctx).actor, input),
  'moneyOrders.monthlyTotals': async (input, ctx) => must(ctx).ws.moneyOrders.monthlyTotals(input),
  'moneyOrders.cash': async ({ id, ...input }, ctx) => must(ctx).ws.moneyOrders.cash(must(ctx).actor, id, input),
  'moneyOrders.return': async ({ id, ...input }, ctx) => must(ctx).ws.moneyOrders.markReturned(must(ctx).actor, id, input),
  'moneyOrders.lapse': async ({ id, ...input }, ctx) => must(ctx).ws.moneyOrders.markLapsed(must(ctx).actor, id, input),
  'moneyOrders.export': async (input, ctx) => must(ctx).ws.moneyOrders.export(must(ctx).actor, input),
};
