import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysInMonth, oneMonthBefore, readDate } from '../../shared/domain/verification';

const L = { ja: '請求日', en: 'Date of application' };

describe('oneMonthBefore: D1 earliest valid issue date', () => {
  it.each([
    ['2026-03-31', '2026-02-28'], // non-leap: no 2月31日, clamp to the last day
    ['2028-03-31', '2028-02-29'], // leap year
    ['2026-03-30', '2026-02-28'],
    ['2028-03-30', '2028-02-29'],
    ['2026-03-29', '2026-02-28'],
    ['2028-03-29', '2028-02-29'],
    ['2026-03-28', '2026-02-28'],
    ['2026-05-31', '2026-04-30'],
    ['2026-07-31', '2026-06-30'],
    ['2026-08-31', '2026-07-31'],
    ['2026-03-15', '2026-02-15'],
    ['2026-01-10', '2025-12-10'], // year boundary
    ['2026-01-31', '2025-12-31'],
    ['2100-03-31', '2100-02-28'], // 2100 is not a leap year
    ['2000-03-31', '2000-02-29'], // 2000 is
  ])('application %s -> earliest %s', (app, earliest) => {
    expect(oneMonthBefore(app)).toBe(earliest);
  });

  it('is never more than 31 days nor less than 28 days back', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const app = d.toISOString().slice(0, 10);
        const gap = daysBetween(oneMonthBefore(app), app);
        expect(gap).toBeGreaterThanOrEqual(28);
        expect(gap).toBeLessThanOrEqual(31);
      }),
    );
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2019-04-30', 1, '2019-05-01'],
  ])('%s + %i = %s', (a, n, b) => {
    expect(addDays(a, n)).toBe(b);
    expect(daysBetween(a, b)).toBe(n);
  });
  it.each([
    [2026, 2, 28],
    [2028, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('days in %i-%i = %i', (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
  });
});

describe('readDate: what the form and staff write', () => {
  it.each([
    ['令和8年3月31日', '2026-03-31'],
    ['R8.3.31', '2026-03-31'],
    ['2026-03-31', '2026-03-31'],
    ['２０２６年３月３１日', '2026-03-31'],
    ['平成31年4月30日', '2019-04-30'], // last day of 平成
    ['令和元年5月1日', '2019-05-01'], // first day of 令和
    ['令和2年2月29日', '2020-02-29'],
  ])('%s -> %s', (text, iso) => {
    expect(readDate(text, L)).toEqual({ ok: true, iso });
  });

  it.each([
    ['令和8年2月30日', 'impossible', '存在しない日付'],
    ['2026-02-29', 'impossible', '存在しない日付'],
    ['2026/4/31', 'impossible', '存在しない日付'],
    ['2026年13月1日', 'impossible', '存在しない日付'],
    ['平成31年5月1日', 'outside_era', '平成の期間にない'],
    ['令和元年4月30日', 'outside_era', '令和の期間にない'],
    ['らいしゅう', 'unreadable', '読み取れません'],
    ['', 'missing', '記入されていません'],
    ['  ', 'missing', '記入されていません'],
  ])('%s is rejected (%s)', (text, code, ja) => {
    const r = readDate(text, L);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.message.ja).toContain(ja);
    expect(r.message.ja).toContain('請求日');
    expect(r.message.en).toContain('Date of application');
  });

  it('names the impossible day in both languages', () => {
    const r = readDate('令和8年2月30日', L);
    expect(r).toMatchObject({ ok: false, message: { ja: expect.stringContaining('2月30日'), en: expect.stringContaining('not a real calendar date') } });
  });
});
