import { describe, expect, it } from 'vitest';
import type { KindDecision } from '../../shared/domain/decisions';
import { caseObligations, type CaseSnapshot, type LetterSnapshot } from '../../shared/domain/obligations';
import { carriesDecision, isFinalResponse, returnsMoneyOrders, suggestionsFor } from '../../electron/services/letters/letter-rules';

/** Suggestions are read off the obligations rule, so these tests build snapshots, not flags. */
const snap = (over: Partial<CaseSnapshot>): CaseSnapshot => ({ state: 'deciding', requested: [], decisions: [], letters: [], openMoneyOrders: 0, waived: [], ...over });
const templates = (c: CaseSnapshot) => suggestionsFor({ owed: caseObligations(c), decisions: c.decisions }).map((s) => s.template);
const req = (...kinds: KindDecision['kind'][]) => kinds.map((kind) => ({ kind, confirmed: true }));
const letter = (template: LetterSnapshot['template'], over: Partial<LetterSnapshot> = {}): LetterSnapshot => ({ id: template, template, status: 'issued', mailed: true, delivered: true, inTransit: false, returned: false, ...over });

describe('which letters fit a case (R1, R5, F4), from what it owes', () => {
  const k1: KindDecision = { kind: 'K1', outcome: 'partial', grounds: ['business'], reasonText: '' };
  const k2: KindDecision = { kind: 'K2', outcome: 'done', grounds: [], reasonText: '発送のため' };

  it('offers the answers of decided kinds, and one combined reply when several are owed (R1, #10 item 4)', () => {
    expect(templates(snap({ requested: req('K1', 'K2'), decisions: [k1] }))).toEqual(['partial_or_refusal']);
    // The fee of a K1/K2 application is kept: no money-order return.
    expect(templates(snap({ requested: req('K1', 'K2'), decisions: [k1, k2], openMoneyOrders: 1 }))).toEqual(['combined_reply', 'partial_or_refusal', 'purpose_of_use']);
  });

  it('after K1 was answered, only the K2 answer is suggested (the K1+K2 case of #10)', () => {
    expect(templates(snap({ state: 'responding', requested: req('K1', 'K2'), decisions: [k1, k2], letters: [letter('partial_or_refusal')] }))).toEqual(['purpose_of_use']);
  });

  it('gives a deficient case its notice and sends the fee back (R5, F4)', () => {
    expect(templates(snap({ state: 'deficient', requested: req('K1'), openMoneyOrders: 2 }))).toEqual(['deficiency', 'money_order_return']);
    expect(templates(snap({ state: 'deficient', requested: req('K1') }))).toEqual(['deficiency']);
  });

  it('a refused case gets its refusal notice, which carries the money orders back (#10 item 3)', () => {
    expect(templates(snap({ state: 'refused', requested: req('K1'), openMoneyOrders: 1 }))).toEqual(['refusal_notice']);
  });

  it('returns money orders sent with free requests only (K3-K5)', () => {
    expect(templates(snap({ state: 'accepted', requested: req('K3'), decisions: [{ kind: 'K3', outcome: 'done', grounds: [], reasonText: '' }], letters: [letter('correction_result')], openMoneyOrders: 1 }))).toEqual(['money_order_return']);
  });

  it('treats decision letters as final responses; notices, refusals and returns not', () => {
    expect(isFinalResponse('disclosure')).toBe(true);
    expect(isFinalResponse('combined_reply')).toBe(true);
    expect(isFinalResponse('deficiency')).toBe(false);
    expect(isFinalResponse('money_order_return')).toBe(false);
    expect(isFinalResponse('refusal_notice')).toBe(false);
    expect(carriesDecision('refusal_notice')).toBe(true);
    expect(carriesDecision('deficiency')).toBe(false);
    expect(returnsMoneyOrders('withdrawal_ack')).toBe(true);
    expect(returnsMoneyOrders('disclosure')).toBe(false);
  });
});
