// OCR: tesseract.js (WebAssembly, one worker per core) against the native tesseract CLI on the
// same page, and the pool against one worker and against a plain-JS control, every ratio in
// interleaved rounds of one run (bench/rounds.ts).
// Pages are drawn in memory (test/helpers/ocr-pages.ts); the CLI reads the PNG from stdin.
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { availableParallelism, loadavg } from 'node:os';
import { OcrPool } from '../electron/services/ocr';
import { normaliseOcrText } from '../shared/domain/ocr-text';
import { drawBenchPage } from '../test/helpers/ocr-pages';
import { median, result, type BenchResult } from './report';
import { combine, figure, interleave, ratios, spreadOf } from './rounds';

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function time<T>(f: () => Promise<T> | T): Promise<number> {
  const start = process.hrtime.bigint();
  await f();
  return seconds(start);
}

/** The CLI's version line, or null when tesseract or its jpn data is not installed. */
function cliVersion(): string | null {
  const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (langs.error || !/^jpn$/m.test(langs.stdout ?? '')) return null;
  return spawnSync('tesseract', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? 'tesseract';
}

function cliRecognize(png: Buffer): string {
  // One thread, like one tesseract.js worker; LSTM engine like ours.
  const r = spawnSync('tesseract', ['stdin', 'stdout', '-l', 'jpn+eng', '--oem', '1'], {
    input: png,
    encoding: 'utf8',
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  if (r.status !== 0) throw new Error(`tesseract CLI failed: ${r.stderr}`);
  return r.stdout;
}

/** Starts every worker of the pool (a field-sized job each): batches then measure recognition, not start-up. */
async function warmPool(pool: OcrPool): Promise<void> {
  const warm = drawBenchPage(99);
  await Promise.all(Array.from({ length: pool.size }, () => pool.recognize(warm, { rectangle: { left: 100, top: 130, width: 600, height: 60 } })));
}

/**
 * Control for the pool figure: `n` threads kept warm (like the pool's workers), each given the
 * same busy loop per turn. How much faster n threads finish n loops than one thread finishes
 * one is what this machine's cores give right now (near n when they are idle).
 */
class ControlThreads {
  private readonly threads: Worker[];
  constructor(n: number) {
    const code = "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (n) => { let x = 0; for (let i = 0; i < n; i++) x += i; parentPort.postMessage(x); });";
    this.threads = Array.from({ length: n }, () => new Worker(code, { eval: true }));
  }
  /** Runs `iterations` on each of the first `n` threads at once. */
  run(n: number, iterations: number): Promise<unknown[]> {
    return Promise.all(this.threads.slice(0, n).map((t) => new Promise((done) => { t.once('message', done); t.postMessage(iterations); })));
  }
  terminate(): Promise<unknown> {
    return Promise.all(this.threads.map((t) => t.terminate()));
  }
}

export async function benchOcr(): Promise<BenchResult[]> {
  // Other processes on the cores bend both ratios: keep the load next to them.
  const results: BenchResult[] = [result('ocr: 1-min load average at start', loadavg()[0]!, 'procs', null)];
  const page = drawBenchPage(0);
  const runs = 3;

  const single = new OcrPool({ size: 1 });
  results.push(result('ocr: worker start (jpn+eng) + first page', await time(() => single.recognize(page)), 's', null));
  const js: number[] = [];
  for (let i = 0; i < runs; i += 1) js.push(await time(() => single.recognize(page)));
  const jsPage = median(js);
  if (!normaliseOcrText((await single.recognize(page)).text).includes('山田太郎')) throw new Error('tesseract.js misread the bench page');

  const version = cliVersion();
  if (version) {
    cliRecognize(page); // page cache warm, like the warm worker
    if (!normaliseOcrText(cliRecognize(page)).includes('山田太郎')) throw new Error('tesseract CLI misread the bench page');
    // Same page, the two engines in interleaved rounds.
    const minRounds = Number(process.env.KAIJI_BENCH_ROUNDS ?? 5);
    const t = await interleave(
      { js: () => time(() => single.recognize(page)), cli: () => time(() => cliRecognize(page)) },
      // 3 rounds, more (up to 7) while the ratio's spread is over 10 % of its median (rounds.ts).
      { rounds: minRounds, until: { figure: (x) => ratios(x.js, x.cli), tolerance: 0.1, maxRounds: Math.max(minRounds, 7) } },
    );
    results.push(figure('ocr: page (jpn+eng), tesseract.js warm worker', spreadOf(t.js), 's'));
    results.push(figure(`ocr: page (jpn+eng), ${version} CLI, 1 thread (incl. process start)`, spreadOf(t.cli), 's'));
    results.push(figure('ocr: page time tesseract.js / native CLI', ratios(t.js, t.cli), 'ratio', { max: 1.2 }));
    // How much of the CLI figure is process start and model loading (a warm worker has none).
    const blank = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } }).png().toBuffer();
    const start: number[] = [];
    for (let i = 0; i < runs; i += 1) start.push(await time(() => cliRecognize(blank)));
    results.push(result('ocr: native CLI start-up + model load (blank 64x64 image)', median(start), 's', null));
  } else {
    results.push(result('ocr: page (jpn+eng), tesseract.js warm worker (tesseract CLI missing: no ratio)', jsPage, 's', null));
  }

  await single.terminate();

  // The pool against one worker, and the control threads, in interleaved rounds: each round
  // runs all four sides (rotating who goes first), so each round's figures share its load.
  const pool = new OcrPool();
  const one = new OcrPool({ size: 1 });
  await Promise.all([warmPool(pool), warmPool(one)]);
  const control = new ControlThreads(pool.size);
  await control.run(pool.size, 1e7); // threads started and JIT-warm
  // A control turn about as long as one page on one worker, so both sample the same load.
  const probe = await time(() => control.run(1, 5e7));
  const iterations = Math.max(1e7, Math.round((5e7 * jsPage) / probe));
  // Each round: `slices` short turns per side, alternating (bench/rounds.ts), so the four sides
  // sample the machine's load many times per round; a warm-up round first (a worker's first full
  // pages are slower). A turn is `perSlice` pages on one worker, `pool.size` times as many on the pool.
  const perSlice = pool.size;
  const slices = 2;
  let next = 1;
  const pages = (k: number) => Array.from({ length: k }, () => drawBenchPage(next++));
  const t = await interleave(
    {
      one: async () => { const p = pages(perSlice); return time(() => Promise.all(p.map((x) => one.recognize(x)))); },
      pool: async () => { const p = pages(perSlice * pool.size); return time(() => Promise.all(p.map((x) => pool.recognize(x)))); },
      // A control turn as long as an OCR turn (perSlice pages on one worker).
      control1: () => time(() => control.run(1, iterations * perSlice)),
      controlN: () => time(() => control.run(pool.size, iterations * perSlice)),
    },
    {
      rounds: Number(process.env.KAIJI_BENCH_ROUNDS ?? 7),
      warmup: 1,
      slices,
      // More rounds (up to 7) while the pool/control share's spread is over 10 % of its median.
      until: { figure: (x) => combine(x, (r) => (pool.size * r.one) / r.pool / ((pool.size * r.control1) / r.controlN)), tolerance: 0.1, maxRounds: Math.max(Number(process.env.KAIJI_BENCH_ROUNDS ?? 5), 7) },
    },
  );
  await Promise.all([pool.terminate(), one.terminate(), control.terminate()]);
  const perRound = perSlice * slices; // pages per round on one worker
  // Per round: pages per second on the pool over pages per second on one worker.
  const poolSpeedup = combine(t, (r) => (pool.size * r.one) / r.pool);
  const controlSpeedup = combine(t, (r) => (pool.size * r.control1) / r.controlN);
  results.push(figure(`ocr: s/page, 1 worker (${perRound} pages per round)`, combine(t, (r) => r.one / perRound), 's/page'));
  results.push(figure(`ocr: s/page, pool of ${pool.size} (${availableParallelism()} cores, ${perRound * pool.size} pages per round)`, combine(t, (r) => r.pool / (perRound * pool.size)), 's/page'));
  results.push(figure(`ocr: speed-up, pool of ${pool.size} vs 1 worker`, poolSpeedup, 'x'));
  results.push(figure(`ocr: control, plain JS loop speed-up on ${pool.size} threads vs 1 (same rounds)`, controlSpeedup, 'x'));
  results.push(figure('ocr: pool speed-up / control speed-up, per round', combine(t, (r) => (pool.size * r.one) / r.pool / ((pool.size * r.control1) / r.controlN)), 'share', { min: 0.95 }));
  results.push(result('ocr: 1-min load average at end', loadavg()[0]!, 'procs', null));
  return results;
}
