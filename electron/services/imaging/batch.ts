import { KaijiError } from '@shared/errors';
import type { KaijiErrorInfo } from '@shared/result';
import { decodeScanAll, type DecodeOptions, type ScanPage } from './decode-scan';

export interface ScanFile {
  fileName: string;
  bytes: Buffer;
}

/** Per-file outcome: one bad file in a batch never hides the good ones. */
export type DecodeFileResult =
  | { fileName: string; ok: true; pages: ScanPage[] }
  | { fileName: string; ok: false; error: KaijiErrorInfo };

/**
 * Decodes several files, `concurrency` at a time (each decode already uses libvips threads;
 * a few in flight keeps memory bounded for 300 dpi pages). Results keep the input order.
 */
export async function decodeBatch(
  files: ScanFile[],
  opts: DecodeOptions & { concurrency?: number } = {},
): Promise<DecodeFileResult[]> {
  const results: DecodeFileResult[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const { fileName, bytes } = files[i]!;
      try {
        results[i] = { fileName, ok: true, pages: await decodeScanAll(bytes, fileName, opts) };
      } catch (err) {
        // Unexpected failures are reported as INTERNAL with the file name, never the raw message.
        const error = err instanceof KaijiError ? err.toInfo() : new KaijiError('INTERNAL', { file: fileName }).toInfo();
        results[i] = { fileName, ok: false, error };
      }
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? 2, files.length));
  await Promise.all(Array.from({ length: n }, worker));
  return results;
}
