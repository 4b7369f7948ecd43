import type { KaijiErrorInfo } from '@shared/result';
import type { Lang } from '../i18n';

/** The services send every message in both languages; pick the one on screen. */
export function errorText(error: KaijiErrorInfo, lang: Lang): string {
  return error.message[lang] || error.message.ja;
}

/** Milliseconds the server asks us to wait before the next attempt, if any. */
export function retryAfterMs(error: KaijiErrorInfo): number {
  const ms = error.details?.retryAfterMs;
  return typeof ms === 'number' && ms > 0 ? ms : 0;
}
