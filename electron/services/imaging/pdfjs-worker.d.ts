// pdfjs-dist ships no typings for its worker module; we only hand it to pdfjs as
// `globalThis.pdfjsWorker` so the "worker" runs in this thread without loading a file by URL.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
