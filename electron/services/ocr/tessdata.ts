/**
 * The tesseract language data shipped with the app: the @tesseract.js-data npm packages.
 *
 * Each package has its own folder (…/jpn/4.0.0_best_int/jpn.traineddata.gz), but tesseract.js
 * takes one `langPath` for all languages of a worker, and its documented way round that
 * (`{ code, data }` language objects) is broken in 7.0.0: `initialize` joins `l.data` instead
 * of `l.code` into the language string (naptha/tesseract.js PR #1052, unmerged), and the
 * failed init then throws an uncaught error in the main thread.
 *
 * So a jpn+eng worker is built from public API only, without any folder on disk:
 *  1. createWorker('jpn', { langPath: <jpn package folder> }) with
 *     `tessedit_init_config_only` so this first init skips loading the model (~0.4 s saved);
 *  2. eng.traineddata, gunzipped here, is written into the worker's in-memory (emscripten) FS
 *     with worker.FS('writeFile');
 *  3. reinitialize('jpn', …, { tessedit_load_sublangs: 'eng' }): tesseract's own way of loading
 *     extra languages with a primary one (same as 'jpn+eng', jpn stays primary for layout).
 * Single-language workers (eng, osd) use their package folder as langPath directly.
 *
 * Nothing touches the network: langPath is a local path (tesseract.js fetches only URLs), the
 * wasm core is require()d from tesseract.js-core (corePath is ignored in Node) and the worker
 * script comes from tesseract.js itself. `cacheMethod: 'none'` stops it writing
 * `<lang>.traineddata` into the working directory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unpackedPath } from '../core/asar-path';

export type TessLang = 'jpn' | 'eng' | 'osd';

/**
 * best_int: LSTM-only integer models, the tesseract.js default (smaller, faster; the 4.0.0
 * "fast" jpn model reads digits as ⑧). OSD needs the legacy engine: osd has only one model.
 */
const VARIANT: Record<TessLang, string> = { jpn: '4.0.0_best_int', eng: '4.0.0_best_int', osd: '4.0.0' };

const requireHere = createRequire(import.meta.url);

/**
 * 'legacy': the "4.0.0" tessdata of a language, which also holds tesseract's legacy (non-LSTM)
 * classifier; used for the form zones it reads better (ocr-pool.ts, ZoneModel).
 */
export type TessVariant = 'legacy';

/**
 * The folder holding `<lang>.traineddata.gz` inside the installed package. In an installed app
 * it is the unpacked copy: the OCR worker thread reads it by path (packaging/app-files.cjs).
 */
export function tessdataDir(lang: TessLang, variant?: TessVariant): string {
  return unpackedPath(join(dirname(requireHere.resolve(`@tesseract.js-data/${lang}/package.json`)), variant === 'legacy' ? '4.0.0' : VARIANT[lang]));
}

/** The OCR worker script, started as a worker thread from a file: the unpacked one when installed. */
const WORKER_PATH = unpackedPath(requireHere.resolve('tesseract.js/src/worker-script/node/index.js'));

export function tessdataFile(lang: TessLang, variant?: TessVariant): string {
  return join(tessdataDir(lang, variant), `${lang}.traineddata.gz`);
}

const unpacked = new Map<TessLang, Uint8Array>();

/** Gunzipped traineddata, read once per process (eng best_int: ~4 MB). */
export function traineddata(lang: TessLang): Uint8Array {
  let data = unpacked.get(lang);
  if (!data) {
    data = new Uint8Array(gunzipSync(readFileSync(tessdataFile(lang))));
    unpacked.set(lang, data);
  }
  return data;
}

/** Options every worker gets: local data, no cache written, gz handled by tesseract.js. */
export function workerFileOptions(
  lang: TessLang,
  variant?: TessVariant,
): {
  langPath: string;
  workerPath: string;
  gzip: true;
  cacheMethod: 'none';
} {
  return { langPath: tessdataDir(lang, variant), workerPath: WORKER_PATH, gzip: true, cacheMethod: 'none' };
}
