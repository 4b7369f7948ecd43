import type { ErrorCode } from './errors';

/** Bilingual text: Japanese first, English always beside it. */
export interface Bilingual {
  ja: string;
  en: string;
}

export interface KaijiErrorInfo {
  code: ErrorCode;
  message: Bilingual;
  /** Structured facts the UI may use (retryAfterMs, the name of a file the user chose); never secrets. */
  details?: Record<string, unknown>;
}

/** What every channel returns across IPC or HTTP: errors are values, not exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: KaijiErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
