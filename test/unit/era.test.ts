import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEraDate, parseJapaneseDate } from '../../shared/domain/era';

describe('era dates (和暦)', () => {
  it.each([
    ['令和8年11月24日', '2026-11-24'],
    ['R8.11.24', '2026-11-24'],
    ['r8.3.1', '2026-03-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和１年５月１日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['H31.4.30', '2019-04-30'],
    ['昭和64年1月7日', '1989-01-07'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和55年3月1日', '1980-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026-03-01', '2026-03-01'],
    ['２０２６年３月１日', '2026-03-01'],
    ['令和 8 年 3 月 1 日', '2026-03-01'],
    ['令和8年11月24曰', '2026-11-24'],
  ])('%s -> %s', (text, iso) => {
    expect(parseJapaneseDate(text)).toBe(iso);
  });

  it.each([
    ['令和8年2月30日'],
    ['2026-02-29'],
    ['平成31年5月1日'], // 令和 had begun
    ['令和元年4月30日'], // 平成 still
    ['昭和64年1月8日'],
    ['令和0年1月1日'],
    ['2026-13-01'],
    ['来年'],
    [''],
  ])('%s is not a date', (text) => {
    expect(parseJapaneseDate(text)).toBeNull();
  });

  it.each([
    ['2026-11-24', '令和8年11月24日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['2024-02-29', '令和6年2月29日'],
  ])('%s prints as %s', (iso, text) => {
    expect(formatEraDate(iso)).toBe(text);
  });

  it('reads back every date it prints', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1927-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseJapaneseDate(formatEraDate(iso))).toBe(iso);
      }),
    );
  });
});
