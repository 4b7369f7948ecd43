import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseDeadline,
  day14Date,
  isBusinessDay,
  pausedDays,
  spansFromChanges,
  targetDate,
  urgencyOf,
  type DayCount,
  type DeadlineRules,
  type PausedSpan,
} from '../../shared/domain/deadlines';
import { addDays } from '../../shared/domain/verification/date-rules';
import { japanDay } from '../../electron/services/today/deadline-store';
import { holidayName, isJapaneseHoliday } from '../../electron/services/today/holidays';

const rules = (targetDays: number, dayCount: DayCount): DeadlineRules => ({ targetDays, dayCount, isHoliday: isJapaneseHoliday });

describe('I5 response target', () => {
  it.each([
    // [case, arrival, days, mode, spans, expected]
    ['calendar: arrival + 14', '2026-11-02', 14, 'calendar', [], '2026-11-16'],
    ['calendar: across the year end', '2026-12-25', 14, 'calendar', [], '2027-01-08'],
    ['calendar: leap day counts', '2028-02-20', 14, 'calendar', [], '2028-03-05'],
    // 4/29 昭和の日, 5/3 Sun, 5/4, 5/5, 5/6 振替休日: the 10th business day is 5/18.
    ['business: Golden Week 2026', '2026-04-28', 10, 'business', [], '2026-05-18'],
    // 12/28-31 count (not public holidays), 1/1 and the weekend do not.
    ['business: year end 2026/27', '2026-12-25', 5, 'business', [], '2027-01-04'],
    // 2/11 建国記念の日 on a Sunday moves to Monday 2/12 (振替休日).
    ['business: 振替休日 2024-02-12', '2024-02-09', 1, 'business', [], '2024-02-13'],
    ['calendar: a 7-day pause in the middle', '2026-11-02', 14, 'calendar', [{ from: '2026-11-05', to: '2026-11-12' }], '2026-11-23'],
    // 11/3 文化の日 and 11/23 勤労感謝の日 skipped, 11/5-11/11 paused.
    ['business: a pause in the middle', '2026-11-02', 14, 'business', [{ from: '2026-11-05', to: '2026-11-12' }], '2026-12-01'],
  ] as const)('%s', (_name, arrival, days, mode, spans, expected) => {
    expect(targetDate(arrival, rules(days, mode), spans as readonly PausedSpan[])).toBe(expected);
  });

  it('uses the maintained holiday data, 振替休日 and 国民の休日 included', () => {
    expect(holidayName('2026-05-06')).toContain('振替休日');
    expect(isJapaneseHoliday('2026-09-22')).toBe(true); // 国民の休日 between 敬老の日 and 秋分の日
    expect(isJapaneseHoliday('2026-12-29')).toBe(false); // company year-end closure is not a public holiday
    expect(isBusinessDay('2026-05-07', isJapaneseHoliday)).toBe(true);
    expect(isBusinessDay('2026-05-09', isJapaneseHoliday)).toBe(false); // Saturday
  });

  it('a pause still running counts up to today, and moves the target day by day', () => {
    const spans = [{ from: '2026-11-05', to: null }];
    expect(pausedDays(spans, '2026-11-10')).toBe(5);
    expect(targetDate('2026-11-02', rules(14, 'calendar'), spans, '2026-11-10')).toBe('2026-11-21');
    expect(targetDate('2026-11-02', rules(14, 'calendar'), spans, '2026-11-11')).toBe('2026-11-22');
  });

  it('overlapping spans are counted once', () => {
    expect(pausedDays([{ from: '2026-11-05', to: '2026-11-10' }, { from: '2026-11-08', to: '2026-11-12' }], '2026-12-01')).toBe(7);
  });
});

describe('I5 / Art. 39 day-14 marker', () => {
  it('is arrival + 14 calendar days, never paused, in either mode', () => {
    const d = caseDeadline('2026-11-02', rules(10, 'business'), [{ from: '2026-11-05', to: '2026-11-12' }], { final: false, paused: false }, '2026-11-13');
    expect(d.day14On).toBe('2026-11-16');
    expect(day14Date('2026-12-25')).toBe('2027-01-08');
    expect(d.day14DaysLeft).toBe(3);
    expect(d.pausedDays).toBe(7);
  });
});

describe('urgency', () => {
  it.each([
    ['2026-11-20', '2026-11-21', 'overdue'],
    ['2026-11-21', '2026-11-21', 'due_soon'],
    ['2026-11-24', '2026-11-21', 'due_soon'],
    ['2026-11-25', '2026-11-21', 'on_track'],
  ] as const)('target %s on %s is %s', (target, today, expected) => {
    expect(urgencyOf(target, today, { final: false, paused: false })).toBe(expected);
  });

  it('paused and final cases are not ranked by their date', () => {
    expect(urgencyOf('2026-01-01', '2026-11-21', { final: false, paused: true })).toBe('paused');
    expect(urgencyOf('2026-01-01', '2026-11-21', { final: true, paused: false })).toBe('closed');
  });
});

describe('paused spans from the status history', () => {
  it('opens on entering deficient and closes on leaving it, by the day in Japan', () => {
    const changes = [
      { fromState: 'received', toState: 'checking', at: '2026-11-03T00:00:00.000Z' },
      // 01:00 JST on 11/05
      { fromState: 'checking', toState: 'deficient', at: '2026-11-04T16:00:00.000Z' },
      { fromState: 'deficient', toState: 'checking', at: '2026-11-12T00:30:00.000Z' },
      { fromState: 'checking', toState: 'deficient', at: '2026-11-20T03:00:00.000Z' },
    ];
    const spans = spansFromChanges(changes, (s) => s === 'deficient', japanDay);
    expect(spans).toEqual([
      { from: '2026-11-05', to: '2026-11-12' },
      { from: '2026-11-20', to: null },
    ]);
  });
});

const isoDay = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2045, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const mode = fc.constantFrom<DayCount>('calendar', 'business');

describe('properties', () => {
  it('the target lies after arrival, by at least targetDays calendar days', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 60 }), mode, (arrival, days, m) => {
        const t = targetDate(arrival, rules(days, m));
        expect(t >= addDays(arrival, days)).toBe(true);
        if (m === 'business') expect(isBusinessDay(t, isJapaneseHoliday)).toBe(true);
      }),
    );
  });

  it('is strictly monotone in the target days', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 60 }), mode, (arrival, days, m) => {
        expect(targetDate(arrival, rules(days + 1, m)) > targetDate(arrival, rules(days, m))).toBe(true);
      }),
    );
  });

  it('a pause never brings the target earlier, and a pause before the target moves it later', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 40 }), mode, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (arrival, days, m, start, length) => {
        const base = targetDate(arrival, rules(days, m));
        const span = { from: addDays(arrival, start), to: addDays(arrival, start + length) };
        const paused = targetDate(arrival, rules(days, m), [span]);
        expect(paused >= base).toBe(true);
        if (span.from <= base && m === 'calendar') expect(paused).toBe(addDays(base, length));
      }),
    );
  });
});
