import holidayJp from '@holiday-jp/holiday_jp';

/**
 * Japanese public holidays from the maintained @holiday-jp/holiday_jp data (I5: no hand-typed
 * list), including 振替休日 and 国民の休日. The library covers 1970-2050; later years have
 * weekends only until the package is updated. Its own isHoliday() scans every key per call,
 * so the dates go into a Set once.
 */
const HOLIDAYS: ReadonlySet<string> = new Set(Object.keys(holidayJp.holidays));

export const isJapaneseHoliday = (iso: string): boolean => HOLIDAYS.has(iso);

/** The holiday's Japanese name, for tests and tooltips. */
export function holidayName(iso: string): string | null {
  const h = (holidayJp.holidays as Record<string, { name: string } | undefined>)[iso];
  return h?.name ?? null;
}
