/**
 * Diagnostic (not part of npm test): which text fields of the company's form are lost on the
 * realistic scans (issue 12), per scan variant and per field: expected vs read vs OCR text vs
 * confidence vs flagged. The scans are the generator's (test/scans/realistic-form.ts, fictitious
 * people); the page goes through the same steps as the scan pipeline (QR turn, deskew, one
 * resampling) and is read by readApplicationForm with a trace of each zone's OCR.
 *
 *   npx tsx scripts/field-diagnostic.ts [--forms 20] [--seed 100] [--variants grey-300-q85,bilevel-150-g4,phone-photo] [--all]
 *
 * --all lists every value, not only the wrong and the flagged ones.
 */
import { writeFileSync } from 'node:fs';
import { FIELDS, type FieldName } from '../shared/domain/application-form';
import { REVIEW_BELOW_CONFIDENCE } from '../electron/services/cases/case-file';
import { comparableValue, expectedFieldValue } from '../electron/services/demo/demo-scans';
import { decodeScanPixels, deskewAngle, greyPng, turnedRaw, uprightPage, workingCopy } from '../electron/services/imaging';
import { detectFormTurn, readApplicationForm, type OcrText } from '../electron/services/intake/form-reader';
import { OcrPool } from '../electron/services/ocr';
import { realisticForm, scanForm, variantById } from '../test/scans/realistic-form';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const forms = Number(arg('forms', '20'));
const firstSeed = Number(arg('seed', '100'));
const variants = arg('variants', 'grey-300-q85,bilevel-150-g4,phone-photo').split(',');
const listAll = process.argv.includes('--all');
/** --dump FILE: every zone's OCR text and what was expected, as JSON lines (for offline work on the value rules). */
const dump = arg('dump', '');
const dumped: string[] = [];
/** The generator's application dates are in Oct/Nov 2026: judged as if read in late November. */
const TODAY = arg('today', '2026-11-30');

const TEXT_FIELDS = FIELDS.filter((f) => f.kind === 'text' || f.kind === 'date').map((f) => f.name);

interface Tally {
  n: number;
  right: number;
  wrongFlagged: number;
  wrongUnflagged: number;
  rightFlagged: number;
  written: number;
}
const tally = (): Tally => ({ n: 0, right: 0, wrongFlagged: 0, wrongUnflagged: 0, rightFlagged: 0, written: 0 });

async function main(): Promise<void> {
  const pool = new OcrPool({ size: Number(arg('workers', '2')) });
  const started = Date.now();
  const summary = new Map<string, Map<string, Tally>>();
  try {
    for (const id of variants) {
      const v = variantById(id);
      const perField = new Map<FieldName, Tally>(TEXT_FIELDS.map((f) => [f, tally()]));
      const all = tally();
      const lines: string[] = [];
      // Two forms at a time: the pool has two workers, each form ~16 zones.
      const seeds = Array.from({ length: forms }, (_, i) => firstSeed + i);
      for (let k = 0; k < seeds.length; k += 2) {
        await Promise.all(
          seeds.slice(k, k + 2).map(async (seed) => {
            const i = seed - firstSeed;
            const form = realisticForm(seed);
            const file = await scanForm(form, v, i % 2 ? -v.tilt : v.tilt);
            const ocrTexts = new Map<FieldName, OcrText>();
            let page;
            for await (const scanned of decodeScanPixels(file.bytes, file.fileName)) {
              const small = await workingCopy(scanned.pixels);
              const turn = (await detectFormTurn(await greyPng(small, true))) ?? 0;
              const skew = await deskewAngle(await turnedRaw(small, turn));
              page = await uprightPage(scanned.pixels, turn, skew);
              break;
            }
            const read = await readApplicationForm(page!, pool, { today: TODAY, trace: (f, o) => ocrTexts.set(f, o) });
            if (!read) {
              lines.push(`seed ${seed}: NOT ALIGNED`);
              return;
            }
            const byField = new Map(read.map((r) => [r.field, r]));
            for (const f of TEXT_FIELDS) {
              const r = byField.get(f)!;
              const expected = expectedFieldValue(form.values, f);
              const right = comparableValue(r.value) === comparableValue(expected);
              const flagged = !r.value.trim() || r.confidence < REVIEW_BELOW_CONFIDENCE;
              const o = ocrTexts.get(f);
              dumped.push(JSON.stringify({ variant: id, seed, field: f, expected, ocr: o?.text ?? null, ocrConfidence: o?.confidence ?? null, value: r.value, confidence: r.confidence }));
              for (const t of [perField.get(f)!, all]) {
                t.n++;
                if (right) t.right++;
                else if (flagged) t.wrongFlagged++;
                else t.wrongUnflagged++;
                if (expected) t.written++;
                if (right && expected && flagged) t.rightFlagged++;
              }
              if (listAll || !right || (flagged && expected)) {
                const mark = right ? (flagged ? 'right,flagged' : 'right') : flagged ? 'WRONG,flagged' : 'WRONG,UNFLAGGED';
                const raw = ocrTexts.get(f);
                lines.push(
                  `seed ${seed} ${form.hand.padEnd(13)} ${f.padEnd(18)} ${mark.padEnd(15)} conf ${String(r.confidence).padStart(3)} ocr ${String(raw?.confidence ?? '-').padStart(3)}  expected「${expected}」 read「${r.value}」 ocr「${raw?.text ?? ''}」`,
                );
              }
            }
          }),
        );
      }
      summary.set(id, new Map([...perField, ['ALL', all]]));
      const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1).padStart(5) : '    -');
      console.log(`\n=== ${id}: ${forms} forms (seeds ${firstSeed}-${firstSeed + forms - 1}) ===`);
      console.log(lines.sort().join('\n'));
      console.log(`\n${'field'.padEnd(18)}    n  right%  wrongFlag  wrongUNFLAG  rightFlagged/written`);
      for (const [f, t] of [...perField, ['ALL' as FieldName, all] as const]) {
        console.log(`${f.padEnd(18)} ${String(t.n).padStart(4)}  ${pct(t.right, t.n)}  ${String(t.wrongFlagged).padStart(9)}  ${String(t.wrongUnflagged).padStart(11)}  ${t.rightFlagged}/${t.written}`);
      }
    }
  } finally {
    await pool.terminate();
  }
  // Right % per field (rows) and variant (columns); "u" = wrong and unflagged.
  console.log(`\n${'field'.padEnd(18)} ${variants.map((v) => v.slice(0, 14).padStart(15)).join('')}`);
  for (const f of [...TEXT_FIELDS, 'ALL']) {
    const cells = variants.map((v) => {
      const t = summary.get(v)?.get(f);
      return (t ? `${((100 * t.right) / t.n).toFixed(0)}%${t.wrongUnflagged ? ` u${t.wrongUnflagged}` : ''} f${t.rightFlagged}` : '-').padStart(15);
    });
    console.log(`${f.padEnd(18)} ${cells.join('')}`);
  }
  if (dump) writeFileSync(dump, `${dumped.join('\n')}\n`);
  console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s`);
}

void main();
