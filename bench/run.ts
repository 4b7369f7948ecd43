// `npm run bench`: prints a table and writes bench-results.json
// ([{ name, value, unit, target, ok }]). Ratios are measured in one run, side by side.
// KAIJI_BENCH_ONLY=vault|ocr|intake|letters|today|reports runs one group.
import { benchFieldAccuracy, benchImportToReady } from './intake-bench';
import { benchLetters } from './letters';
import { benchOcr } from './ocr-bench';
import { benchToday } from './today';
import { benchReports } from './reports-bench';
import { report, type BenchResult } from './report';
import { benchCases, benchUnlock } from './vault-bench';

const only = process.env.KAIJI_BENCH_ONLY;
const results: BenchResult[] = [];
if (!only || only === 'vault') {
  results.push(await benchUnlock());
  results.push(...(await benchCases(Number(process.env.KAIJI_BENCH_CASES ?? 100_000))));
}
if (!only || only === 'ocr') results.push(...(await benchOcr()));
if (!only || only === 'intake') {
  results.push(await benchFieldAccuracy());
  results.push(await benchImportToReady());
}
if (!only || only === 'letters') results.push(...(await benchLetters()));
if (!only || only === 'today') {
  const n = Number(process.env.KAIJI_BENCH_CASES ?? 100_000);
  results.push(...(await benchToday(n, Math.round(n * 1.5))));
}
if (!only || only === 'reports') {
  const n = Number(process.env.KAIJI_BENCH_CASES ?? 100_000);
  results.push(...(await benchReports(n, Math.round(n * 1.5))));
}
report(results);
