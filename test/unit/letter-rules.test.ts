import { describe, expect, it } from 'vitest';
import type { CaseDecision } from '../../shared/contract/letters-types';
import type { KindDecision } from '../../shared/domain/decisions';
import { isFinalResponse, suggestionsFor } from '../../electron/services/letters/letter-rules';

const decided = (d: KindDecision): CaseDecision => ({ ...d, id: d.kind, caseId: 'c', enclosures: d.enclosures ?? [], decidedBy: null, decidedByName: null, decidedAt: '' });
const templates = (c: Parameters<typeof suggestionsFor>[0]) => suggestionsFor(c).map((s) => s.template);

describe('which letters fit a case (R1, R5, F4)', () => {
  it('offers the answers only once every requested kind is decided (R1)', () => {
    const k1 = decided({ kind: 'K1', outcome: 'partial', grounds: ['business'], reasonText: '' });
    const base = { status: 'deciding', requested: ['K1', 'K2'] as const, returnableOrders: 1, hasDeficiencyList: false };
    expect(templates({ ...base, requested: [...base.requested], decisions: [k1] })).toEqual([]);
    const k2 = decided({ kind: 'K2', outcome: 'done', grounds: [], reasonText: '発送のため' });
    // The fee of a K1/K2 application is kept: no money-order return.
    expect(templates({ ...base, requested: [...base.requested], decisions: [k1, k2] })).toEqual(['partial_or_refusal', 'purpose_of_use']);
  });

  it('gives a deficient case its notice and sends the fee back (R5, F4)', () => {
    expect(templates({ status: 'deficient', requested: ['K1'], decisions: [], returnableOrders: 2, hasDeficiencyList: true })).toEqual(['deficiency', 'money_order_return']);
    expect(templates({ status: 'deficient', requested: ['K1'], decisions: [], returnableOrders: 0, hasDeficiencyList: true })).toEqual(['deficiency']);
  });

  it('returns money orders sent with free requests only (K3-K5)', () => {
    expect(templates({ status: 'accepted', requested: ['K3'], decisions: [], returnableOrders: 1, hasDeficiencyList: false })).toEqual(['money_order_return']);
  });

  it('treats decision letters as final responses, notices and returns not', () => {
    expect(isFinalResponse('disclosure')).toBe(true);
    expect(isFinalResponse('deficiency')).toBe(false);
    expect(isFinalResponse('money_order_return')).toBe(false);
  });
});
