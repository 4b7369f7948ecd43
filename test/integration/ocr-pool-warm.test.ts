// Workers kept warm (#14): once the pool's reading workers and its OSD worker are started, any
// mix of orientation and reading jobs is served without starting or re-initialising a worker
// (a jpn+eng model load costs ~1 s). Seen on the messages the pool posts to the real tesseract.js
// threads.
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { OcrPool } from '../../electron/services/ocr';
import { APPLICATION_LINES, drawPage } from '../helpers/ocr-pages';

const ZONE = { rectangle: { left: 100, top: 290, width: 600, height: 70 } };
// The fee's digits (手数料 定額小為替 1,000円), read like a form's digit field: the eng model on
// the pool's zone worker, digits only, one line.
const DIGITS = { rectangle: { left: 414, top: 930, width: 101, height: 60 }, zone: { model: 'eng', singleLine: true, whitelist: '0123456789,' } } as const;
// A name zone read again by the legacy classifier (ZoneModel 'jpn-legacy'), on its own warm worker.
const LEGACY = { rectangle: ZONE.rectangle, zone: { model: 'jpn-legacy' } } as const;
const page = drawPage([...APPLICATION_LINES]);

/** Every action the main thread posts to a worker thread while `f` runs. */
async function actionsDuring(f: () => Promise<unknown>): Promise<string[]> {
  const log: string[] = [];
  const original = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const action = (message as { action?: string } | null)?.action;
    if (action) log.push(action);
    return (original as (...a: unknown[]) => void).call(this, message, ...rest);
  };
  try {
    await f();
  } finally {
    Worker.prototype.postMessage = original;
  }
  return log;
}

describe('OcrPool keeps its workers warm', () => {
  const pool = new OcrPool({ size: 2 });
  afterAll(() => pool.terminate());

  it('any mix of OSD, reading and digit-zone jobs, at any concurrency: no worker started or re-initialised once warm', async () => {
    const small = await sharp(page).rotate(90).png().toBuffer(); // lying sideways: OSD says turn 270
    // Two reading workers, the OSD worker, the zone worker and the legacy zone worker started.
    const warm = await actionsDuring(() =>
      Promise.all([pool.recognize(page, ZONE), pool.recognize(page, ZONE), pool.detectOrientation(small), pool.recognize(page, DIGITS), pool.recognize(page, LEGACY)]),
    );
    expect(warm).toContain('load');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('osd', 'read', 'digits', 'legacy'), { minLength: 1, maxLength: 6 }), async (mix) => {
        const results: unknown[] = [];
        const actions = await actionsDuring(async () => {
          results.push(...(await Promise.all(mix.map((k) => (k === 'osd' ? pool.detectOrientation(small) : pool.recognize(page, k === 'digits' ? DIGITS : k === 'legacy' ? LEGACY : ZONE))))));
        });
        // Only jobs went to the threads: no load, loadLanguage, initialize or reinitialize.
        expect([...new Set(actions)].sort()).toEqual([...new Set(mix.map((k) => (k === 'osd' ? 'detect' : 'recognize')))].sort());
        mix.forEach((k, i) => {
          if (k === 'osd') expect(results[i]).toMatchObject({ degrees: 270 });
          else if (k === 'digits') expect(results[i]).toMatchObject({ text: '1,000' });
          else if (k === 'legacy') expect((results[i] as { text: string }).text).toContain('山田');
          else expect(results[i]).toMatchObject({ text: '氏名\u3000山田太郎' });
        });
      }),
      { numRuns: 6 },
    );
  });
});
