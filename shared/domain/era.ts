import { isValidIsoDate } from './dates';

/**
 * Japanese era dates (和暦). Eras with their first day (Gregorian); each runs until the
 * day before the next one starts. 元年 is year 1.
 */
export const ERAS = [
  { name: '明治', letter: 'M', start: '1868-10-23' },
  { name: '大正', letter: 'T', start: '1912-07-30' },
  { name: '昭和', letter: 'S', start: '1926-12-25' },
  { name: '平成', letter: 'H', start: '1989-01-08' },
  { name: '令和', letter: 'R', start: '2019-05-01' },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a date as people write it on forms: 令和8年3月1日, R8.3.1, 令和元年5月1日,
 * 2026-03-01, 2026/3/1, 2026年3月1日 (full-width digits too). Returns `YYYY-MM-DD`, or null
 * for anything that is not a real date within its era (2月30日, 平成31年5月1日).
 */
export function parseJapaneseDate(text: string): string | null {
  // 曰 for 日 and 目 for 日 are the usual OCR slips at the end of a date.
  const s = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/元年/g, '1年')
    .replace(/(\d)[曰目]$/u, '$1日');
  const western = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (western) return iso(Number(western[1]), Number(western[2]), Number(western[3]));
  const era = /^(明治|大正|昭和|平成|令和|[MTSHR])\.?(\d{1,2})[./年](\d{1,2})[./月](\d{1,2})日?$/i.exec(s);
  if (!era) return null;
  const index = ERAS.findIndex((e) => e.name === era[1] || e.letter === era[1]!.toUpperCase());
  const e = ERAS[index]!;
  const year = Number(era[2]);
  if (year < 1) return null;
  const result = iso(Number(e.start.slice(0, 4)) + year - 1, Number(era[3]), Number(era[4]));
  if (!result || result < e.start) return null;
  const next = ERAS[index + 1];
  if (next && result >= next.start) return null;
  return result;
}

function iso(y: number, m: number, d: number): string | null {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return isValidIsoDate(s) ? s : null;
}

/** `YYYY-MM-DD` as the era date letters and forms print: 令和8年11月24日 (令和元年 for year 1). */
export function formatEraDate(isoDate: string): string {
  const index = ERAS.findLastIndex((e) => isoDate >= e.start);
  if (index < 0) return isoDate;
  const e = ERAS[index]!;
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const year = y - Number(e.start.slice(0, 4)) + 1;
  return `${e.name}${year === 1 ? '元' : year}年${m}月${d}日`;
}
