/**
 * Yearly report figures (#15 item 4) against a hand count: four cases walked through their
 * states on a controlled clock (real encrypted vault, real dispatcher), money orders received,
 * cashed and returned; the XLSX export read back.
 */
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, useCores, value, type Call, addStaffSignedInOnce } from '../helpers/core';
import { COMPANY_SETTINGS } from '../helpers/letters-case';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { useTempDirs } from '../helpers/temp-dir';
import { OcrPool } from '../../electron/services/ocr';
import { renderPages, squash } from './letters-pixels';

const tempDir = useTempDirs();
const makeCore = useCores();
let pool: OcrPool | undefined;
afterAll(() => pool?.terminate());

const NO_KINDS = { 'request.k1': false, 'request.k2': false, 'request.k3': false, 'request.k4': false, 'request.k5': false, 'request.k6': false };

describe('yearly report (#15 item 4)', () => {
  it('figures per month and for the year equal a hand count; the XLSX carries the same numbers', async () => {
    let clock = Date.parse('2026-03-02T01:00:00Z');
    const { call } = makeCore({ dataDir: tempDir(), now: () => clock });
    const at = (day: string) => {
      clock = Date.parse(`${day}T01:00:00Z`); // 10:00 in Japan
    };
    value(await call('vault.setup', ADMIN));
    value(await call('settings.update', { ...COMPANY_SETTINGS, responseTargetDays: 14, responseDayCount: 'calendar' }));

    const newCase = async (c: Call, arrivedOn: string, kinds: Record<string, boolean>) => {
      at(arrivedOn);
      const logged = value(await c('envelopes.log', { arrivedOn, delivery: 'futsu', redMarking: true }));
      const id = logged.cases[0]!.id;
      value(await c('cases.setFields', { id, fields: fieldsOf({ ...FILLED, ...NO_KINDS, ...kinds }) }));
      value(await c('cases.transition', { id, to: 'checking' }));
      return id;
    };
    const to = async (id: string, day: string, state: 'accepted' | 'refused' | 'deficient' | 'checking', reason?: string) => {
      at(day);
      value(await call('cases.transition', { id, to: state, ...(reason ? { reason } : {}) }));
    };
    // A case is answered when its reply is issued (#10: responding follows the letter, not a hand move).
    const answer = async (id: string, day: string) => {
      at(day);
      const draft = value(await call('letters.create', { caseId: id, template: 'combined_reply' }));
      value(await call('letters.issue', { id: draft.id }));
    };

    // A: K1 K2 K6, answered on day 8.
    const a = await newCase(call, '2026-03-02', { 'request.k1': true, 'request.k2': true, 'request.k6': true });
    const o1 = value(await call('moneyOrders.record', { caseId: a, certificateNo: '12-000001', faceValue: 500, issuedOn: '2026-02-20', issuingOffice: '新宿', receivedOn: '2026-03-02' }));
    const o2 = value(await call('moneyOrders.record', { caseId: a, certificateNo: '12-000002', faceValue: 500, issuedOn: '2026-02-20', issuingOffice: '新宿', receivedOn: '2026-03-02' }));
    await to(a, '2026-03-03', 'accepted');
    at('2026-03-05');
    value(await call('decisions.record', { caseId: a, kind: 'K1', outcome: 'done', grounds: [], reasonText: '' }));
    value(await call('decisions.record', { caseId: a, kind: 'K2', outcome: 'partial', grounds: ['business'], reasonText: '一部' }));
    value(await call('decisions.record', { caseId: a, kind: 'K6', outcome: 'no_data', grounds: [], reasonText: '' }));
    await answer(a, '2026-03-10');
    at('2026-03-12');
    value(await call('moneyOrders.return', { id: o2.id, returnedOn: '2026-03-12' }));
    at('2026-04-10');
    value(await call('moneyOrders.cash', { id: o1.id, cashedOn: '2026-04-10', depositRef: 'D-1' }));

    // B: K3, deficient for 10 days (clock paused), answered on day 19: within target, past day 14.
    const b = await newCase(call, '2026-03-09', { 'request.k3': true });
    await to(b, '2026-03-10', 'deficient', '署名がありません');
    await to(b, '2026-03-20', 'checking');
    await to(b, '2026-03-21', 'accepted');
    value(await call('decisions.record', { caseId: b, kind: 'K3', outcome: 'not_done', grounds: ['not_liable'], reasonText: '事実と相違ありません' }));
    await answer(b, '2026-03-28');

    // C: K5, refused on day 19: over target and past day 14.
    const c = await newCase(call, '2026-04-01', { 'request.k5': true });
    await to(c, '2026-04-20', 'refused', '同一の請求の繰り返し');

    // D: K1, still open on 2026-05-01: over target and past day 14, not answered.
    const d = await newCase(call, '2026-04-06', { 'request.k1': true });
    value(await call('moneyOrders.record', { caseId: d, certificateNo: '12-000003', faceValue: 1000, issuedOn: '2026-04-01', issuingOffice: '渋谷', receivedOn: '2026-04-06' }));
    at('2026-05-01');

    const report = value(await call('reports.year', { year: 2026 }));
    const march = report.months[2]!;
    const april = report.months[3]!;
    expect(march).toMatchObject({
      period: '2026-03',
      received: 2,
      byKind: { K1: 1, K2: 1, K3: 1, K4: 0, K5: 0, K6: 1 },
      byOutcome: { done: 1, partial: 1, not_done: 1, no_data: 1, alternative: 0 },
      byGround: { business: 1, not_liable: 1, harm: 0 },
      answered: 2,
      daysMedian: 8,
      daysP90: 19,
      overTarget: 0,
      pastDay14: 1,
      deficient: 1,
      deficiencyRate: 0.5,
      fees: { received: { count: 2, yen: 1000 }, cashed: { count: 0, yen: 0 }, returned: { count: 1, yen: 500 } },
    });
    expect(april).toMatchObject({
      received: 2,
      byKind: { K1: 1, K5: 1 },
      byOutcome: { done: 0, partial: 0, not_done: 0, no_data: 0 },
      answered: 1,
      daysMedian: 19,
      daysP90: 19,
      overTarget: 2,
      pastDay14: 2,
      deficient: 0,
      fees: { received: { count: 1, yen: 1000 }, cashed: { count: 1, yen: 500 }, returned: { count: 0, yen: 0 } },
    });
    expect(report.months.filter((m) => m.received > 0).map((m) => m.period)).toEqual(['2026-03', '2026-04']);
    expect(report.total).toMatchObject({
      period: '2026',
      received: 4,
      answered: 3,
      daysMedian: 19,
      daysP90: 19,
      overTarget: 2,
      pastDay14: 3,
      deficient: 1,
      deficiencyRate: 0.25,
      fees: { received: { count: 3, yen: 2000 }, cashed: { count: 1, yen: 500 }, returned: { count: 1, yen: 500 } },
    });
    expect(value(await call('reports.year', { year: 2025 })).total.received).toBe(0);

    const file = value(await call('reports.exportXlsx', { year: 2026 }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const total = (sheet.getRow(14).values as unknown[]).slice(1);
    const col = (name: string) => total[header.findIndex((h) => h.startsWith(name))];
    expect(sheet.rowCount).toBe(14);
    expect(col('期間')).toBe('2026');
    expect(col('受付')).toBe(4);
    expect(col('14日超過')).toBe(3);
    expect(col('小為替受領')).toBe(2000);
    expect((sheet.getRow(4).values as unknown[])[2]).toBe(2); // March received

    // The PDF, rendered to pixels and read back (glyphs really embedded, not only extractable text).
    const pdf = Buffer.from(value(await call('reports.exportPdf', { year: 2026 })).dataBase64, 'base64');
    const pages = await renderPages(pdf, 200);
    expect(pages).toHaveLength(1);
    pool = new OcrPool({ size: 1 });
    const text = squash((await pool.recognize(pages[0]!.png, { lang: 'jpn+eng' })).text);
    expect(text).toContain('開示等の請求の状況');
    expect(text).toContain('年計');
    expect(text).toContain('令和8年');

    const actions = value(await call('audit.list', {})).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['report.viewed', 'report.exported']));
  });

  it('is for administrators and auditors only', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    value(await call('vault.setup', ADMIN));
    await addStaffSignedInOnce(call, { login: 'jimu', displayName: '事務 次郎', role: 'clerk', passphrase: 'clerk passphrase long enough' });
    value(await call('vault.unlock', { login: 'jimu', passphrase: 'clerk passphrase long enough' }));
    expect(await call('reports.year', { year: 2026 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
