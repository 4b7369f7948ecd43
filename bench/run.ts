// `npm run bench`: prints a table and writes bench-results.json
// ([{ name, value, unit, target, ok, status, min, max, ... }]). Every ratio is measured in
// interleaved rounds of one run, median and spread (bench/rounds.ts).
// KAIJI_BENCH_ONLY=vault|ocr|intake|letters|today|backup|pagebytes|idcopies|marks|orientation|reports|channels runs one group.
import { benchFieldAccuracy, benchImportToReady } from './intake-bench';
import { benchLetters } from './letters';
import { benchIdSuggestions } from './id-suggestions';
import { benchMarks, benchOrientation } from './marks-bench';
import { benchOcr } from './ocr-bench';
import { benchToday } from './today';
import { benchReports } from './reports-bench';
import { report, type BenchResult } from './report';
import { benchCases, benchUnlock } from './vault-bench';
import { benchBackup, benchPageBytes } from './backup-bench';
import { benchChannels } from './channels';

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
if (!only || only === 'backup') results.push(...(await benchBackup()));
if (only === 'pagebytes') results.push(...(await benchPageBytes()));
if (!only || only === 'idcopies') results.push(...(await benchIdSuggestions()));
if (!only || only === 'marks' || only === 'orientation') results.push(...(await benchOrientation()));
if (!only || only === 'marks') results.push(...(await benchMarks()));
if (!only || only === 'reports') {
  const n = Number(process.env.KAIJI_BENCH_CASES ?? 100_000);
  results.push(...(await benchReports(n, Math.round(n * 1.5))));
}
if (!only || only === 'channels') results.push(...(await benchChannels(Number(process.env.KAIJI_BENCH_CHANNEL_CASES ?? 10_000))));
report(results);
