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
