import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFee, feeDue, MONEY_ORDER_FACE_VALUES, type RequestKind, requestedKinds } from '../../shared/domain/verification';
import { completeFields } from './verification-fixtures';

describe('fee due (K table, F1)', () => {
  it.each([
    [['K1'], 1000],
    [['K2'], 1000],
    [['K6'], 1000],
    [['K1', 'K2', 'K6'], 1000], // per application, not per kind
    [['K1', 'K3'], 1000],
    [['K3'], 0],
    [['K4'], 0],
    [['K5'], 0],
    [['K3', 'K4', 'K5'], 0],
    [[], 0],
  ] as [RequestKind[], number][])('%j -> %i yen', (kinds, due) => {
    expect(feeDue(kinds)).toBe(due);
  });

  it('reads the ticked kinds from the form', () => {
    expect(requestedKinds(completeFields({ 'request.k2': 'true', 'request.k5': 'true' }))).toEqual(['K1', 'K2', 'K5']);
    expect(requestedKinds(completeFields({ 'request.k1': 'false' }))).toEqual([]);
  });
});

describe('money orders (F1, F3)', () => {
  const orders = (...v: number[]) => v.map((faceValue) => ({ faceValue }));
  it.each([
    // kinds, face values, rule, status, outcome, short
    [['K1'], [1000], 'F1', 'pass', 'covered', 0],
    [['K1'], [500, 500], 'F1', 'pass', 'covered', 0],
    [['K6'], [750, 200, 50], 'F1', 'pass', 'covered', 0],
    [['K1'], [500], 'F3', 'fail', 'short', 500],
    [['K2'], [750, 200], 'F3', 'fail', 'short', 50],
    [['K1'], [], 'F3', 'fail', 'none_enclosed', 1000],
    [['K1'], [1000, 1000], 'F1', 'needs_review', 'covered', 0], // excess: return one
    [['K1'], [1000, 600], 'F1', 'needs_review', 'covered', 0], // 600 is not a face value
    [['K1'], [600, 400], 'F3', 'fail', 'short', 600], // unknown value not counted
    [['K1'], [999], 'F3', 'fail', 'short', 1000],
    [['K3'], [], 'F1', 'pass', 'not_needed', 0],
    [['K4', 'K5'], [1000], 'F1', 'needs_review', 'not_needed', 0], // return the order
  ] as [RequestKind[], number[], string, string, string, number][])('%j with %j -> %s %s (%s, short %i)', (kinds, values, rule, status, outcome, short) => {
    const r = checkFee(kinds, orders(...values));
    expect(r).toMatchObject({ ruleId: rule, status, details: { outcome, short } });
  });

  it('the 12 fixed face values are exactly these', () => {
    expect([...MONEY_ORDER_FACE_VALUES]).toEqual([50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 750, 1000]);
  });

  it('messages give the shortfall in yen', () => {
    const r = checkFee(['K1'], orders(750));
    expect(r.message.ja).toContain('250円不足');
    expect(r.message.en).toContain('¥250 short');
  });

  it('an unknown face value is named', () => {
    const r = checkFee(['K1'], orders(1000, 600));
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'unknown_face_value', status: 'needs_review' }));
    expect(r.details.unknownFaceValues).toEqual([600]);
  });

  it('property: known orders summing to 1,000 always cover the fee; any less is short by the difference', () => {
    const known = fc.array(fc.constantFrom(...MONEY_ORDER_FACE_VALUES), { maxLength: 6 });
    fc.assert(
      fc.property(known, fc.constantFrom<RequestKind[]>(['K1'], ['K2'], ['K6'], ['K1', 'K4']), (values, kinds) => {
        const sum = values.reduce((a, b) => a + b, 0);
        const r = checkFee(kinds, orders(...values));
        if (sum === 1000) expect(r.status).toBe('pass');
        else if (sum > 1000) expect(r).toMatchObject({ ruleId: 'F1', status: 'needs_review', details: { excess: sum - 1000 } });
        else expect(r).toMatchObject({ ruleId: 'F3', status: 'fail', details: { short: 1000 - sum } });
      }),
    );
  });
});
