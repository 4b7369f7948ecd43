/**
 * The boundary dates the verification issue (#4) names, through the whole checklist
 * (runChecklist), so each case is checked the way the case file shows it; plus the R3 window
 * in calendar months and the application dated after the envelope arrived (a future date).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCompleteness, checklistOf, earlierWithinPeriod, monthsBefore, type IdDocument } from '../../shared/domain/verification';
import { completeFields } from './verification-fixtures';

const era = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return y >= 2019 && iso >= '2019-05-01' ? `令和${y - 2018 === 1 ? '元' : y - 2018}年${m}月${d}日` : `平成${y - 1988}年${m}月${d}日`;
};

/** The subject's ID result of a complete K3 application dated `applied` (no fee due). */
function idResult(applied: string, doc: Partial<IdDocument> & Pick<IdDocument, 'type'>) {
  const fields = completeFields({ 'application.date': era(applied), 'request.k1': 'false', 'request.k3': 'true', 'request.reason': '住所の訂正' });
  const subjectIds: IdDocument[] = [{ name: '山田 太郎', address: '東京都新宿区西早稲田2丁目20番15号', birthDate: '昭和55年3月1日', ...doc }];
  const checklist = checklistOf({ fields, subjectIds, moneyOrders: [] });
  return checklist.results.find((r) => r.party === 'subject' && r.ruleId !== 'I3')!;
}

describe('D1 through the checklist: 3月31日 and the end of February', () => {
  it.each([
    ['2026-03-31', '2026-02-28', 'pass'], // non-leap year: 2月28日 is exactly one month before
    ['2026-03-31', '2026-02-27', 'fail'],
    ['2028-03-31', '2028-02-29', 'pass'], // leap year: 2月29日
    ['2028-03-31', '2028-02-28', 'fail'], // ...and 2月28日 is then one day too old
    ['2026-03-31', '2026-04-01', 'fail'], // issued after the application date
  ])('applied %s, residence certificate issued %s -> %s', (applied, issued, expected) => {
    expect(idResult(applied, { type: 'residence_certificate', issuedOn: issued })).toMatchObject({ ruleId: 'D1', status: expected });
  });
});

describe('D2-D5 through the checklist: expiry on the application date and the era boundary', () => {
  it.each([
    ['drivers_license', 'D2'],
    ['passport', 'D3'],
    ['health_insurance', 'D4'],
    ['pension_book', 'D5'],
  ] as const)('%s expiring on the application date is still valid (%s); the day before is not', (type, rule) => {
    expect(idResult('2026-03-31', { type, issuedOn: '2020-01-01', validUntil: '2026-03-31' })).toMatchObject({ ruleId: rule, status: 'pass' });
    expect(idResult('2026-03-31', { type, issuedOn: '2020-01-01', validUntil: '2026-03-30' })).toMatchObject({ ruleId: rule, status: 'fail' });
  });

  it('平成31年4月30日 / 令和元年5月1日: valid until the last 平成 day covers 4月30日, not 5月1日', () => {
    expect(idResult('2019-04-30', { type: 'drivers_license', issuedOn: '2016-01-01', validUntil: '平成31年4月30日' }).status).toBe('pass');
    expect(idResult('2019-05-01', { type: 'drivers_license', issuedOn: '2016-01-01', validUntil: '平成31年4月30日' }).status).toBe('fail');
    expect(idResult('2019-05-01', { type: 'passport', issuedOn: '2016-01-01', validUntil: '令和元年5月1日' }).status).toBe('pass');
  });

  it('2月30日 is rejected with a clear message in both languages', () => {
    const r = idResult('2026-03-31', { type: 'passport', issuedOn: '2020-01-01', validUntil: '令和9年2月30日' });
    expect(r.status).toBe('fail');
    const text = JSON.stringify(r);
    expect(text).toContain('2月30日');
    expect(text).toMatch(/not a real calendar date/);
  });
});

describe('I3: an application dated after the envelope arrived (a future date)', () => {
  it('needs review, naming both dates; on or before the arrival day it passes', () => {
    const fields = completeFields({ 'application.date': '令和8年4月2日' });
    const late = checkCompleteness(fields, '2026-04-01');
    expect(late).toMatchObject({ ruleId: 'I3', status: 'needs_review' });
    expect(late.findings![0]).toMatchObject({ code: 'application_after_arrival', field: 'application.date' });
    expect(late.findings![0]!.message.ja).toContain('令和8年4月2日');
    expect(late.findings![0]!.message.en).toContain('2026-04-01');
    expect(checkCompleteness(fields, '2026-04-02').status).toBe('pass');
  });

  it('a missing field still fails, with the future date listed beside it', () => {
    const r = checkCompleteness(completeFields({ 'application.date': '令和8年4月2日', 'subject.name': '' }), '2026-04-01');
    expect(r.status).toBe('fail');
    expect(r.message.ja).toContain('1 件');
    expect(r.findings!.map((f) => f.status).sort()).toEqual(['fail', 'needs_review']);
  });
});

describe('R3 window in calendar months (the repeatPeriodMonths setting)', () => {
  it.each([
    ['2026-03-31', 1, '2026-02-28'],
    ['2028-03-31', 1, '2028-02-29'],
    ['2026-11-20', 12, '2025-11-20'],
    ['2026-01-31', 13, '2024-12-31'],
    ['2026-05-15', 0, '2026-05-15'],
  ])('%s minus %i month(s) = %s', (iso, n, expected) => {
    expect(monthsBefore(iso, n)).toBe(expected);
  });

  it('an earlier request received exactly N months before counts; the day before does not', () => {
    const earlier = [
      { caseNo: '2025-0001', receivedOn: '2025-11-20', kinds: ['K1' as const], outcome: 'closed' },
      { caseNo: '2025-0002', receivedOn: '2025-11-19', kinds: ['K1' as const], outcome: 'closed' },
    ];
    expect(earlierWithinPeriod(earlier, '2026-11-20', { months: 12 }).map((c) => c.caseNo)).toEqual(['2025-0001']);
  });

  it('property: N months back is never later than N*28 days back nor earlier than N*31 days back', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 60 }), (d, n) => {
        const iso = d.toISOString().slice(0, 10);
        const back = monthsBefore(iso, n);
        const days = (Date.parse(iso) - Date.parse(back)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(n * 28);
        expect(days).toBeLessThanOrEqual(n * 31);
        // same day of month, unless that month is shorter (then its last day)
        expect(Number(back.slice(8))).toBeLessThanOrEqual(Number(iso.slice(8)));
      }),
    );
  });
});
