/**
 * Diagnostic (not part of npm test): which tesseract model and engine reads each kind of form
 * text field best on the realistic scans (issue 12). Every written text zone of the generator's
 * forms is prepared exactly as the reader prepares it (field-image.ts) and read by each config:
 *  - base: the app's own reading (readApplicationForm's trace: jpn+eng best_int LSTM, or eng for digits);
 *  - j1:   jpn best_int alone, LSTM (no eng sub-language);
 *  - l0 / l1 / l2: jpn from the "4.0.0" tessdata (legacy + LSTM) with OEM 0 (legacy), 1 (its LSTM), 2 (both);
 *  - ed:   eng best_int, digits only, one line (date fields only: are the misses in the digits?).
 * Each with the field's zone parameters (whitelist, PSM). Writes JSON lines (fictitious people
 * only) for offline comparison: --out FILE.
 *
 *   npx tsx scripts/field-engines.ts [--forms 12] [--seed 100] [--variants grey-300-q85] [--configs j1,l0,l1,l2,ed] --out FILE
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';
import { FIELDS, type FieldName } from '../shared/domain/application-form';
import { normaliseOcrText, textFromTsv } from '../shared/domain/ocr-text';
import { expectedFieldValue } from '../electron/services/demo/demo-scans';
import { decodeScanPixels, deskewAngle, greyPng, turnedRaw, uprightPage, workingCopy } from '../electron/services/imaging';
import { fieldImage } from '../electron/services/intake/field-image';
import { alignForm, detectFormTurn, readApplicationForm, SEAL_CUT, ZONE_PARAMS, type OcrText } from '../electron/services/intake/form-reader';
import { greyPixels } from '../electron/services/intake/page-geometry';
import { OcrPool } from '../electron/services/ocr';
import { workerFileOptions } from '../electron/services/ocr/tessdata';
import { realisticForm, scanForm, variantById } from '../test/scans/realistic-form';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const forms = Number(arg('forms', '12'));
const firstSeed = Number(arg('seed', '100'));
const variants = arg('variants', 'grey-300-q85').split(',');
const configs = arg('configs', 'j1,l0,l1,l2,ed').split(',');
const only = arg('fields', '') ? new Set(arg('fields', '').split(',')) : null;
const out = arg('out', '');
const TODAY = '2026-11-30';
const TEXT_FIELDS = FIELDS.filter((f) => (f.kind === 'text' || f.kind === 'date') && (!only || only.has(f.name)));
const { OEM, PSM } = Tesseract;
const requireHere = createRequire(import.meta.url);
const legacyDir = join(dirname(requireHere.resolve('@tesseract.js-data/jpn/package.json')), '4.0.0');

async function worker(config: string): Promise<Tesseract.Worker> {
  const quiet = { errorHandler: () => {} };
  if (config === 'j1') return Tesseract.createWorker('jpn', OEM.LSTM_ONLY, { ...workerFileOptions('jpn'), ...quiet });
  if (config === 'ed') return Tesseract.createWorker('eng', OEM.LSTM_ONLY, { ...workerFileOptions('eng'), ...quiet });
  const oem = config === 'l0' ? OEM.TESSERACT_ONLY : config === 'l1' ? OEM.LSTM_ONLY : OEM.TESSERACT_LSTM_COMBINED;
  return Tesseract.createWorker('jpn', oem, { ...workerFileOptions('jpn'), langPath: legacyDir, legacyCore: true, legacyLang: true, ...quiet });
}

async function main(): Promise<void> {
  const pool = new OcrPool({ size: 1 });
  const workers = new Map<string, Tesseract.Worker>();
  for (const c of configs) workers.set(c, await worker(c));
  const lines: string[] = [];
  const started = Date.now();
  try {
    for (const id of variants) {
      const v = variantById(id);
      for (let i = 0; i < forms; i++) {
        const seed = firstSeed + i;
        const form = realisticForm(seed);
        const file = await scanForm(form, v, i % 2 ? -v.tilt : v.tilt);
        let page;
        for await (const scanned of decodeScanPixels(file.bytes, file.fileName)) {
          const small = await workingCopy(scanned.pixels);
          const turn = (await detectFormTurn(await greyPng(small, true))) ?? 0;
          page = await uprightPage(scanned.pixels, turn, await deskewAngle(await turnedRaw(small, turn)));
          break;
        }
        const base = new Map<FieldName, OcrText>();
        const read = await readApplicationForm(page!, pool, { today: TODAY, trace: (f, o) => base.set(f, o) });
        const g = await greyPixels(page!.png);
        const t = alignForm(g);
        if (!read || !t) continue;
        const values = new Map(read.map((r) => [r.field, r]));
        for (const f of TEXT_FIELDS) {
          const expected = expectedFieldValue(form.values, f.name);
          if (!expected) continue;
          const img = await fieldImage(g, t, f.zone, { cutRight: f.name === 'signature' ? SEAL_CUT : 0 });
          const zp = ZONE_PARAMS[f.name];
          const rec: Record<string, unknown> = {
            variant: id,
            seed,
            hand: form.hand,
            field: f.name,
            expected,
            base: base.get(f.name)?.text ?? null,
            baseConf: base.get(f.name)?.confidence ?? null,
            value: values.get(f.name)?.value,
            valueConf: values.get(f.name)?.confidence,
          };
          await Promise.all(
            configs.map(async (c) => {
              const isDate = f.kind === 'date';
              if (c === 'ed' && !isDate) return;
              if (zp?.model === 'eng' && c !== 'ed') return; // digit fields are eng's already
              const params: Record<string, unknown> = {
                tessedit_pageseg_mode: c === 'ed' || zp?.singleLine ? PSM.SINGLE_LINE : PSM.SINGLE_BLOCK,
              };
              const wl = c === 'ed' ? '0123456789' : zp?.whitelist;
              if (wl) params.tessedit_char_whitelist = wl;
              const { data } = await workers.get(c)!.recognize(img.png, params as Partial<Tesseract.RecognizeOptions>, { text: true, tsv: true });
              rec[c] = normaliseOcrText(textFromTsv(data.tsv ?? '') || (data.text ?? ''));
              rec[`${c}Conf`] = Math.round(data.confidence ?? 0);
            }),
          );
          lines.push(JSON.stringify(rec));
        }
        console.log(`${id} seed ${seed} done, ${((Date.now() - started) / 1000).toFixed(0)} s`);
        if (out) writeFileSync(out, `${lines.join('\n')}\n`);
      }
    }
  } finally {
    await pool.terminate();
    for (const w of workers.values()) await w.terminate();
  }
}

void main();
