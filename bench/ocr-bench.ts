// OCR: tesseract.js (WebAssembly, one worker per core) against the native tesseract CLI on the
// same page, side by side in one run; and a 20-page batch on the pool against one worker.
// Pages are drawn in memory (test/helpers/ocr-pages.ts); the CLI reads the PNG from stdin.
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { availableParallelism, loadavg } from 'node:os';
import { OcrPool } from '../electron/services/ocr';
import { normaliseOcrText } from '../shared/domain/ocr-text';
import { drawBenchPage } from '../test/helpers/ocr-pages';
import { median, result, type BenchResult } from './report';

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

async function batchSeconds(pool: OcrPool, pages: Buffer[]): Promise<number> {
  // Start every worker first: the batch measures recognition, not worker start-up.
  const warm = drawBenchPage(99);
  await Promise.all(Array.from({ length: pool.size }, () => pool.recognize(warm, { rectangle: { left: 100, top: 130, width: 600, height: 60 } })));
  return time(() => Promise.all(pages.map((p) => pool.recognize(p))));
}

/**
 * Control for the pool figure: how much faster `threads` busy loops finish their work than one
 * thread on this machine right now (near `threads` when the cores are idle).
 */
async function threadSpeedup(threads: number): Promise<number> {
  const code = "let x = 0; for (let i = 0; i < 3e8; i++) x += i; require('node:worker_threads').parentPort.postMessage(x);";
  const run = (n: number) => time(() => Promise.all(Array.from({ length: n }, () => new Promise((done) => new Worker(code, { eval: true }).once('message', done)))));
  const one = await run(1);
  return (one * threads) / (await run(threads));
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
    const cli: number[] = [];
    for (let i = 0; i < runs; i += 1) cli.push(await time(() => cliRecognize(page)));
    const cliPage = median(cli);
    if (!normaliseOcrText(cliRecognize(page)).includes('山田太郎')) throw new Error('tesseract CLI misread the bench page');
    results.push(result('ocr: page (jpn+eng), tesseract.js warm worker', jsPage, 's', null));
    results.push(result(`ocr: page (jpn+eng), ${version} CLI, 1 thread (incl. process start)`, cliPage, 's', null));
    results.push(result('ocr: page time tesseract.js / native CLI', jsPage / cliPage, 'ratio', 1.2));
    // How much of the CLI figure is process start and model loading (a warm worker has none).
    const blank = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } }).png().toBuffer();
    const start: number[] = [];
    for (let i = 0; i < runs; i += 1) start.push(await time(() => cliRecognize(blank)));
    results.push(result('ocr: native CLI start-up + model load (blank 64x64 image)', median(start), 's', null));
  } else {
    results.push(result('ocr: page (jpn+eng), tesseract.js warm worker (tesseract CLI missing: no ratio)', jsPage, 's', null));
  }

  const pages = Array.from({ length: 20 }, (_, i) => drawBenchPage(i + 1));
  const one = await batchSeconds(single, pages);
  await single.terminate();
  const pool = new OcrPool();
  const many = await batchSeconds(pool, pages);
  await pool.terminate();
  results.push(result(`ocr: 20 pages, 1 worker`, one / 20, 's/page', null));
  results.push(result(`ocr: 20 pages, pool of ${pool.size} (${availableParallelism()} cores)`, many / 20, 's/page', null));
  results.push(result(`ocr: 20 pages speed-up, pool of ${pool.size} vs 1 worker`, one / many, 'x', 1.7, true));
  results.push(result(`ocr: control, plain JS loop speed-up on ${pool.size} threads vs 1`, await threadSpeedup(pool.size), 'x', null));
  return results;
}
