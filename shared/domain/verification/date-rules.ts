import type { Bilingual } from '../../result';
import { isValidIsoDate } from '../dates';
import { ERAS, formatEraDate, parseJapaneseDate } from '../era';

/**
 * Date arithmetic for the verification rules, on `YYYY-MM-DD` calendar dates (Japan time is
 * the caller's business: see isoDateInJapan). Pure; Date is used only as a UTC calendar.
 */

export type DateReading = { ok: true; iso: string } | { ok: false; code: 'missing' | 'impossible' | 'outside_era' | 'unreadable'; message: Bilingual };

const toUtc = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY);
}

/**
 * D1 "issued within one month before the application date" — our reading (calendar month,
 * as 民法 Art. 143 counts months, counted backwards from the application date):
 *
 *   the earliest valid issue date is the SAME DAY OF THE PREVIOUS MONTH; when the previous
 *   month has no such day, it is that month's LAST day.
 *
 *   application 2026-03-15 -> earliest 2026-02-15
 *   application 2026-03-31 -> earliest 2026-02-28 (2026 is not a leap year)
 *   application 2028-03-31 -> earliest 2028-02-29 (leap year)
 *   application 2026-03-30 -> earliest 2026-02-28;  2026-05-31 -> 2026-04-30
 *   application 2026-01-10 -> earliest 2025-12-10
 *
 * Both ends are inclusive (issued on the earliest day or on the application date itself:
 * valid). The gap is therefore at most 31 days: anything issued more than 31 days before the
 * application date is never valid, anything issued 28 days or less before always is.
 */
export function oneMonthBefore(iso: string): string {
  return shiftMonths(iso, -1);
}

/**
 * `months` calendar months before `iso`, with the same end-of-month rule as oneMonthBefore
 * (2026-03-31 minus 1 month = 2026-02-28; minus 12 months = 2025-03-31).
 */
export function monthsBefore(iso: string, months: number): string {
  if (!Number.isInteger(months) || months < 0) throw new RangeError('months must be a non-negative integer');
  return shiftMonths(iso, -months);
}

/**
 * Calendar months added to `YYYY-MM-DD` (negative: back); a day past the target month's end
 * becomes its last day (F2: issued 8月31日 + 6 months = 2月28日/29日). Refuses a non-date.
 */
export function addMonths(iso: string, months: number): string {
  if (!isValidIsoDate(iso)) throw new RangeError(`not a date: ${iso}`);
  return shiftMonths(iso, months);
}

/** The one month arithmetic behind oneMonthBefore, monthsBefore and addMonths. */
function shiftMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const py = Math.floor(total / 12);
  const pm = total - py * 12 + 1;
  const pd = Math.min(d, daysInMonth(py, pm));
  return `${String(py).padStart(4, '0')}-${String(pm).padStart(2, '0')}-${String(pd).padStart(2, '0')}`;
}

/** The date as Japanese letters print it, and as ISO for English. */
export function dateText(iso: string): Bilingual {
  return { ja: formatEraDate(iso), en: iso };
}

const LOOSE = /^(明治|大正|昭和|平成|令和|[MTSHR])?\.?(\d{1,4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/i;

/**
 * Reads a date written on the form or recorded by staff (ISO, 2026/3/1, 令和8年3月1日, R8.3.1,
 * 令和元年5月1日 — everything parseJapaneseDate reads). A date that does not exist is rejected
 * with a message saying so: 2月30日 (no such day), 平成31年5月1日 (令和 had begun).
 */
export function readDate(text: string | undefined | null, label: Bilingual): DateReading {
  const raw = (text ?? '').trim();
  if (raw === '') {
    return { ok: false, code: 'missing', message: { ja: `${label.ja}が記入されていません。`, en: `${label.en} is missing.` } };
  }
  const iso = parseJapaneseDate(raw);
  if (iso) return { ok: true, iso };
  const s = raw.normalize('NFKC').replace(/\s+/g, '').replace(/元年/g, '1年');
  const m = LOOSE.exec(s);
  if (m) {
    const era = m[1] ? ERAS.find((e) => e.name === m[1] || e.letter === m[1]!.toUpperCase()) : undefined;
    const year = era ? Number(era.start.slice(0, 4)) + Number(m[2]) - 1 : Number(m[2]);
    const month = Number(m[3]);
    const day = Number(m[4]);
    const candidate = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (era && isValidIsoDate(candidate) && Number(m[2]) >= 1) {
      return {
        ok: false,
        code: 'outside_era',
        message: {
          ja: `${label.ja}「${raw}」は${era.name}の期間にない日付です。`,
          en: `${label.en} "${raw}" is not a date within the ${era.name} era.`,
        },
      };
    }
    return {
      ok: false,
      code: 'impossible',
      message: {
        ja: `${label.ja}「${raw}」は存在しない日付です（${month}月${day}日）。`,
        en: `${label.en} "${raw}" is not a real calendar date (month ${month}, day ${day}).`,
      },
    };
  }
  return {
    ok: false,
    code: 'unreadable',
    message: { ja: `${label.ja}「${raw}」を日付として読み取れません。`, en: `${label.en} "${raw}" cannot be read as a date.` },
  };
}
