/**
 * The obligations rule (issue #10 item 1; R1, R5, F4): what a case still owes, per kind and per
 * notice, read off a plain snapshot. Examples name the cases of the issue; a fast-check property
 * walks random letter histories and checks the rule against an independent reading of R1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KindDecision } from '../../shared/domain/decisions';
import {
  caseObligations,
  kindsAnsweredBy,
  obligationKey,
  owesNothing,
  routeOf,
  withdrawalAckOwed,
  type CaseSnapshot,
  type LetterSnapshot,
} from '../../shared/domain/obligations';
import { REQUEST_KINDS } from '../../shared/domain/page-kind';

const snap = (over: Partial<CaseSnapshot>): CaseSnapshot => ({ state: 'responding', requested: [], decisions: [], letters: [], openMoneyOrders: 0, waived: [], ...over });
const req = (...kinds: KindDecision['kind'][]) => kinds.map((kind) => ({ kind, confirmed: true }));
const done = (kind: KindDecision['kind']): KindDecision => ({ kind, outcome: 'done', grounds: [], reasonText: '' });
const letter = (template: LetterSnapshot['template'], over: Partial<LetterSnapshot> = {}): LetterSnapshot => ({
  id: `${template}-${Math.random()}`,
  template,
  status: 'issued',
  mailed: true,
  delivered: true,
  inTransit: false,
  returned: false,
  ...over,
});
const codes = (c: CaseSnapshot) => caseObligations(c).map(obligationKey);

describe('what a case still owes (issue #10 item 1)', () => {
  it('K1+K2 decided, only the K1 letter delivered: the K2 notice is owed, in both languages', () => {
    const c = snap({ requested: req('K1', 'K2'), decisions: [done('K1'), done('K2')], letters: [letter('disclosure')] });
    const owed = caseObligations(c);
    expect(owed.map(obligationKey)).toEqual(['compose:K2']);
    expect(owed[0]!.label.ja).toContain('K2');
    expect(owed[0]!.label.ja).toContain('未作成');
    expect(owed[0]!.label.en).toContain('K2');
    expect(owesNothing(c)).toBe(false);
  });

  it('walks each kind through decide → compose → issue → mail → deliver, and a returned letter asks to resend', () => {
    const base = { requested: req('K2'), decisions: [done('K2')] };
    expect(codes(snap({ requested: req('K2') }))).toEqual(['decide:K2']);
    expect(codes(snap(base))).toEqual(['compose:K2']);
    expect(codes(snap({ ...base, letters: [letter('purpose_of_use', { status: 'draft', mailed: false, delivered: false })] }))).toEqual(['issue:K2']);
    expect(codes(snap({ ...base, letters: [letter('purpose_of_use', { mailed: false, delivered: false })] }))).toEqual(['mail:K2']);
    expect(codes(snap({ ...base, letters: [letter('purpose_of_use', { delivered: false, inTransit: true })] }))).toEqual(['deliver:K2']);
    expect(codes(snap({ ...base, letters: [letter('purpose_of_use', { delivered: false, returned: true })] }))).toEqual(['resend:K2']);
    expect(codes(snap({ ...base, letters: [letter('purpose_of_use')] }))).toEqual([]);
  });

  it('one combined reply answers every decided kind (item 4), counted per kind', () => {
    const decisions = [done('K1'), done('K2'), { kind: 'K4', outcome: 'not_done', grounds: ['not_liable'], reasonText: '' } as KindDecision];
    expect(kindsAnsweredBy('combined_reply', decisions)).toEqual(['K1', 'K2', 'K4']);
    expect(kindsAnsweredBy('partial_or_refusal', decisions)).toEqual(['K4']);
    const c = snap({ requested: req('K1', 'K2', 'K4'), decisions, letters: [letter('combined_reply', { delivered: false, inTransit: true })] });
    expect(codes(c)).toEqual(['deliver:K1', 'deliver:K2', 'deliver:K4']);
    expect(owesNothing({ ...c, letters: [letter('combined_reply')] })).toBe(true);
  });

  it('an OCR tick nobody confirmed is owed a confirmation, never a decision (item 6)', () => {
    expect(codes(snap({ requested: [{ kind: 'K1', confirmed: true }, { kind: 'K5', confirmed: false }], decisions: [done('K1')], letters: [letter('disclosure')] }))).toEqual(['confirm_kind:K5']);
    expect(codes(snap({ requested: [] }))).toEqual(['record_kinds:']);
  });

  it('a refused case owes its refusal notice and the money orders back, not per-kind answers (item 3)', () => {
    const c = snap({ state: 'refused', requested: req('K1'), openMoneyOrders: 1 });
    expect(codes(c)).toEqual(['compose:refusal', 'return_money_orders:']);
    expect(codes({ ...c, openMoneyOrders: 0, letters: [letter('refusal_notice', { delivered: false, inTransit: true })] })).toEqual(['deliver:refusal']);
    // Closed from refused: the same route.
    expect(routeOf('closed', 'refused')).toBe('refusal');
    expect(owesNothing({ ...c, state: 'closed', closedFrom: 'refused', openMoneyOrders: 0, letters: [letter('refusal_notice')] })).toBe(true);
  });

  it('a withdrawal owes an acknowledgement where the company setting says so', () => {
    expect(withdrawalAckOwed('letter', 'always')).toBe(true);
    expect(withdrawalAckOwed('letter', 'unless_letter')).toBe(false);
    expect(withdrawalAckOwed('phone', 'unless_letter')).toBe(true);
    expect(withdrawalAckOwed('phone', 'never')).toBe(false);
    expect(codes(snap({ state: 'withdrawn', withdrawal: { via: 'phone', ackPolicy: 'always' } }))).toEqual(['compose:withdrawal']);
    expect(codes(snap({ state: 'withdrawn', withdrawal: { via: 'letter', ackPolicy: 'unless_letter' } }))).toEqual([]);
  });

  it('a deficient case owes its deficiency notice (R5); received and checking owe nothing yet', () => {
    expect(codes(snap({ state: 'deficient', requested: req('K1') }))).toEqual(['compose:deficiency']);
    expect(codes(snap({ state: 'checking', requested: req('K1') }))).toEqual([]);
  });

  it('the fee of an answered K1/K2/K6 application is cashed or returned; of a free one returned (F4)', () => {
    const answered = { decisions: [done('K1')], letters: [letter('disclosure')], openMoneyOrders: 2 };
    expect(codes(snap({ requested: req('K1'), ...answered }))).toEqual(['settle_money_orders:']);
    expect(caseObligations(snap({ requested: req('K1'), ...answered }))[0]!.label.ja).toContain('2 枚');
    expect(codes(snap({ requested: req('K3'), decisions: [done('K3')], letters: [letter('correction_result')], openMoneyOrders: 1 }))).toEqual(['return_money_orders:']);
  });

  it('waived obligations are no longer owed', () => {
    const c = snap({ requested: req('K2'), decisions: [done('K2')], letters: [letter('purpose_of_use', { delivered: false, returned: true })] });
    expect(owesNothing({ ...c, waived: ['resend:K2'] })).toBe(true);
    expect(owesNothing({ ...c, waived: ['resend:K1'] })).toBe(false);
  });
});

/**
 * Property: for a random answered case (random kinds, decisions, letters of random templates and
 * progress), nothing is owed exactly when every requested kind is confirmed, decided and covered
 * by a delivered letter that answers it, and no money order is open. Written without the rule's
 * own step logic, from R1 and F4 directly.
 */
describe('property: owes nothing ⇔ every kind answered by a delivered letter (R1)', () => {
  const kindArb = fc.subarray([...REQUEST_KINDS], { minLength: 1 });
  const outcomeArb = fc.constantFrom<KindDecision['outcome']>('done', 'partial', 'not_done', 'no_data');
  const templateArb = fc.constantFrom<LetterSnapshot['template']>('disclosure', 'purpose_of_use', 'partial_or_refusal', 'no_data', 'correction_result', 'suspension_result', 'third_party_stop_result', 'provision_records', 'combined_reply', 'deficiency', 'money_order_return');
  const letterArb = fc.record({
    template: templateArb,
    issued: fc.boolean(),
    fate: fc.constantFrom('none', 'transit', 'delivered', 'returned'),
  });
  it('holds for 500 random cases', () => {
    fc.assert(
      fc.property(kindArb, fc.array(outcomeArb, { minLength: 6, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), fc.array(letterArb, { maxLength: 4 }), fc.nat(2), (kinds, outcomes, decidedFlags, confirmedFlags, letterSpecs, orders) => {
        const requested = kinds.map((k, i) => ({ kind: k, confirmed: confirmedFlags[i]! }));
        const decisions = kinds.filter((_, i) => decidedFlags[i]).map((k, i) => ({ kind: k, outcome: outcomes[i]!, grounds: [], reasonText: '' }) as KindDecision);
        const letters = letterSpecs.map((l, i): LetterSnapshot => {
          const issued = l.issued;
          const fate = issued ? l.fate : 'none';
          return { id: String(i), template: l.template, status: issued ? 'issued' : 'draft', mailed: fate !== 'none', delivered: fate === 'delivered', inTransit: fate === 'transit', returned: fate === 'returned' };
        });
        const c = snap({ requested, decisions, letters, openMoneyOrders: orders });
        const expected =
          orders === 0 &&
          requested.every((r) => r.confirmed && decisions.some((d) => d.kind === r.kind) && letters.some((l) => l.delivered && kindsAnsweredBy(l.template, decisions).includes(r.kind)));
        expect(owesNothing(c)).toBe(expected);
        // Every obligation names what it concerns and carries both languages.
        for (const o of caseObligations(c)) {
          expect(o.label.ja.length).toBeGreaterThan(0);
          expect(o.label.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
