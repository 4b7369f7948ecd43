import { writeFileSync } from 'node:fs';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Upper bound unless `higherIsBetter`; null when the figure is informational. */
  target: number | null;
  ok: boolean;
}

export function result(name: string, value: number, unit: string, target: number | null, higherIsBetter = false): BenchResult {
  const rounded = Math.round(value * 1000) / 1000;
  const ok = target === null || (higherIsBetter ? value >= target : value <= target);
  return { name, value: rounded, unit, target, ok };
}

export function report(results: BenchResult[], file = 'bench-results.json'): void {
  const rows = results.map((r) => [r.name, `${r.value} ${r.unit}`, r.target === null ? '-' : String(r.target), r.ok ? 'ok' : 'MISSED']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['benchmark', 'value', 'target', ''][i]!.length));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(['benchmark', 'value', 'target', '']));
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
