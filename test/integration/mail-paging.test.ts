import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIN, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

/**
 * #13 item 1: the registered-mail log pages through any number of entries. Inbound envelopes
 * and outbound items share days (so the merge order's tie-breakers matter); for random
 * filters and page sizes the pages concatenate to the whole log, nothing twice or missing,
 * and the total counts every entry the filter matches.
 */
describe('mail log paging (M1, M2)', () => {
  it('pages of the merged log add up to the whole log for any filter and page size', async () => {
    const { call } = makeCore({ dataDir: tempDir(), now: () => Date.parse('2026-11-24T03:00:00Z') });
    value(await call('vault.setup', ADMIN));
    const days = ['2026-11-02', '2026-11-09', '2026-11-16'];
    const cases: string[] = [];
    for (const [i, arrivedOn] of [...days, ...days, ...days, ...days].entries()) {
      const logged = value(await call('envelopes.log', { arrivedOn, delivery: 'ippan_kakitome', trackingNumber: i % 2 ? 'RR123456785JP' : '123456789013', redMarking: true, applications: 2 }));
      cases.push(...logged.cases.map((c) => c.id));
    }
    // Outbound on the same days, some with proof of delivery asked for.
    for (const [i, caseId] of cases.entries()) {
      value(await call('mail.logOutbound', { caseId, method: i % 3 ? 'ippan_kakitome' : 'kan_i_kakitome', proofRequested: i % 3 !== 0, sentOn: days[i % days.length]!, closesCase: false, trackingNumber: '123456789013' }));
    }
    const full = value(await call('mail.list', { limit: 500 }));
    expect(full.total).toBe(12 + cases.length);
    expect(full.entries).toHaveLength(full.total);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('all' as const, 'inbound' as const, 'outbound' as const),
        fc.boolean(),
        fc.option(fc.constantFrom(...cases), { nil: undefined }),
        fc.option(fc.constantFrom(...days), { nil: undefined }),
        fc.integer({ min: 1, max: 13 }),
        async (direction, awaitingProof, caseId, from, limit) => {
          const filter = { direction, awaitingProof, ...(caseId ? { caseId } : {}), ...(from ? { from } : {}) };
          const whole = value(await call('mail.list', { ...filter, limit: 500 }));
          expect(whole.entries).toHaveLength(whole.total);
          const seen: string[] = [];
          for (let offset = 0; offset < whole.total; offset += limit) {
            const page = value(await call('mail.list', { ...filter, limit, offset }));
            expect(page.total).toBe(whole.total);
            expect(page.entries.length).toBe(Math.min(limit, whole.total - offset));
            seen.push(...page.entries.map((e) => `${e.direction}:${e.id}`));
          }
          expect(seen).toEqual(whole.entries.map((e) => `${e.direction}:${e.id}`));
          expect(new Set(seen).size).toBe(seen.length);
          // Newest first across both directions.
          const dates = whole.entries.map((e) => (e.direction === 'inbound' ? e.date : e.sentOn));
          expect([...dates].sort().reverse()).toEqual(dates);
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
