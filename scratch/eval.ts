import { FIELDS, FIELD_NAMES } from '../shared/domain/application-form';
import { OcrPool } from '../electron/services/ocr';
import { createScanPipeline } from '../electron/services/pages/scan-pipeline';
import { comparableValue, expectedFieldValue } from '../electron/services/demo/demo-scans';
import { realisticForm, scanForm, variantById, expectedTicks, TICK_KEYS } from '../test/scans/realistic-form';
async function main() {
  const pool = new OcrPool({ size: 2 });
  const pipeline = createScanPipeline(pool);
  const [seeds, ...ids] = process.argv.slice(2);
  const [a, b] = seeds!.split('-').map(Number);
  for (const id of ids) {
    let tickRight = 0, tickTotal = 0, phantom = 0, fRight = 0, fTotal = 0, wrongUnflagged = 0;
    for (let seed = a!; seed <= b!; seed++) {
      const form = realisticForm(seed);
      const file = await scanForm(form, variantById(id));
      const t = Date.now();
      const [page] = await pipeline.process(file.bytes, file.fileName);
      const read = new Map((page?.formFields ?? []).map((f) => [f.field, f]));
      if (!page?.formFields) { console.log(id, seed, 'NOT READ AS FORM'); continue; }
      const exp = expectedTicks(form);
      for (const key of TICK_KEYS) {
        const [field, opt] = key.split('=');
        const r = read.get(field!)!;
        const got = opt === undefined ? r.value === 'true' : r.value === opt;
        tickTotal++;
        if (got === exp.get(key)) tickRight++;
        else console.log('  tick', seed, key, 'exp', exp.get(key), 'got', r.value, r.confidence, form.marks.find((m) => m.key === key || m.key.startsWith(field + '=')));
        if (got && !exp.get(key)) phantom++;
      }
      for (const f of FIELDS) {
        if (f.kind !== 'text' && f.kind !== 'date') continue;
        const r = read.get(f.name)!;
        fTotal++;
        const ok = comparableValue(r.value) === comparableValue(expectedFieldValue(form.values, f.name));
        if (ok) fRight++;
        else { console.log('  field', seed, f.name, JSON.stringify(r.value), 'exp', JSON.stringify(expectedFieldValue(form.values, f.name)), r.confidence); if (r.confidence >= 75) wrongUnflagged++; }
      }
      console.log(id, seed, 'ms', Date.now() - t);
    }
    console.log(`== ${id}: ticks ${tickRight}/${tickTotal} phantom ${phantom}; fields ${fRight}/${fTotal} wrong-unflagged ${wrongUnflagged}`);
  }
  await pool.terminate();
}
main();
