import { FIELDS, fieldByName, type FieldName } from '../shared/domain/application-form';
import { decodeScanAll, deskewAngle, rotateBy } from '../electron/services/imaging';
import { alignForm } from '../electron/services/intake/form-reader';
import { greyPixels, applyAffine } from '../electron/services/intake/page-geometry';
import { printedForm, readMark } from '../electron/services/intake/marks';
import { realisticForm, scanForm, variantById, expectedTicks, TICK_KEYS } from '../test/scans/realistic-form';
async function main() {
  const [seed, id] = process.argv.slice(2);
  const form = realisticForm(Number(seed));
  const file = await scanForm(form, variantById(id!));
  const [p] = await decodeScanAll(file.bytes, file.fileName);
  const skew = await deskewAngle(p!.png);
  const page = Math.abs(skew) >= 0.3 ? await rotateBy(p!.png, skew) : p!;
  console.log('skew', skew, page.width, page.height);
  const g = await greyPixels(page.png);
  const t = alignForm(g)!;
  console.log(t);
  for (const c of [[18+7,18+7],[595.28-25,25],[25,841.89-25],[570,817]]) console.log(c, applyAffine(t, c[0]!, c[1]!));
  const tpl = await printedForm();
  const boxes = FIELDS.flatMap((f) => (f.kind === 'checkbox' ? [f.zone] : (f.options ?? []).map((o) => o.zone)));
  const exp = expectedTicks(form);
  for (const key of TICK_KEYS) {
    const [field, opt] = key.split('=');
    const f = fieldByName(field as FieldName);
    const o = opt ? f.options!.find((x) => x.value === opt)! : f;
    const m = readMark({ g, t, tpl, boxes }, o.zone, o.labelZone);
    console.log(key.padEnd(32), exp.get(key) ? 'T' : '.', m.state.padEnd(7), m.interior.toFixed(3), m.circleSectors, form.marks.find((x) => x.key === key)?.style ?? '');
  }
}
main();
