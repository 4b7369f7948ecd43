// The one way a benchmark figure is measured (issue #14): both sides of a ratio run INTERLEAVED
// in small rounds of the same run (A B, then B A, ...), so load from anything else on the machine
// weighs on both sides alike; each round gives one ratio; the figure is the median of the rounds,
// printed with its spread (min..max). A figure whose spread crosses its target is "not proven",
// never ok: one lucky round cannot pass a target, one unlucky round cannot fail it silently.
//
// Use `cpuTime` as a side's own measure when the work runs on this thread alone: other
// processes' load then barely moves it.
//
// Adding a group (tick accuracy, ID suggestions, ...):
//   const t = await interleave({ fast: () => a(), slow: () => b() }, { rounds: 7, warmup: 1 });
//   results.push(figure('a / b', ratios(t.fast, t.slow), 'ratio', { max: 1.2 }));
// A single-sided figure (ms per thing): `figure('x', await rounds(7, () => timeOne()), 'ms', { max: 15 })`.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchResult } from './report';

export type Status = 'ok' | 'MISSED' | 'not proven' | '-';

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Every round's value, in run order (kept in bench-results.json to look back at). */
  samples: number[];
}

/**
 * A side's work for one round (or one slice of it). Return a number to report your own measure
 * (CPU ms, a count...); otherwise its wall time in ms is used.
 */
export type RoundFn = (round: number) => unknown;

const now = () => performance.now();

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function medianOf(values: readonly number[]): number {
  if (values.length === 0) throw new Error('medianOf: no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function spreadOf(samples: readonly number[]): Spread {
  return { median: medianOf(samples), min: Math.min(...samples), max: Math.max(...samples), samples: [...samples] };
}

async function measure(fn: RoundFn, round: number): Promise<number> {
  const t = now();
  const own = await fn(round);
  const wall = now() - t;
  return typeof own === 'number' ? own : wall;
}

/**
 * Runs every side once per round, in an order that rotates each round (A B C, B C A, ...),
 * and returns each side's per-round measures. `warmup` rounds run the same way first and are
 * thrown away (JIT, caches, worker start). With `slices`, a round is that many small turns per
 * side, alternating (A B A B ... then B A B A ...): the round's measure is their sum, so both
 * sides sample the machine's load many times per round and the round's ratio stays steady.
 * The side is then called with the step index `round * slices + slice` (negative in warm-up).
 * With `gc`, a full garbage collection runs before every turn (untimed).
 */
export async function interleave<K extends string>(
  sides: Record<K, RoundFn>,
  options: { rounds: number; warmup?: number; slices?: number; gc?: boolean; until?: Until<K> },
): Promise<Record<K, number[]>> {
  const names = Object.keys(sides) as K[];
  if (names.length === 0 || options.rounds < 1) throw new Error('interleave: need sides and at least one round');
  const out = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  const warmup = options.warmup ?? 0;
  const slices = Math.max(1, options.slices ?? 1);
  const { until } = options;
  for (let r = 0; r < warmup + options.rounds || (until && r < warmup + until.maxRounds && !settled(until.figure(out), until.tolerance)); r++) {
    const sum = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
    for (let s = 0; s < slices; s++) {
      for (const name of roundOrder(names, r + s)) {
        // Garbage left by one side is collected before the next turn, not during it.
        if (options.gc) collectGarbage();
        sum[name] += await measure(sides[name], (r - warmup) * slices + s);
      }
    }
    if (r >= warmup) for (const name of names) out[name].push(sum[name]);
  }
  return out;
}

/**
 * Adaptive rounds: after the `rounds` asked for, more rounds (up to `maxRounds`) while the
 * figure's spread is wider than `tolerance` (a share of its median). More rounds never narrow a
 * spread (min and max only move out), but they steady the median, which is what must
 * reproduce from run to run (#14); a figure already tight stops at the minimum and the bench
 * ends sooner.
 */
export interface Until<K extends string> {
  /** The figure the rounds are for, from every side's measures so far. */
  figure: (t: Record<K, number[]>) => Spread;
  tolerance: number;
  maxRounds: number;
}

/** Whether a spread is within `tolerance` of its median ((max - min) / |median|). */
export function settled(s: Pick<Spread, 'median' | 'min' | 'max'>, tolerance: number): boolean {
  return s.max - s.min <= tolerance * Math.abs(s.median);
}

/** The order sides run in round `r`: rotated by r (A B, B A, ... for two sides), so no side always goes first. */
export function roundOrder<T>(names: readonly T[], r: number): T[] {
  const k = ((r % names.length) + names.length) % names.length;
  return [...names.slice(k), ...names.slice(0, k)];
}

/** Single-sided rounds: `fn` run `n` times (after `warmup` throwaway runs). */
export async function rounds(n: number, fn: RoundFn, warmup = 0): Promise<Spread> {
  return spreadOf((await interleave({ only: fn }, { rounds: n, warmup })).only);
}

/** Per-round ratios num[i] / den[i] (same round, so the same load on both). */
export function ratios(num: readonly number[], den: readonly number[]): Spread {
  if (num.length !== den.length || num.length === 0) throw new Error('ratios: sides need the same, non-zero number of rounds');
  return spreadOf(num.map((v, i) => v / den[i]!));
}

/** Per-round combination of several sides' measures, e.g. (one/pool) / (oneThread/twoThreads). */
export function combine<K extends string>(t: Record<K, readonly number[]>, f: (round: Record<K, number>) => number): Spread {
  const names = Object.keys(t) as K[];
  const n = t[names[0]!].length;
  return spreadOf(Array.from({ length: n }, (_, i) => f(Object.fromEntries(names.map((k) => [k, t[k][i]!])) as Record<K, number>)));
}

/** "At most" or "at least"; null for an informational figure. */
export type Target = { max: number } | { min: number } | null;

/** Where a spread lies against its bound: all of it inside → ok, all outside → MISSED, across → not proven. */
export function statusOf(s: Pick<Spread, 'min' | 'max'>, target: Target): Status {
  if (!target) return '-';
  const good = (v: number) => ('max' in target ? v <= target.max : v >= target.min);
  if (good(s.min) && good(s.max)) return 'ok';
  if (!good(s.min) && !good(s.max)) return 'MISSED';
  return 'not proven';
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** A figure with its spread, as a BenchResult row (target: { max } for "at most", { min } for "at least"). */
export function figure(name: string, s: Spread, unit: string, target: Target = null): BenchResult {
  const status = statusOf(s, target);
  return {
    name,
    value: round3(s.median),
    unit,
    target: target === null ? null : 'max' in target ? target.max : target.min,
    ...(target !== null && 'min' in target ? { higherIsBetter: true } : {}),
    ok: status === 'ok' || status === '-',
    status,
    min: round3(s.min),
    max: round3(s.max),
    rounds: s.samples.length,
    samples: s.samples.map(round3),
  };
}

/** Runs `fn` and returns the CPU time (user + system, ms) this process spent meanwhile. */
export async function cpuTime(fn: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

let gcFn: (() => void) | undefined;
/** A full garbage collection now (V8's gc, exposed at run time: no node flag needed). */
export function collectGarbage(): void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
}
