import { KaijiError } from '@shared/errors';
import { looksTruncated, type ScanFormat } from './sniff';

// Decoder messages that mean "the data stopped early" (libjpeg, libtiff, libvips).
const TRUNCATION_MESSAGE = /premature end|truncat|unexpected end|end of (file|stream|data)|read error on (strip|tile)/i;

/**
 * Turns a decoder failure into the error the user sees. The decoders' own messages are never
 * shown (they are English-only and may quote internal details); only the code and file name.
 */
export function decodeError(err: unknown, format: ScanFormat, bytes: Buffer, file: string): KaijiError {
  if (err instanceof KaijiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (looksTruncated(format, bytes) || TRUNCATION_MESSAGE.test(message)) {
    return new KaijiError('FILE_TRUNCATED', { file });
  }
  return new KaijiError('FILE_CORRUPT', { file });
}
