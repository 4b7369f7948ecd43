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

const localParts = (timestamp: string) => {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return null;
  return { date, day: isoDay(date), hm: `${pad(date.getHours())}:${pad(date.getMinutes())}`, s: pad(date.getSeconds()) };
};

/**
 * A timestamp in local time, in sentences and details (#13 item 9: one date rule): the era date
 * and the minute in ja (`令和8年11月24日 09:05`), ISO day and minute in en.
 */
export function formatTime(timestamp: string, lang: Lang): string {
  const p = localParts(timestamp);
  if (!p) return timestamp;
  return `${lang === 'ja' ? formatEraDate(p.day) : p.day} ${p.hm}`;
}

/** A calendar day in a list's cell: `R8.11.24` in ja (the full era date goes on hover), ISO in en. */
export function compactDay(iso: string, lang: Lang): string {
  const date = parseDay(iso);
  if (!date) return iso;
  if (lang === 'en') return isoDay(date);
  const m = /^(令和|平成|昭和|大正|明治)(元|\d+)年(\d+)月(\d+)日$/u.exec(eraDate(date));
  if (!m) return eraDate(date);
  const era = { 令和: 'R', 平成: 'H', 昭和: 'S', 大正: 'T', 明治: 'M' }[m[1] as '令和'];
  return `${era}${m[2] === '元' ? 1 : m[2]}.${m[3]}.${m[4]}`;
}

/** A timestamp in a list's cell: compact (`R8.11.24 09:05` in ja); the full one goes on hover. */
export function compactTime(timestamp: string, lang: Lang): string {
  const p = localParts(timestamp);
  if (!p) return timestamp;
  return `${compactDay(p.day, lang)} ${p.hm}`;
}

/** The whole timestamp, to the second (the hover title of a compact one). */
export function fullTime(timestamp: string, lang: Lang): string {
  const p = localParts(timestamp);
  if (!p) return timestamp;
  return `${formatTime(timestamp, lang)}:${p.s}`;
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
