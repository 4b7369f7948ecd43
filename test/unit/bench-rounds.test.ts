// bench/rounds.ts (issue #14): interleaved rounds, medians with their spread, and "not proven"
// when a spread crosses its target. The figures every benchmark prints rest on these.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combine, figure, interleave, medianOf, ratios, roundOrder, rounds, spreadOf, statusOf } from '../../bench/rounds';

const values = fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 });

describe('bench rounds', () => {
  it('the median lies within the spread, which holds every sample', () => {
    fc.assert(
      fc.property(values, (v) => {
        const s = spreadOf(v);
        expect(s.min).toBeLessThanOrEqual(s.median);
        expect(s.median).toBeLessThanOrEqual(s.max);
        expect(v.every((x) => x >= s.min && x <= s.max)).toBe(true);
        expect(s.samples).toEqual(v);
      }),
    );
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 2, 3])).toBe(2.5);
  });

  it('a spread crossing the target is not proven, whichever way the target points', () => {
    fc.assert(
      fc.property(values, fc.double({ min: 0.001, max: 1e6, noNaN: true }), (v, t) => {
        const s = spreadOf(v);
        const upper = statusOf(s, { max: t });
        const lower = statusOf(s, { min: t });
        if (s.max <= t) expect(upper).toBe('ok');
        else if (s.min > t) expect(upper).toBe('MISSED');
        else expect(upper).toBe('not proven');
        if (s.min >= t) expect(lower).toBe('ok');
        else if (s.max < t) expect(lower).toBe('MISSED');
        else expect(lower).toBe('not proven');
        // ok is never claimed unless every round met the target.
        const row = figure('x', s, 'ratio', { max: t });
        expect(row.ok).toBe(v.every((x) => x <= t));
        expect(statusOf(s, null)).toBe('-');
      }),
    );
    const crossing = figure('ratio', spreadOf([1.1, 1.2, 1.4]), 'ratio', { max: 1.3 });
    expect(crossing).toMatchObject({ value: 1.2, min: 1.1, max: 1.4, status: 'not proven', ok: false, rounds: 3 });
  });

  it('interleaves the sides, rotating who goes first, and drops warm-up rounds', async () => {
    const log: string[] = [];
    const t = await interleave(
      { a: (r: number) => (log.push(`a${r}`), 10 + r), b: (r: number) => (log.push(`b${r}`), 20 + r) },
      { rounds: 3, warmup: 1 },
    );
    // A and B take turns going first, warm-up round included.
    expect(log).toEqual(['a-1', 'b-1', 'b0', 'a0', 'a1', 'b1', 'b2', 'a2']);
    expect(t).toEqual({ a: [10, 11, 12], b: [20, 21, 22] });
    expect(ratios(t.a, t.b).samples).toEqual([10 / 20, 11 / 21, 12 / 22]);
    expect(combine(t, (x) => x.b - x.a).samples).toEqual([10, 10, 10]);
  });

  it('every side runs once per round in every rotation', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 6 }), fc.nat(100), (names, r) => {
        expect([...roundOrder(names, r)].sort()).toEqual([...names].sort());
      }),
    );
  });

  it('times a side by the wall clock when it returns no number', async () => {
    const s = await rounds(3, () => new Promise((done) => setTimeout(done, 5)));
    expect(s.samples).toHaveLength(3);
    expect(s.min).toBeGreaterThan(3);
  });

  it('refuses ratios of unequal rounds', () => {
    expect(() => ratios([1, 2], [1])).toThrow();
  });
});

describe('bench rounds in slices', () => {
  it('alternates the sides slice by slice and sums a round', async () => {
    const log: string[] = [];
    const t = await interleave({ a: (i: number) => (log.push(`a${i}`), 1), b: (i: number) => (log.push(`b${i}`), 2) }, { rounds: 2, slices: 3 });
    expect(log).toEqual(['a0', 'b0', 'b1', 'a1', 'a2', 'b2', 'b3', 'a3', 'a4', 'b4', 'b5', 'a5']);
    expect(t).toEqual({ a: [3, 3], b: [6, 6] });
  });
});
