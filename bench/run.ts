// `npm run bench`: prints a table and writes bench-results.json
// ([{ name, value, unit, target, ok }]). Ratios are measured in one run, side by side.
import { report, type BenchResult } from './report';
import { benchCases, benchUnlock } from './vault-bench';

const results: BenchResult[] = [];
results.push(await benchUnlock());
results.push(...(await benchCases(Number(process.env.KAIJI_BENCH_CASES ?? 100_000))));
report(results);
