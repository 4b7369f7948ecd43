import { writeFileSync } from 'node:fs';

export interface BenchResult {
  name: string;
  /** The median of the rounds for a figure measured in rounds (bench/rounds.ts). */
  value: number;
  unit: string;
  /** Upper bound unless `higherIsBetter`; null when the figure is informational. */
  target: number | null;
  higherIsBetter?: boolean;
  /** True only when the whole spread meets the target (or there is none). */
  ok: boolean;
  /** 'not proven': the spread crosses the target. Absent on one-shot figures (ok says it all). */
  status?: 'ok' | 'MISSED' | 'not proven' | '-';
  /** Spread over the rounds (bench/rounds.ts). */
  min?: number;
  max?: number;
  rounds?: number;
  samples?: number[];
}

/** A one-shot figure (no rounds, no spread): fine for information, not for a ratio. */
export function result(name: string, value: number, unit: string, target: number | null, higherIsBetter = false): BenchResult {
  const rounded = Math.round(value * 1000) / 1000;
  const ok = target === null || (higherIsBetter ? value >= target : value <= target);
  return { name, value: rounded, unit, target, ...(higherIsBetter ? { higherIsBetter } : {}), ok };
}

function statusCell(r: BenchResult): string {
  if (r.status) return r.status === '-' ? '' : r.status;
  return r.target === null ? '' : r.ok ? 'ok' : 'MISSED';
}

export function report(results: BenchResult[], file = 'bench-results.json'): void {
  const rows = results.map((r) => [
    r.name,
    `${r.value} ${r.unit}`,
    r.min === undefined ? '' : `${r.min}..${r.max} (${r.rounds})`,
    r.target === null ? '-' : `${r.higherIsBetter ? '≥' : '≤'} ${r.target}`,
    statusCell(r),
  ]);
  const head = ['benchmark', 'median / value', 'spread (rounds)', 'target', ''];
  const widths = head.map((h, i) => Math.max(...rows.map((r) => r[i]!.length), h.length));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${file}`);
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (samples: number[]) => percentile(samples, 50);

/** One figure across repeated runs of the whole bench (`npm run bench:repeat`, #14). */
export interface Reproduction {
  name: string;
  unit: string;
  target: number | null;
  higherIsBetter?: boolean;
  /** Each run's median, spread and status, in run order. */
  runs: { median: number; min: number; max: number; status: string }[];
  /** Every run's median lies within every other run's spread (min..max): the issue's test. */
  reproduces: boolean;
  /** A ratio of two sides measured interleaved (units ratio, x, share): what must reproduce. */
  ratio: boolean;
  /** Which run's median fell outside which other run's spread (1-based). */
  outside: { run: number; spreadOf: number }[];
  /** The target met by the whole spread in every run. */
  okEveryRun: boolean;
}

/** Units of a ratio of two interleaved sides: what issue #14 asks to reproduce run to run. */
export const RATIO_UNITS: ReadonlySet<string> = new Set(['ratio', 'x', 'share']);

/**
 * Compares repeated runs: for every figure measured in rounds (with a spread) and present in
 * every run, whether each run's median lies within each other run's spread. Only ratios must
 * reproduce (issue #14: "every ratio's median within its spread of the other runs"): both of
 * their sides ran in the same rounds, so the machine's state cancels out. An absolute time
 * (s/page, ms per unlock) moves with the machine between runs (CPU clocks, page cache) and is
 * compared for information only.
 */
export function compareRuns(runs: readonly (readonly BenchResult[])[]): Reproduction[] {
  if (runs.length < 2) throw new Error('compareRuns: need at least two runs');
  const byName = runs.map((r) => new Map(r.filter((x) => x.min !== undefined && x.max !== undefined).map((x) => [x.name, x])));
  const names = [...byName[0]!.keys()].filter((n) => byName.every((m) => m.has(n)));
  return names.map((name) => {
    const rows = byName.map((m) => m.get(name)!);
    const outside: { run: number; spreadOf: number }[] = [];
    rows.forEach((a, i) =>
      rows.forEach((b, j) => {
        if (i !== j && (a.value < b.min! || a.value > b.max!)) outside.push({ run: i + 1, spreadOf: j + 1 });
      }),
    );
    const first = rows[0]!;
    return {
      name,
      unit: first.unit,
      target: first.target,
      ...(first.higherIsBetter ? { higherIsBetter: true } : {}),
      runs: rows.map((r) => ({ median: r.value, min: r.min!, max: r.max!, status: r.status ?? (r.ok ? 'ok' : 'MISSED') })),
      reproduces: outside.length === 0,
      ratio: RATIO_UNITS.has(first.unit),
      outside,
      okEveryRun: rows.every((r) => r.ok && (r.status === undefined || r.status === 'ok' || r.status === '-')),
    };
  });
}

/** Prints the comparison and writes it (with every run's durations) to `file`. */
export function reportRepeat(runs: readonly (readonly BenchResult[])[], file = 'bench-results-repeat.json'): Reproduction[] {
  const figures = compareRuns(runs);
  const rows = figures.map((f) => [
    f.name,
    f.runs.map((r) => `${r.median} [${r.min}..${r.max}]`).join('  '),
    f.target === null ? '-' : `${f.higherIsBetter ? '≥' : '≤'} ${f.target}`,
    f.runs.map((r) => (r.status === '-' ? '' : r.status)).join(' / '),
    f.reproduces ? 'reproduces' : `${f.ratio ? 'NOT REPRODUCED' : 'moved (absolute, information)'} (${f.outside.map((o) => `run ${o.run} outside run ${o.spreadOf}`).join(', ')})`,
  ]);
  const head = ['benchmark', `medians [spread] of ${runs.length} runs`, 'target', 'status per run', ''];
  const widths = head.map((h, i) => Math.max(...rows.map((r) => r[i]!.length), h.length));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  const durations = runs.map((r) => r.filter((x) => x.name.startsWith('bench: ')).map(({ name, value, unit }) => ({ name, value, unit })));
  const ratios = figures.filter((f) => f.ratio);
  const allRatiosReproduce = ratios.every((f) => f.reproduces);
  const targetsMet = figures.filter((f) => f.target !== null).every((f) => f.okEveryRun);
  writeFileSync(file, `${JSON.stringify({ runs: runs.length, allRatiosReproduce, targetsMetEveryRun: targetsMet, figures, durations }, null, 2)}\n`);
  console.log(
    `\n${ratios.filter((f) => f.reproduces).length} of ${ratios.length} ratios reproduce (${figures.filter((f) => !f.ratio && f.reproduces).length} of ${figures.length - ratios.length} absolute figures too); ` +
      `targets met in every run: ${targetsMet ? 'yes' : 'no'}; written to ${file}`,
  );
  return figures;
}
