import { describe, expect, it } from 'vitest';
import { checkRepeatRequests, DEFAULT_REPEAT_PERIOD_DAYS, type EarlierCase, earlierWithinPeriod, validateRepeatRefusal } from '../../shared/domain/verification';

const c = (caseNo: string, receivedOn: string, kinds: EarlierCase['kinds'] = ['K1']): EarlierCase => ({ caseNo, receivedOn, kinds, outcome: 'closed' });
const earlier = [c('2025-0001', '2025-03-30'), c('2025-0002', '2025-03-31', ['K3']), c('2026-0003', '2026-03-01'), c('2026-0004', '2026-04-02')];

describe('R3 earlier requests of the same person', () => {
  it('lists those within the period, inclusive, newest first', () => {
    expect(earlierWithinPeriod(earlier, '2026-03-31', 365).map((x) => x.caseNo)).toEqual(['2026-0004', '2026-0003', '2025-0002']);
    expect(earlierWithinPeriod(earlier, '2026-03-31', 366).map((x) => x.caseNo)).toEqual(['2026-0004', '2026-0003', '2025-0002', '2025-0001']);
    expect(earlierWithinPeriod(earlier, '2026-03-31', 30).map((x) => x.caseNo)).toEqual(['2026-0004', '2026-0003']);
    expect(earlierWithinPeriod(earlier, '2026-03-31', 29).map((x) => x.caseNo)).toEqual(['2026-0004']);
    expect(DEFAULT_REPEAT_PERIOD_DAYS).toBe(365);
  });

  it('rejects a nonsense period', () => {
    expect(() => earlierWithinPeriod(earlier, '2026-03-31', -1)).toThrow(RangeError);
    expect(() => earlierWithinPeriod(earlier, '2026-03-31', 1.5)).toThrow(RangeError);
  });

  it('pass without earlier cases in the period, needs_review with them', () => {
    expect(checkRepeatRequests([], '2026-03-31', ['K1'])).toMatchObject({ ruleId: 'R3', status: 'pass' });
    expect(checkRepeatRequests([c('2020-0001', '2020-01-01')], '2026-03-31', ['K1'])).toMatchObject({ status: 'pass' });
    const r = checkRepeatRequests(earlier, '2026-03-31', ['K1'], 365);
    expect(r.status).toBe('needs_review');
    expect(r.details!.sameKinds).toEqual(['2026-0004', '2026-0003']);
    expect(r.message.ja).toContain('2026-0003');
    expect(r.message.ja).toContain('令和8年3月1日');
    expect(r.findings!.map((f) => f.code)).toEqual(['same_kind', 'same_kind', 'other_kind']);
  });

  it('an unreadable application date still shows the earlier cases', () => {
    expect(checkRepeatRequests(earlier, null, ['K1']).status).toBe('needs_review');
    expect(checkRepeatRequests([], null, ['K1']).status).toBe('pass');
  });
});

describe('refusing as repeated (R3, seed Art. 10)', () => {
  const within = earlierWithinPeriod(earlier, '2026-03-31', 365);
  const good = { decidedByRole: 'administrator' as const, reason: '同一内容の開示請求が正当な理由なく3か月で5回繰り返されているため。', earlierCaseNos: ['2026-0003'] };
  it('an administrator with a written reason and earlier cases may refuse', () => {
    expect(validateRepeatRefusal(good, within)).toEqual({ ok: true });
  });
  it.each([
    [{ decidedByRole: 'clerk' as const }, '管理者のみ'],
    [{ decidedByRole: 'auditor' as const }, '管理者のみ'],
    [{ reason: '' }, '理由'],
    [{ reason: '　繰り返し　 ' }, '理由'],
    [{ earlierCaseNos: [] }, '過去の請求'],
    [{ earlierCaseNos: ['2025-0001'] }, '2025-0001'], // outside the period
    [{ earlierCaseNos: ['1999-0001'] }, '1999-0001'],
  ])('%o is refused', (over, ja) => {
    const r = validateRepeatRefusal({ ...good, ...over }, within);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]!.ja).toContain(ja);
    }
  });
  it('the reason length counts characters, not spaces', () => {
    expect(validateRepeatRefusal({ ...good, reason: '一二三四五六七八九十' }, within).ok).toBe(true);
    expect(validateRepeatRefusal({ ...good, reason: '一二三四五 六七八九' }, within).ok).toBe(false);
  });
});
