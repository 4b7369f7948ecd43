import { formatEraDate } from '@shared/domain/era';
import type { Lang } from '../i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses `YYYY-MM-DD` as a local calendar day (not UTC midnight, which can shift the day). */
export function parseDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Japanese era date, e.g. 令和8年11月24日: the same rule letters and the services use. */
export function eraDate(date: Date): string {
  return formatEraDate(isoDay(date));
}

/** A calendar day: Japanese era in ja, ISO `2026-11-24` in en. */
export function formatDay(iso: string, lang: Lang): string {
  const date = parseDay(iso);
  if (!date) return iso;
  return lang === 'ja' ? eraDate(date) : isoDay(date);
}

/** A timestamp in local time: `2026/11/24 09:05:00` in ja, `2026-11-24 09:05:00` in en. */
export function formatTime(timestamp: string, lang: Lang): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const sep = lang === 'ja' ? '/' : '-';
  const day = [date.getFullYear(), pad(date.getMonth() + 1), pad(date.getDate())].join(sep);
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * A month `YYYY-MM` (#13 item 9: never `2026-12` on screen): 令和8年12月 in ja (the era of the
 * month's first day), `Dec 2026` in en.
 */
export function formatMonth(month: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  if (lang === 'ja') return formatEraDate(`${month}-01`).replace(/\d+日$/u, '');
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)).toLocaleString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
