// What goes into the installers' app.asar, and what must sit beside it unpacked.
// ONE source: electron-builder.cjs hands these globs to electron-builder, and
// test/integration/packaging-asar.test.ts builds an asar from the very same globs (minimatch,
// { dot: true }, later patterns win, as electron-builder's file matcher does).
'use strict';

// Bundled into out/renderer by Vite (or only used by npm scripts): nothing at run time
// requires them from node_modules, so they stay out of the asar (the `node` package alone is
// a 120 MB Node binary that npm scripts use). The asar test proves that every runtime import
// of out/main and out/preload still resolves without them.
const NOT_AT_RUNTIME = [
  'node',
  '@fontsource/noto-sans-jp',
  '@mantine',
  '@tabler',
  'react',
  'react-dom',
  'react-i18next',
  'i18next',
  'recharts',
];

// The OCR worker is a worker_thread started from a file path: it must be a real file, and
// everything it requires must resolve next to it, so tesseract.js and its whole dependency
// closure are unpacked (the test walks that closure and checks each package is unpacked).
const OCR_WORKER_CLOSURE = [
  'tesseract.js',
  'tesseract.js-core',
  'bmp-js',
  'idb-keyval',
  'is-url',
  'node-fetch',
  'whatwg-url',
  'tr46',
  'webidl-conversions',
  'opencollective-postinstall',
  'regenerator-runtime',
  'wasm-feature-detect',
  'zlibjs',
];

/** electron-builder `files`: relative to the project root. */
const files = [
  'out/**/*',
  'package.json',
  '!out/.build-stamp',
  '!**/*.map',
  ...NOT_AT_RUNTIME.map((p) => `!node_modules/${p}/**`),
  // SQLite's C sources: the prebuilt addon is what loads.
  '!node_modules/better-sqlite3-multiple-ciphers/{deps,src}/**',
];

/**
 * electron-builder `asarUnpack`. What must be a real file on disk:
 *  - native addons (.node) and the shared libraries they load (sharp's libvips): the OS loader
 *    cannot read inside an asar;
 *  - tesseract language data: read by the OCR worker thread by path (langPath);
 *  - the OCR worker script and its dependencies (see OCR_WORKER_CLOSURE).
 * pdfjs assets (standard fonts, cmaps, wasm) and the Noto fonts are read by fs in the main
 * process, which Electron serves from the asar: they stay packed.
 */
const asarUnpack = [
  '**/*.node',
  'node_modules/@img/sharp-*/**',
  'node_modules/@napi-rs/canvas-*/**',
  'node_modules/@tesseract.js-data/**',
  ...OCR_WORKER_CLOSURE.map((p) => `node_modules/${p}/**`),
];

module.exports = { files, asarUnpack, NOT_AT_RUNTIME, OCR_WORKER_CLOSURE };
