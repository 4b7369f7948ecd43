import ExcelJS from 'exceljs';
import officeCrypto from 'officecrypto-tool';
import { describe, expect, it } from 'vitest';
import { ADMIN, firstSignIn, useCores, value, type Call } from '../helpers/core';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();
const NOW = Date.parse('2026-11-24T03:00:00Z');

/** A K1/K2/K6 application (fee 1,000 yen) on a real vault at 2026-11-24. */
async function desk() {
  const { call } = makeCore({ dataDir: tempDir(), now: () => NOW });
  value(await call('vault.setup', ADMIN));
  const caseId = value(await call('envelopes.log', { arrivedOn: '2026-11-20', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true })).cases[0]!.id;
  const fields = fieldsOf({ ...FILLED, 'enclosure.idDocument': 'license', signature: '山田 太郎' });
  value(await call('cases.setFields', { id: caseId, fields }));
  return { call, caseId };
}

const order = (caseId: string, certificateNo: string, faceValue = 500, extra: Partial<{ issuedOn: string; receivedOn: string }> = {}) => ({
  caseId,
  certificateNo,
  faceValue,
  issuedOn: '2026-11-02',
  issuingOffice: '世田谷郵便局',
  receivedOn: '2026-11-20',
  ...extra,
});

const feeLine = async (call: Call, caseId: string) => value(await call('cases.checklist', { id: caseId })).results.find((r) => r.ruleId === 'F1' || r.ruleId === 'F3')!;

describe('money-order ledger (F1-F4) on a real vault', () => {
  it('records orders with payable-until, sums them, cashes one and audits every change', async () => {
    const { call, caseId } = await desk();
    const a = value(await call('moneyOrders.record', order(caseId, '12-345678')));
    expect(a).toMatchObject({ caseNo: '2026-0001', certificateNo: '12345678', faceValue: 500, payableUntil: '2027-05-02', state: 'received', lapse: 'ok' });
    const b = value(await call('moneyOrders.record', order(caseId, '12-345679', 500, { issuedOn: '2026-05-31', receivedOn: '2026-11-20' })));
    // F2: 5月31日 + 6 months = 11月30日, six days from 2026-11-24: within the 30-day horizon.
    expect(b).toMatchObject({ payableUntil: '2026-11-30', lapse: 'warning', daysLeft: 6 });

    let ledger = value(await call('moneyOrders.ledger', {}));
    expect(ledger.total).toBe(2);
    expect(ledger.sums).toEqual({ total: 1000, received: 1000, cashed: 0, returned: 0, lapsed: 0 });
    expect(value(await call('moneyOrders.ledger', { lapsing: true })).orders.map((o) => o.id)).toEqual([b.id]);

    const cashed = value(await call('moneyOrders.cash', { id: b.id, cashedOn: '2026-11-24', depositRef: 'DEP-2026-118' }));
    expect(cashed).toMatchObject({ state: 'cashed', cashedOn: '2026-11-24', depositRef: 'DEP-2026-118', lapse: 'ok' });
    ledger = value(await call('moneyOrders.ledger', {}));
    expect(ledger.sums).toMatchObject({ total: 1000, received: 500, cashed: 500 });
    expect(value(await call('moneyOrders.ledger', { state: 'cashed' })).orders.map((o) => o.id)).toEqual([b.id]);
    expect(value(await call('moneyOrders.ledger', { lapsing: true })).orders).toEqual([]);

    const months = value(await call('moneyOrders.monthlyTotals', {}));
    expect(months).toEqual([{ month: '2026-11', receivedCount: 2, received: 1000, cashedCount: 1, cashed: 500, returnedCount: 0, returned: 0, lapsedCount: 0, lapsed: 0 }]);

    const audit = value(await call('audit.list', { action: 'money_order.' })).entries;
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['money_order.recorded', 'money_order.cashed', 'money_order.listed']));
    const cashEntry = audit.find((e) => e.action === 'money_order.cashed')!;
    expect(cashEntry.recordId).toBe(b.id);
    expect(cashEntry.summary).toMatchObject({ caseNo: '2026-0001', faceValue: 500, from: 'received', to: 'cashed', cashedOn: '2026-11-24' });
  });

  it('refuses cashing a returned order, bilingually, and leaves it returned (F4)', async () => {
    const { call, caseId } = await desk();
    const a = value(await call('moneyOrders.record', order(caseId, 'A-1')));
    value(await call('moneyOrders.return', { id: a.id, returnedOn: '2026-11-23', letterId: 'letter-1' }));
    const refused = await call('moneyOrders.cash', { id: a.id, cashedOn: '2026-11-24', depositRef: 'X' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'MONEY_ORDER_ILLEGAL_CHANGE', message: { ja: '「返還済み」の定額小為替を「換金済み」にすることはできません。', en: 'A money order that is "Returned" cannot become "Cashed".' } },
    });
    expect(value(await call('moneyOrders.list', { caseId }))[0]).toMatchObject({ state: 'returned', returnedOn: '2026-11-23', returnLetterId: 'letter-1', cashedOn: null });
    expect(value(await call('audit.list', { action: 'money_order.cashed' })).total).toBe(0);
  });

  it('validates what is recorded: face value, future dates, date order, duplicates', async () => {
    const { call, caseId } = await desk();
    expect(await call('moneyOrders.record', order(caseId, 'B-1', 600))).toMatchObject({ error: { code: 'MONEY_ORDER_FACE_VALUE_UNKNOWN', message: { ja: expect.stringContaining('600') } } });
    expect(await call('moneyOrders.record', order(caseId, 'B-1', 500, { receivedOn: '2026-11-25' }))).toMatchObject({
      error: { code: 'DATE_IN_FUTURE', message: { ja: '受領日に未来の日付は指定できません。' } },
    });
    expect(await call('moneyOrders.record', order(caseId, 'B-1', 500, { issuedOn: '2026-11-21' }))).toMatchObject({
      error: { code: 'DATE_ORDER', message: { ja: '受領日は発行日より前の日付にできません。', en: 'The received date cannot be before the issue date.' } },
    });
    const first = value(await call('moneyOrders.record', order(caseId, 'B-1')));
    expect(await call('moneyOrders.record', order(caseId, 'b １'))).toMatchObject({ error: { code: 'MONEY_ORDER_DUPLICATE', message: { en: expect.stringContaining('2026-0001') } } });
    // Returned orders may come back with a re-sent set (I4) and be recorded again.
    value(await call('moneyOrders.return', { id: first.id, returnedOn: '2026-11-21' }));
    expect(value(await call('moneyOrders.record', order(caseId, 'B-1', 500, { receivedOn: '2026-11-24' }))).state).toBe('received');
    // Marking lapsed before the last payable day is refused (F2).
    expect(await call('moneyOrders.lapse', { id: (await lastOrder(call, caseId)).id })).toMatchObject({ error: { code: 'MONEY_ORDER_NOT_LAPSED' } });
  });

  it('lets a lapsed order still be returned (F2/F4)', async () => {
    const { call, caseId } = await desk();
    const old = value(await call('moneyOrders.record', order(caseId, 'C-1', 1000, { issuedOn: '2026-04-01', receivedOn: '2026-04-10' })));
    expect(old).toMatchObject({ payableUntil: '2026-10-01', lapse: 'lapsed' });
    expect(value(await call('moneyOrders.lapse', { id: old.id, lapsedOn: '2026-10-02' })).state).toBe('lapsed');
    expect(value(await call('moneyOrders.return', { id: old.id, returnedOn: '2026-11-24' })).state).toBe('returned');
    const months = value(await call('moneyOrders.monthlyTotals', {}));
    expect(months.map((m) => [m.month, m.received, m.lapsed, m.returned])).toEqual([
      ['2026-04', 1000, 0, 0],
      ['2026-10', 0, 1000, 0],
      ['2026-11', 0, 0, 1000],
    ]);
  });

  it('F3: the checklist fee line passes with two 500-yen orders on a K1 case, fails with one; returned orders do not pay', async () => {
    const { call, caseId } = await desk();
    expect(await feeLine(call, caseId)).toMatchObject({ ruleId: 'F3', status: 'fail' });
    value(await call('moneyOrders.record', order(caseId, 'D-1')));
    const one = await feeLine(call, caseId);
    expect(one).toMatchObject({ ruleId: 'F3', status: 'fail', message: { en: 'The fee is ¥500 short (¥500 of ¥1,000).' } });
    const second = value(await call('moneyOrders.record', order(caseId, 'D-2')));
    expect(await feeLine(call, caseId)).toMatchObject({ ruleId: 'F1', status: 'pass' });
    value(await call('moneyOrders.cash', { id: second.id, cashedOn: '2026-11-24', depositRef: 'DEP-1' }));
    expect(await feeLine(call, caseId)).toMatchObject({ ruleId: 'F1', status: 'pass' });
    const first = (await lastOrder(call, caseId, 0)).id;
    value(await call('moneyOrders.return', { id: first, returnedOn: '2026-11-24' }));
    expect(await feeLine(call, caseId)).toMatchObject({ ruleId: 'F3', status: 'fail' });
  });

  it('I4/F3: after a re-sent set only its own orders pay the fee; the deficient set\'s order does not count again', async () => {
    const { call, caseId } = await desk();
    value(await call('moneyOrders.record', order(caseId, 'G-1', 1000)));
    expect(await feeLine(call, caseId)).toMatchObject({ ruleId: 'F1', status: 'pass' });
    value(await call('cases.transition', { id: caseId, to: 'checking' }));
    value(await call('cases.transition', { id: caseId, to: 'deficient', reason: '本人確認書類の不足' }));
    // The whole set comes again on 11-24 and is attached to the waiting case.
    value(await call('envelopes.log', { arrivedOn: '2026-11-24', delivery: 'ippan_kakitome', redMarking: true, resubmissionFor: caseId }));
    expect(value(await call('cases.get', { id: caseId })).status).toBe('checking');
    expect(await feeLine(call, caseId)).toMatchObject({ ruleId: 'F3', status: 'fail' });
    value(await call('moneyOrders.record', order(caseId, 'G-2', 1000, { receivedOn: '2026-11-24' })));
    expect(await feeLine(call, caseId)).toMatchObject({ ruleId: 'F1', status: 'pass', details: { paid: 1000 } });
  });

  it('warns at the horizon set in settings (F2)', async () => {
    const { call, caseId } = await desk();
    // Issued 5月31日: payable until 11月30日, six days after 2026-11-24.
    const o = value(await call('moneyOrders.record', order(caseId, 'H-1', 500, { issuedOn: '2026-05-31' })));
    expect(o).toMatchObject({ lapse: 'warning', daysLeft: 6 });
    value(await call('settings.update', { moneyOrderWarningDays: 5 }));
    expect(value(await call('moneyOrders.list', { caseId }))[0]).toMatchObject({ lapse: 'ok', daysLeft: 6 });
    expect(value(await call('moneyOrders.ledger', { lapsing: true })).total).toBe(0);
    value(await call('settings.update', { moneyOrderWarningDays: 6 }));
    expect(value(await call('moneyOrders.ledger', { lapsing: true }))).toMatchObject({ total: 1, warningDays: 6, orders: [{ id: o.id, lapse: 'warning' }] });
  });

  it('exports an encrypted XLSX readable only with the password; plaintext only when acknowledged; audited without personal data', async () => {
    const { call, caseId } = await desk();
    value(await call('moneyOrders.record', order(caseId, 'E-1')));
    value(await call('moneyOrders.record', { ...order(caseId, 'E-2', 250), issuingOffice: '=HYPERLINK("x")' }));
    const password = 'kaikei 2026 secret';
    const enc = value(await call('moneyOrders.export', { format: 'xlsx', password, filter: { caseId } }));
    expect(enc).toMatchObject({ encrypted: true, rows: 2, fileName: 'money-orders-2026-11-24.xlsx' });
    const bytes = Buffer.from(enc.dataBase64, 'base64');
    // An OLE compound file (encrypted OOXML), not a zip: nothing readable without the password.
    expect(bytes.subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1');
    expect(officeCrypto.isEncrypted(bytes)).toBe(true);
    // Markers long enough that ciphertext cannot contain them by chance (a 2-byte one could).
    for (const marker of ['2026-0001', 'xl/worksheets', '[Content_Types]']) expect(bytes.includes(Buffer.from(marker))).toBe(false);
    await expect(officeCrypto.decrypt(bytes, { password: 'wrong password' })).rejects.toThrow();
    const wb = new ExcelJS.Workbook();
    const plain = await officeCrypto.decrypt(bytes, { password });
    await wb.xlsx.load(plain as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    const rows = [2, 3].map((n) => sheet.getRow(n).values as unknown[]);
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['2026-0001', 'E1', 500],
      ['2026-0001', 'E2', 250],
    ]);
    expect(wb.worksheets[1]!.getRow(2).values).toEqual([undefined, '2026-11', 750, 0, 0, 0]);

    expect(await call('moneyOrders.export', { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'EXPORT_PLAINTEXT_NOT_ACKNOWLEDGED' } });
    expect(await call('moneyOrders.export', { format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'EXPORT_PLAINTEXT_NOT_ACKNOWLEDGED' } });
    expect(await call('moneyOrders.export', { format: 'csv', password })).toMatchObject({ ok: false, error: { code: 'EXPORT_CSV_NOT_ENCRYPTABLE' } });
    const csv = value(await call('moneyOrders.export', { format: 'csv', plaintextAcknowledged: true }));
    const text = Buffer.from(csv.dataBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF"案件番号 Case no."')).toBe(true);
    expect(text).toContain('"2026-0001","E1",500,"2026-11-02","世田谷郵便局"');
    // A typed formula is defused.
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    const plainXlsx = value(await call('moneyOrders.export', { format: 'xlsx', plaintextAcknowledged: true, filter: { state: 'received' } }));
    expect(Buffer.from(plainXlsx.dataBase64, 'base64').subarray(0, 2).toString()).toBe('PK');

    const exports = value(await call('audit.list', { action: 'money_order.exported' })).entries;
    expect(exports.map((e) => e.summary)).toEqual([
      { filter: { state: 'received' }, format: 'xlsx', rows: 2, encrypted: false },
      { filter: {}, format: 'csv', rows: 2, encrypted: false },
      { filter: { caseId }, format: 'xlsx', rows: 2, encrypted: true },
    ]);
    expect(JSON.stringify(exports)).not.toMatch(/E1|世田谷|山田/);
  });

  it('leaves recording to intake staff and the export to administrators', async () => {
    const { call, caseId } = await desk();
    value(await call('staff.add', { displayName: '監査 次郎', login: 'jiro', role: 'auditor', passphrase: 'auditor passphrase 1' }));
    value(await call('staff.add', { displayName: '担当 一郎', login: 'ichiro', role: 'clerk', passphrase: 'clerk passphrase 1' }));
    await firstSignIn(call, 'jiro', 'auditor passphrase 1'); // #13 item 8: an administrator set it
    expect(await call('moneyOrders.record', order(caseId, 'F-1'))).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(value(await call('moneyOrders.ledger', {})).total).toBe(0);
    expect(await call('moneyOrders.export', { format: 'xlsx', password: 'long enough pw' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    await firstSignIn(call, 'ichiro', 'clerk passphrase 1'); // #13 item 8: an administrator set it
    expect(value(await call('moneyOrders.record', order(caseId, 'F-1'))).state).toBe('received');
    expect(await call('moneyOrders.export', { format: 'xlsx', password: 'long enough pw' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

async function lastOrder(call: Call, caseId: string, index = -1) {
  const list = value(await call('moneyOrders.list', { caseId }));
  return list.at(index)!;
}
