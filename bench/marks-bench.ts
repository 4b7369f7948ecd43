// KAIJI_BENCH_ONLY=marks: marks and text fields on realistic scans per scan variant, and what a
// turned page costs against an upright one (issue 12 items 1, 2 and 7).
import sharp from 'sharp';
import { FIELDS } from '../shared/domain/application-form';
import { REVIEW_BELOW_CONFIDENCE } from '../electron/services/cases/case-file';
import { comparableValue, expectedFieldValue, idCopyScan } from '../electron/services/demo/demo-scans';
import { demoPeople } from '../electron/services/demo/demo-people';
import { OcrPool } from '../electron/services/ocr';
import { createScanPipeline } from '../electron/services/pages/scan-pipeline';
import { expectedTicks, realisticForm, scanForm, SCAN_VARIANTS, TICK_KEYS, variantById } from '../test/scans/realistic-form';
import { median, result, type BenchResult } from './report';


const TEXT_TARGET: Record<string, number> = {
  'grey-300-q85': 0.95,
  'grey-300-q60-tilt3': 0.95,
  'bilevel-300-g4': 0.95,
  'bilevel-150-g4': 0.85,
  'phone-photo': 0.85,
};

/** Every scan variant, `forms` forms each (tilt sign alternating), through the real scan pipeline. */
export async function benchMarks(forms = Number(process.env.KAIJI_BENCH_MARKS_FORMS ?? 6)): Promise<BenchResult[]> {
  const pool = new OcrPool();
  const pipeline = createScanPipeline(pool);
  const out: BenchResult[] = [];
  try {
    for (const v of SCAN_VARIANTS) {
      let ticksRight = 0;
      let ticks = 0;
      let phantoms = 0;
      let textRight = 0;
      let texts = 0;
      let wrongUnflagged = 0;
      let values = 0;
      let textWrongUnflagged = 0;
      let flaggedRight = 0;
      let rightWritten = 0;
      for (let i = 0; i < forms; i++) {
        const form = realisticForm(100 + i);
        const file = await scanForm(form, v, i % 2 ? -v.tilt : v.tilt);
        const [page] = await pipeline.process(file.bytes, file.fileName);
        const read = new Map((page?.formFields ?? []).map((f) => [f.field, f]));
        for (const [key, expected] of expectedTicks(form)) {
          const [field, option] = key.split('=') as [string, string | undefined];
          const r = read.get(field);
          const ticked = r ? (option === undefined ? r.value === 'true' : r.value === option) : false;
          ticks++;
          if (ticked === expected) ticksRight++;
          if (ticked && !expected) phantoms++;
        }
        for (const f of FIELDS) {
          const r = read.get(f.name);
          const right = !!r && comparableValue(r.value) === comparableValue(expectedFieldValue(form.values, f.name));
          values++;
          // As the case file flags them: empty values and low confidence need review.
          const flagged = !r || !r.value.trim() || r.confidence < REVIEW_BELOW_CONFIDENCE;
          if (!right && !flagged) wrongUnflagged++;
          if (f.kind === 'text' || f.kind === 'date') {
            texts++;
            if (right) textRight++;
            if (!right && !flagged) textWrongUnflagged++;
            // The flag rate: right values a person is still asked to look at.
            if (right && expectedFieldValue(form.values, f.name)) {
              rightWritten++;
              if (flagged) flaggedRight++;
            }
          }
        }
      }
      out.push(
        result(`marks ${v.id}: ticks right (${ticks} boxes)`, ticksRight / ticks, 'share', 0.995, true),
        result(`marks ${v.id}: phantom ticks`, phantoms, 'boxes', 0),
        result(`marks ${v.id}: text fields exactly right`, textRight / texts, 'share', TEXT_TARGET[v.id] ?? null, true),
        result(`marks ${v.id}: values wrong, not flagged`, wrongUnflagged / values, 'share', 0.01),
        result(`marks ${v.id}: text fields wrong, not flagged`, textWrongUnflagged / texts, 'share', 0.01),
        result(`marks ${v.id}: right text values flagged for review`, flaggedRight / Math.max(1, rightWritten), 'share', null),
      );
      if (ticks !== forms * TICK_KEYS.length) throw new Error('bench: tick count');
    }
  } finally {
    await pool.terminate();
  }
  return out;
}

/**
 * Upside-down and sideways pages against upright ones, the company's form and an ID copy,
 * measured interleaved in one run on a warm pool (median of `rounds`).
 */
export async function benchOrientation(rounds = 5): Promise<BenchResult[]> {
  const pool = new OcrPool();
  const pipeline = createScanPipeline(pool);
  try {
    const form = await scanForm(realisticForm(3), variantById('grey-300-q85'));
    const [person] = demoPeople(1, 12);
    const idCopy = await idCopyScan(person!, 'license', '2028-05-01', 3);
    const pages = { form: form.bytes, 'ID copy': idCopy };
    const turned = async (bytes: Buffer, deg: number) => (deg ? sharp(bytes).rotate(deg).jpeg({ quality: 90 }).toBuffer() : bytes);
    const out: BenchResult[] = [];
    for (const [name, bytes] of Object.entries(pages)) {
      const variants = { upright: bytes, 'upside-down': await turned(bytes, 180), sideways: await turned(bytes, 90) };
      await pipeline.process(bytes, 'warm.jpg'); // workers of every kind started
      await pipeline.process(variants['upside-down'], 'warm.jpg');
      const times: Record<string, number[]> = { upright: [], 'upside-down': [], sideways: [] };
      for (let r = 0; r < rounds; r++) {
        for (const [k, b] of Object.entries(variants)) {
          const t0 = performance.now();
          const [page] = await pipeline.process(b, `${k}.jpg`);
          times[k]!.push(performance.now() - t0);
          if (k !== 'upright' && page?.autoRotation === 0) throw new Error(`bench: ${name} ${k} was not turned`);
        }
      }
      const base = median(times.upright!);
      out.push(
        result(`orientation ${name}: upside-down / upright time`, median(times['upside-down']!) / base, 'x', 1.2),
        result(`orientation ${name}: sideways / upright time`, median(times.sideways!) / base, 'x', 1.2),
        result(`orientation ${name}: upright page`, base / 1000, 's', null),
      );
    }
    return out;
  } finally {
    await pool.terminate();
  }
}
