import { writeFileSync } from 'node:fs';
import { realisticForm, scanForm, variantById, drawFilledForm } from '../test/scans/realistic-form';
async function main() {
  const seed = Number(process.argv[2] ?? 1);
  const f = realisticForm(seed);
  console.log(JSON.stringify(f));
  const t = Date.now();
  for (const id of process.argv.slice(3)) {
    const s = await scanForm(f, variantById(id));
    writeFileSync(`/tmp/marks-work/${s.fileName}`, s.bytes);
    console.log(s.fileName, s.bytes.length, Date.now() - t);
  }
}
main();
