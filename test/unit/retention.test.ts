import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_CLASSES, classesCovered, disposalDueOn, retentionRule, type RetentionSchedule } from '../../shared/domain/retention';

const schedule = fc.record({ idDocumentsMonths: fc.integer({ min: 0, max: 120 }), moneyOrderImagesMonths: fc.integer({ min: 0, max: 120 }), caseFileYears: fc.integer({ min: 1, max: 30 }) });
const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('retention schedule (S4)', () => {
  it('due dates: the close day plus the period, month ends clamped, never before the close', () => {
    const s: RetentionSchedule = { idDocumentsMonths: 6, moneyOrderImagesMonths: 3, caseFileYears: 3 };
    expect(disposalDueOn('id_documents', '2026-08-31', s)).toBe('2027-02-28');
    expect(disposalDueOn('money_order_images', '2026-11-30', s)).toBe('2027-02-28');
    expect(disposalDueOn('case_file', '2024-02-29', s)).toBe('2027-02-28');
    fc.assert(
      fc.property(schedule, day, (sch, closed) => {
        for (const c of RECORD_CLASSES) expect(disposalDueOn(c, closed, sch) >= closed).toBe(true);
        // The whole file is never due before the ID copies when its period is at least as long.
        if (sch.caseFileYears * 12 >= sch.idDocumentsMonths) expect(disposalDueOn('case_file', closed, sch) >= disposalDueOn('id_documents', closed, sch)).toBe(true);
      }),
    );
  });

  it('the case file covers every class; the rule names the period in both languages', () => {
    fc.assert(
      fc.property(fc.subarray([...RECORD_CLASSES], { minLength: 1 }), (classes) => {
        const covered = classesCovered(classes);
        expect(covered).toEqual(classes.includes('case_file') ? [...RECORD_CLASSES] : RECORD_CLASSES.filter((c) => classes.includes(c)));
      }),
    );
    expect(retentionRule('id_documents', { idDocumentsMonths: 6, moneyOrderImagesMonths: 6, caseFileYears: 3 })).toBe('本人確認書類の写し：終了後6か月 / ID document copies: 6 months after close');
    expect(retentionRule('case_file', { idDocumentsMonths: 6, moneyOrderImagesMonths: 6, caseFileYears: 3 })).toBe('案件記録一式：終了後3年 / whole case file: 3 years after close');
  });
});
