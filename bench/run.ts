// `npm run bench`: prints a table and writes bench-results.json
// ([{ name, value, unit, target, ok, status, min, max, ... }]). Every ratio is measured in
// interleaved rounds of one run, median and spread (bench/rounds.ts).
// KAIJI_BENCH_ONLY=vault|ocr|intake|letters|today|backup|pagebytes|idcopies|marks|orientation|reports|channels|office runs
// one group (or several, comma-separated; pagebytes runs only when named). KAIJI_BENCH_RESULTS names the results file.
// Each group's duration is printed and kept ("bench: <group> took"), and the whole run's.
// `npm run bench:repeat` runs it three times in a row and compares the runs (bench/repeat.ts).
import { benchFieldAccuracy, benchImportToReady } from './intake-bench';
import { benchLetters } from './letters';
import { benchIdSuggestions } from './id-suggestions';
import { benchMarks, benchOrientation } from './marks-bench';
import { benchOcr } from './ocr-bench';
import { benchToday } from './today';
import { benchReports } from './reports-bench';
import { report, result, type BenchResult } from './report';
import { benchCases, benchUnlock } from './vault-bench';
import { benchBackup, benchPageBytes } from './backup-bench';
import { benchChannels } from './channels';
import { benchOffice } from './office-bench';
import { closeYearsVaults } from './years-vault';

const only = process.env.KAIJI_BENCH_ONLY?.split(',').map((g) => g.trim());
const wanted = (...groups: string[]) => !only || groups.some((g) => only.includes(g));
const results: BenchResult[] = [];
const durations: BenchResult[] = [];
const cases = Number(process.env.KAIJI_BENCH_CASES ?? 100_000);

async function group(name: string, run: () => Promise<BenchResult[]>): Promise<void> {
  const t = performance.now();
  results.push(...(await run()));
  durations.push(result(`bench: ${name} took`, (performance.now() - t) / 1000, 's', null));
}

const started = performance.now();
try {
  if (wanted('vault')) await group('vault', async () => [await benchUnlock(), ...(await benchCases(cases))]);
  if (wanted('ocr')) await group('ocr', benchOcr);
  if (wanted('intake')) await group('intake', async () => [await benchFieldAccuracy(), await benchImportToReady()]);
  if (wanted('letters')) await group('letters', benchLetters);
  // Today and reports read one vault of years, filled once (bench/years-vault.ts).
  if (wanted('today')) await group('today', () => benchToday(cases, Math.round(cases * 1.5)));
  if (wanted('backup')) await group('backup', benchBackup);
  if (only?.includes('pagebytes')) await group('pagebytes', benchPageBytes);
  if (wanted('idcopies')) await group('idcopies', benchIdSuggestions);
  if (wanted('marks', 'orientation')) await group('orientation', benchOrientation);
  if (wanted('marks')) await group('marks', benchMarks);
  if (wanted('reports')) await group('reports', () => benchReports(cases, Math.round(cases * 1.5)));
  if (wanted('channels')) await group('channels', () => benchChannels(Number(process.env.KAIJI_BENCH_CHANNEL_CASES ?? 10_000)));
  // Last: it adds scanned pages to the shared vault of years and moves it into PostgreSQL (#16).
  if (wanted('office')) await group('office', () => benchOffice(cases, Math.round(cases * 1.5)));
} finally {
  await closeYearsVaults();
}
durations.push(result('bench: whole run took', (performance.now() - started) / 1000, 's', null));
report([...results, ...durations], process.env.KAIJI_BENCH_RESULTS ?? 'bench-results.json');
