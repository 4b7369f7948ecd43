import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIELD_NAMES } from '../shared/domain/application-form';
import { KaijiCore } from '../electron/services/core/kaiji-core';
import { demoPeople } from '../electron/services/demo/demo-people';
import {
  comparableValue,
  expectedFieldValue,
  formValuesFor,
  idCopyScan,
  moneyOrderScan,
  scannedForm,
} from '../electron/services/demo/demo-scans';
import { OcrPool } from '../electron/services/ocr';
import { createScanPipeline } from '../electron/services/pages/scan-pipeline';
import { result, type BenchResult } from './report';

/** Share of form fields read exactly right from generated filled forms, with noise and ±2° skew. */
export async function benchFieldAccuracy(forms = 6): Promise<BenchResult> {
  const pool = new OcrPool();
  const pipeline = createScanPipeline(pool);
  const people = demoPeople(forms, 99);
  const skews = [-2, 2, -1.2, 1.2, -0.5, 0.6];
  let right = 0;
  let total = 0;
  for (const [i, person] of people.entries()) {
    const values = formValuesFor(person, i + 1, '2026-11-20');
    const scan = await scannedForm(values, { rotate: skews[i % skews.length]!, seed: i + 1 });
    const [page] = await pipeline.process(scan, `form-${i}.jpg`);
    const read = new Map((page?.formFields ?? []).map((f) => [f.field, f.value]));
    for (const name of FIELD_NAMES) {
      total++;
      if (comparableValue(read.get(name) ?? '') === comparableValue(expectedFieldValue(values, name))) right++;
    }
  }
  await pool.terminate();
  return result(`form fields read exactly right (${forms} forms, noise, ±2°)`, right / total, 'share', 0.97, true);
}

/** From "import" to a case ready for review: a 3-page application (form, ID copy, money order). */
export async function benchImportToReady(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kaiji-bench-intake-'));
  const core = new KaijiCore({ dataDir: dir, mode: 'web' });
  try {
    await core.setup({ companyName: 'Bench', adminName: 'Bench', adminLogin: 'bench', passphrase: 'benchmark passphrase' });
    const s = core.requireSession();
    const [person] = demoPeople(1, 5);
    const application = async (seed: number) => [
      { name: 'form.jpg', bytes: await scannedForm(formValuesFor(person!, 1, '2026-11-20'), { rotate: 1, seed }) },
      { name: 'license.jpg', bytes: await idCopyScan(person!, 'license', '2028-05-01', seed) },
      { name: 'order.jpg', bytes: await moneyOrderScan({ certificateNo: 'AB 12-345678', faceValue: 1000, issuedOn: '2026-11-01', office: '新宿' }, seed) },
    ];
    // Workers start once per app run; the figure is for a desk that is already working.
    await core.ocrPool().recognize((await application(0))[1]!.bytes);
    const samples: number[] = [];
    for (let i = 1; i <= 2; i++) {
      const files = await application(i); // new noise each time: not a duplicate of the last import
      const logged = await s.ws.envelopes.log(s.actor, { arrivedOn: '2026-11-20', delivery: 'futsu', redMarking: true, senderName: '', senderAddress: '', note: '', applications: 1 });
      const started = performance.now();
      const job = s.ws.importJobs.start(s.actor, files, { caseId: logged.cases[0]!.id });
      await s.ws.importJobs.idle();
      samples.push(performance.now() - started);
      const status = s.ws.importJobs.status(job.id)!;
      if (status.files.some((f) => f.state !== 'done')) throw new Error('bench import failed');
    }
    return result('import to case ready for review, 3-page application (warm)', Math.min(...samples) / 1000, 's', 5);
  } finally {
    await core.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
