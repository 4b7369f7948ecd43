/**
 * Issue 12 items 3 and 4 over a larger generated set than the tests use: ID copies of every
 * kind (valid, expired, stale certificate) for varied people, and free-form letters, drawn in
 * BIZ UDPGothic and scanned, through the real scan pipeline and OCR.
 *  - "ID suggestion accuracy": share of copies whose suggested record has the right kind and
 *    every date right (birth, issue, validity as the document prints them);
 *  - "ID kind accuracy", "ID restricted-number ink masked" (share of copies whose D6 / 個人番号
 *    ink lies wholly inside the suggested masks);
 *  - "free-letter field accuracy": values read exactly, over all fields of all letters.
 * KAIJI_BENCH_ONLY=idcopies; KAIJI_BENCH_IDS sets the number of people (default 6).
 */
import { demoPeople } from '../electron/services/demo/demo-people';
import { OcrPool } from '../electron/services/ocr';
import { createScanPipeline } from '../electron/services/pages/scan-pipeline';
import { suggestMaskRects, type MaskWord } from '../shared/domain/mask-suggestions';
import { readIdDocument } from '../shared/domain/id-reading';
import { idCopy, type IdCopySpec } from '../test/helpers/id-copies';
import { freeLetter, LETTERS } from '../test/helpers/free-letters';
import { result, type BenchResult } from './report';

const LATIN = ['SATO HANAKO', 'SUZUKI ICHIRO', 'TAKAHASHI KEN', 'TANAKA YUKI', 'ITO MAI', 'WATANABE SHO'];

export async function benchIdSuggestions(): Promise<BenchResult[]> {
  const people = demoPeople(Number(process.env.KAIJI_BENCH_IDS ?? 6), 1212);
  const specs: IdCopySpec[] = people.flatMap((p, i) => {
    const person = { name: p.name, latin: LATIN[i % LATIN.length]!, address: p.address, birthDate: p.birthDate };
    return [
      { type: 'drivers_license', person, issuedOn: '2023-05-10', validUntil: i % 2 ? '2026-10-31' : '2028-05-01', western: false },
      { type: 'passport', person, issuedOn: '2020-05-10', validUntil: i % 2 ? '2025-05-10' : '2030-05-10' },
      { type: 'health_insurance', person, issuedOn: '2023-04-01', validUntil: '2027-03-31', western: i % 2 === 1 },
      { type: 'pension_book', person, issuedOn: '2005-04-01' },
      { type: 'residence_certificate', person, issuedOn: i % 2 ? '2026-10-11' : '2026-11-02' },
      { type: 'my_number_card', person, validUntil: '2030-04-01' },
    ] satisfies IdCopySpec[];
  });
  const ocr = new OcrPool({ size: 2 });
  const pipeline = createScanPipeline(ocr);
  let kindRight = 0;
  let allRight = 0;
  let withSecrets = 0;
  let masked = 0;
  try {
    await Promise.all(
      specs.map(async (spec, i) => {
        const copy = await idCopy(spec, 100 + i);
        const [page] = await pipeline.process(copy.jpeg, 'copy.jpg');
        const reading = page!.idReading ?? readIdDocument(page!.ocr.text);
        const t = copy.truth;
        if (reading?.type === t.type) kindRight++;
        if (reading?.type === t.type && reading.birthDate === t.birthDate && reading.issuedOn === t.issuedOn && reading.validUntil === t.validUntil) allRight++;
        if (copy.secrets.length) {
          withSecrets++;
          const rects = suggestMaskRects(page!.ocr.words as MaskWord[], { width: page!.width, height: page!.height });
          const covered = copy.secrets.every((s) => s.pixels.every(([x, y]) => rects.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)));
          if (covered) masked++;
        }
      }),
    );
    let exact = 0;
    let total = 0;
    for (const [i, spec] of LETTERS.entries()) {
      for (const seed of [1, 2, 3]) {
        const { jpeg, truth } = await freeLetter(spec, seed + i * 10);
        const [page] = await pipeline.process(jpeg, 'letter.jpg');
        const got = new Map((page!.letterFields ?? []).map((f) => [f.field, f.value]));
        for (const [field, value] of Object.entries(truth.fields)) {
          total++;
          if ((got.get(field) ?? '').replace(/\s/g, '') === value.replace(/\s/g, '')) exact++;
        }
        for (const k of truth.kinds) {
          total++;
          if (got.get(`request.${k.toLowerCase()}`) === 'true') exact++;
        }
      }
    }
    return [
      result('ID suggestion accuracy (kind and every date right)', (100 * allRight) / specs.length, '%', 90, true),
      result('ID kind accuracy', (100 * kindRight) / specs.length, '%', 98, true),
      result('ID restricted-number ink masked (whole number)', (100 * masked) / Math.max(1, withSecrets), '%', 100, true),
      result('free-letter field accuracy', (100 * exact) / Math.max(1, total), '%', 85, true),
    ];
  } finally {
    await ocr.terminate();
  }
}
