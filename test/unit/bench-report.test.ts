// bench/report.ts and the adaptive rounds (issue #14): bench-results.json carries every
// figure's spread, a figure whose spread crosses its target is "not proven" and never ok, and
// `npm run bench:repeat` calls a figure reproduced only when each run's median lies within every
// other run's spread. Inputs from fast-check (any samples, any target, any number of runs).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { compareRuns, report, reportRepeat, result, type BenchResult } from '../../bench/report';
import { figure, interleave, settled, spreadOf, type Target } from '../../bench/rounds';

const dir = mkdtempSync(join(tmpdir(), 'kaiji-bench-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = () => vi.spyOn(console, 'log').mockImplementation(() => undefined);

const samples = fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 });
const target: fc.Arbitrary<Target> = fc.oneof(
  fc.constant(null),
  fc.double({ min: 0.01, max: 1000, noNaN: true }).map((max) => ({ max })),
  fc.double({ min: 0.01, max: 1000, noNaN: true }).map((min) => ({ min })),
);

describe('bench-results.json', () => {
  it('every figure keeps its spread; a spread crossing the target is "not proven", never ok', () => {
    const log = quiet();
    fc.assert(
      fc.property(fc.array(fc.tuple(samples, target), { minLength: 1, maxLength: 6 }), (figures) => {
        const rows = figures.map(([s, t], i) => figure(`f${i}`, spreadOf(s), 'ratio', t));
        const file = join(dir, 'results.json');
        report(rows, file);
        const written = JSON.parse(readFileSync(file, 'utf8')) as BenchResult[];
        expect(written).toHaveLength(rows.length);
        for (const [i, r] of written.entries()) {
          const [s, t] = figures[i]!;
          expect(r.rounds).toBe(s.length);
          expect(r.min!).toBeLessThanOrEqual(r.value);
          expect(r.value).toBeLessThanOrEqual(r.max!);
          // The oracle: the target holds for every round, for none, or for some.
          const good = (v: number) => (t === null ? true : 'max' in t ? v <= t.max : v >= t.min);
          const all = s.every(good);
          const none = t !== null && !s.some(good);
          expect(r.status).toBe(t === null ? '-' : all ? 'ok' : none ? 'MISSED' : 'not proven');
          expect(r.ok).toBe(all);
          if (r.status === 'not proven') expect(r.ok).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
    log.mockRestore();
  });

  it('one-shot figures stay ok or MISSED by their value alone (no spread to cross)', () => {
    expect(result('size', 28.9, 'KB', 30)).toMatchObject({ ok: true, value: 28.9 });
    expect(result('size', 30.1, 'KB', 30).ok).toBe(false);
    expect(result('share', 0.99, 'share', 0.995, true).ok).toBe(false);
    expect(result('share', 0.996, 'share', 0.995, true)).toMatchObject({ ok: true, higherIsBetter: true });
  });
});

describe('repeated runs (npm run bench:repeat)', () => {
  /** One figure per run from its samples. */
  const runOf = (s: number[], t: Target = { max: 1.2 }, name = 'ratio'): BenchResult[] => [figure(name, spreadOf(s), 'x', t), result('bench: whole run took', 60, 's', null)];

  it('a figure reproduces when, and only when, each run\'s median lies within every other run\'s spread', () => {
    fc.assert(
      fc.property(fc.array(samples, { minLength: 2, maxLength: 4 }), (runs) => {
        const [f] = compareRuns(runs.map((s) => runOf(s)));
        const spreads = runs.map((s) => figure('x', spreadOf(s), 'x', null));
        const inside = spreads.every((a, i) => spreads.every((b, j) => i === j || (a.value >= b.min! && a.value <= b.max!)));
        expect(f!.reproduces).toBe(inside);
        expect(f!.outside.length === 0).toBe(inside);
        expect(f!.runs.map((r) => r.median)).toEqual(spreads.map((s) => s.value));
      }),
      { numRuns: 200 },
    );
  });

  it('names the run outside another run\'s spread, and ok only when every run proved the target', () => {
    const runs = [runOf([1.0, 1.05, 1.1]), runOf([1.02, 1.06, 1.08]), runOf([1.15, 1.18, 1.25])];
    const [f] = compareRuns(runs);
    expect(f!.reproduces).toBe(false);
    expect(f!.outside).toContainEqual({ run: 3, spreadOf: 1 });
    expect(f!.runs.map((r) => r.status)).toEqual(['ok', 'ok', 'not proven']);
    expect(f!.okEveryRun).toBe(false);
    const [g] = compareRuns([runOf([1.0, 1.1]), runOf([1.02, 1.08]), runOf([1.04, 1.06])]);
    expect(g).toMatchObject({ reproduces: true, okEveryRun: true, outside: [] });
  });

  it('only ratios must reproduce: an absolute time that moved between runs does not fail the comparison', () => {
    const log = quiet();
    const abs = (s: number[]) => [figure('page', spreadOf(s), 's/page', null), ...runOf([1.0, 1.05])];
    const file = join(dir, 'repeat-abs.json');
    const figures = reportRepeat([abs([0.9, 0.91]), abs([0.97, 0.98])], file);
    expect(figures.find((f) => f.name === 'page')).toMatchObject({ ratio: false, reproduces: false });
    expect(figures.find((f) => f.name === 'ratio')).toMatchObject({ ratio: true, reproduces: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ allRatiosReproduce: true });
    const moved = reportRepeat([runOf([1.0, 1.01]), runOf([1.1, 1.11])], file);
    expect(moved[0]).toMatchObject({ ratio: true, reproduces: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ allRatiosReproduce: false });
    log.mockRestore();
  });

  it('compares only figures with a spread present in every run, and writes the comparison', () => {
    const log = quiet();
    const runs = [[...runOf([1, 1.1]), figure('only here', spreadOf([5]), 'x', null)], runOf([1.05, 1.1])];
    const file = join(dir, 'repeat.json');
    const figures = reportRepeat(runs, file);
    expect(figures.map((f) => f.name)).toEqual(['ratio']);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { runs: number; allRatiosReproduce: boolean; durations: { name: string }[][] };
    expect(written).toMatchObject({ runs: 2, allRatiosReproduce: true, targetsMetEveryRun: true });
    expect(written.durations.map((d) => d.map((x) => x.name))).toEqual([['bench: whole run took'], ['bench: whole run took']]);
    expect(() => compareRuns([runOf([1])])).toThrow();
    log.mockRestore();
  });
});

describe('adaptive rounds', () => {
  it('stop at the rounds asked for when the figure is tight, go on to the maximum while it is wide', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 6 }), fc.array(fc.double({ min: 1, max: 3, noNaN: true }), { minLength: 10, maxLength: 10 }), async (min, extra, values) => {
        const max = min + extra;
        let calls = 0;
        const t = await interleave(
          { a: (r: number) => (calls++, values[r]!) },
          { rounds: min, until: { figure: (x) => spreadOf(x.a), tolerance: 0.1, maxRounds: max } },
        );
        expect(calls).toBe(t.a.length);
        expect(t.a.length).toBeGreaterThanOrEqual(min);
        expect(t.a.length).toBeLessThanOrEqual(max);
        // It stopped because the spread settled or the maximum was reached, and not before.
        const done = t.a.length === max || settled(spreadOf(t.a), 0.1);
        expect(done).toBe(true);
        for (let k = min; k < t.a.length; k++) expect(settled(spreadOf(t.a.slice(0, k)), 0.1)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
