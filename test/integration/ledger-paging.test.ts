import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIN, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

/**
 * #13 item 1: the money-order ledger pages through any number of orders. Many orders share a
 * received day (the order's tie-breakers decide); for random filters and page sizes the pages
 * concatenate to the whole filtered ledger and the total counts it (F1, F4).
 */
describe('money-order ledger paging (F1, F4)', () => {
  it('pages add up to the whole filtered ledger for any filter and page size', async () => {
    const { call } = makeCore({ dataDir: tempDir(), now: () => Date.parse('2026-11-24T03:00:00Z') });
    value(await call('vault.setup', ADMIN));
    const logged = value(await call('envelopes.log', { arrivedOn: '2026-11-02', delivery: 'ippan_kakitome', redMarking: true, applications: 6 }));
    const received = ['2026-11-02', '2026-11-09', '2026-11-16'];
    let n = 0;
    const ids: string[] = [];
    for (const c of logged.cases) {
      for (const day of received) {
        for (let k = 0; k < 2; k++) {
          n++;
          const o = value(await call('moneyOrders.record', { caseId: c.id, certificateNo: `77-${String(n).padStart(6, '0')}`, faceValue: 500, issuedOn: n % 4 === 0 ? '2026-05-31' : '2026-10-20', issuingOffice: '新宿郵便局', receivedOn: day }));
          ids.push(o.id);
        }
      }
    }
    for (const id of ids.filter((_, i) => i % 5 === 0)) value(await call('moneyOrders.cash', { id, cashedOn: '2026-11-20', depositRef: 'DEP-1' }));
    expect(value(await call('moneyOrders.ledger', { limit: 500 })).total).toBe(ids.length);
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.constantFrom('received' as const, 'cashed' as const), { nil: undefined }),
        fc.option(fc.constantFrom(...logged.cases.map((c) => c.id)), { nil: undefined }),
        fc.option(fc.constantFrom(...received), { nil: undefined }),
        fc.boolean(),
        fc.integer({ min: 1, max: 11 }),
        async (state, caseId, from, lapsing, limit) => {
          const filter = { ...(state ? { state } : {}), ...(caseId ? { caseId } : {}), ...(from ? { from } : {}), ...(lapsing ? { lapsing } : {}) };
          const whole = value(await call('moneyOrders.ledger', { ...filter, limit: 500 }));
          expect(whole.orders).toHaveLength(whole.total);
          const seen: string[] = [];
          for (let offset = 0; offset < whole.total; offset += limit) {
            const page = value(await call('moneyOrders.ledger', { ...filter, limit, offset }));
            expect(page.total).toBe(whole.total);
            expect(page.orders.length).toBe(Math.min(limit, whole.total - offset));
            seen.push(...page.orders.map((o) => o.id));
          }
          expect(seen).toEqual(whole.orders.map((o) => o.id));
          expect(new Set(seen).size).toBe(seen.length);
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
