// `npm run bench:repeat` (#14, "figures that reproduce"): the whole bench N times in a row
// (KAIJI_BENCH_REPEAT, default 3), each in a process of its own like `npm run bench`, then per
// figure measured in rounds the N medians and spreads and whether each median lies within the
// other runs' spreads; written to bench-results-repeat.json (each run's own results to
// bench-results-run<i>.json, the last also to bench-results.json). KAIJI_BENCH_ONLY applies.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { reportRepeat, type BenchResult } from './report';

const n = Number(process.env.KAIJI_BENCH_REPEAT ?? 3);
if (!Number.isInteger(n) || n < 2) throw new Error('KAIJI_BENCH_REPEAT must be 2 or more');
const runs: BenchResult[][] = [];
for (let i = 1; i <= n; i++) {
  const file = `bench-results-run${i}.json`;
  console.log(`\n=== bench run ${i} of ${n} ===\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts'], { stdio: 'inherit', env: { ...process.env, KAIJI_BENCH_RESULTS: file } });
  if (r.status !== 0) throw new Error(`bench run ${i} failed (exit ${r.status ?? r.signal})`);
  runs.push(JSON.parse(readFileSync(file, 'utf8')) as BenchResult[]);
  if (i === n) copyFileSync(file, 'bench-results.json');
}
console.log(`\n=== ${n} runs compared ===\n`);
reportRepeat(runs);
