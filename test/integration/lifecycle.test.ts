/**
 * The case lifecycle as enforced rules (issue #10), through the real dispatcher over real
 * encrypted vaults: the K1+K2 case that used to close with K2 unanswered, a refused case that
 * ends with its refusal notice delivered, the close guard with an administrator's waiver,
 * a clerk's change to a decided letter, and OCR-read kinds that need a person's confirmation.
 */
import { describe, expect, it } from 'vitest';
import { draftText } from '../../shared/domain/letters';
import { ADMIN, useCores, value, type Call, addStaffSignedInOnce } from '../helpers/core';
import { acceptedCase } from '../helpers/letters-case';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
export const CLERK = { displayName: '事務 次郎', login: 'jiro', role: 'clerk' as const, passphrase: 'another long passphrase 42' };

async function sendAndDeliver(call: Call, caseId: string, letterId: string) {
  const item = value(await call('mail.logOutbound', { caseId, letterId, method: 'ippan_kakitome', trackingNumber: '123456789013', proofRequested: true, sentOn: today() }));
  return value(await call('mail.recordDelivery', { id: item.id, deliveredOn: today(), proofReceivedOn: today() }));
}

const owedKeys = async (call: Call, caseId: string) => value(await call('cases.obligations', { caseId })).owed.map((o) => `${o.code}:${o.kind ?? o.notice ?? ''}`);

describe('every requested kind ends in a written answer that was sent (R1)', () => {
  it('K1+K2: the K1 letter delivered leaves the case open with "K2 owed" on Today; the K2 letter delivered closes it', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    const { caseId, caseNo } = await acceptedCase(call, { 'request.k6': false });
    value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'done', enclosures: ['会員登録情報の写し 1通'] }));
    value(await call('decisions.record', { caseId, kind: 'K2', outcome: 'done', reasonText: 'ご注文商品の発送のため' }));
    const k1 = value(await call('letters.create', { caseId, template: 'disclosure' }));
    value(await call('letters.issue', { id: k1.id }));
    expect((await sendAndDeliver(call, caseId, k1.id)).caseClosed).toBe(false);
    expect(value(await call('cases.get', { id: caseId })).status).toBe('responding');

    // The one rule speaks in the case header, Today and the letters panel alike.
    expect(await owedKeys(call, caseId)).toEqual(['compose:K2']);
    const row = value(await call('cases.owed', {})).find((r) => r.caseId === caseId)!;
    expect(row).toMatchObject({ caseNo, status: 'responding' });
    expect(row.owed.map((o) => o.label.ja)).toEqual([expect.stringContaining('K2')]);
    expect(value(await call('letters.suggest', { caseId })).map((s) => s.template)).toEqual(['purpose_of_use']);
    // Nor can anyone close it by hand without a waiver: the guard names what is owed.
    const closeTry = await call('cases.transition', { id: caseId, to: 'closed' });
    expect(closeTry).toMatchObject({ ok: false, error: { code: 'WAIVER_REASON_REQUIRED' } });

    const k2 = value(await call('letters.create', { caseId, template: 'purpose_of_use' }));
    value(await call('letters.issue', { id: k2.id }));
    expect(await owedKeys(call, caseId)).toEqual(['mail:K2']);
    expect((await sendAndDeliver(call, caseId, k2.id)).caseClosed).toBe(true);
    expect(value(await call('cases.get', { id: caseId })).status).toBe('closed');
    expect(await owedKeys(call, caseId)).toEqual([]);
    expect(value(await call('cases.owed', {})).some((r) => r.caseId === caseId)).toBe(false);
  });

  it('a refused case gets its refusal notice with the ground and the money order back, and closes once it is delivered', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    const { caseId } = await acceptedCase(call);
    // acceptedCase accepted it; a second one is refused from checking (R3, seed Art. 10).
    const logged = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true }));
    const refusedId = logged.cases[0]!.id;
    void caseId;
    value(await call('cases.setFields', { id: refusedId, fields: [{ field: 'request.k1', value: 'true' }, { field: 'subject.name', value: '鈴木 一郎' }, { field: 'subject.address', value: '東京都港区芝公園4-2-8' }, { field: 'subject.postalCode', value: '105-0011' }] }));
    const order = value(await call('moneyOrders.record', { caseId: refusedId, certificateNo: '12-345678', faceValue: 1000, issuedOn: '2026-11-01', issuingOffice: '港郵便局', receivedOn: '2026-11-21' }));
    value(await call('cases.transition', { id: refusedId, to: 'checking' }));
    value(await call('cases.transition', { id: refusedId, to: 'refused', reason: '技術的に過大な作業を要するため。', ground: 'excessive_work' }));
    expect(await owedKeys(call, refusedId)).toEqual(['compose:refusal', 'return_money_orders:']);
    expect(value(await call('letters.suggest', { caseId: refusedId })).map((s) => s.template)).toEqual(['refusal_notice']);
    // Not final: refused is a state that still owes its letter.
    expect(await call('cases.transition', { id: refusedId, to: 'closed' })).toMatchObject({ ok: false, error: { code: 'WAIVER_REASON_REQUIRED' } });

    const notice = value(await call('letters.create', { caseId: refusedId, template: 'refusal_notice' }));
    const text = draftText(notice.draft);
    expect(text).toContain('過大な技術的作業を要する');
    expect(text).toContain('技術的に過大な作業を要するため。');
    expect(text).toContain('第36条');
    expect(text).toContain('証書番号 12345678');
    expect(notice.moneyOrderIds).toEqual([order.id]);
    value(await call('letters.issue', { id: notice.id }));
    // The money order went back with the notice (F4).
    expect(value(await call('moneyOrders.list', { caseId: refusedId }))[0]!.state).toBe('returned');
    expect(await owedKeys(call, refusedId)).toEqual(['mail:refusal']);
    expect((await sendAndDeliver(call, refusedId, notice.id)).caseClosed).toBe(true);
    expect(value(await call('cases.get', { id: refusedId })).status).toBe('closed');
  });
});

describe('the close guard and roles (items 2 and 5)', () => {
  it('an administrator closes a case that still owes only with a reason: each waived item is stored and audited; a clerk is refused and audited', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    const { caseId } = await acceptedCase(call, { 'request.k6': false });
    value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'no_data' }));
    value(await call('decisions.record', { caseId, kind: 'K2', outcome: 'done', reasonText: '発送のため' }));
    const letter = value(await call('letters.create', { caseId, template: 'no_data' }));
    value(await call('letters.issue', { id: letter.id }));
    const item = value(await call('mail.logOutbound', { caseId, letterId: letter.id, method: 'ippan_kakitome', trackingNumber: '123456789013', proofRequested: true, sentOn: today() }));
    value(await call('mail.markReturned', { id: item.id, returnedOn: today() }));
    expect(await owedKeys(call, caseId)).toEqual(['resend:K1', 'compose:K2']);

    await addStaffSignedInOnce(call, CLERK);
    value(await call('vault.unlock', { login: CLERK.login, passphrase: CLERK.passphrase }));
    const denied = await call('cases.transition', { id: caseId, to: 'closed', reason: '転居先不明' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'ROLE_FORBIDS', details: { action: 'close' } } });
    if (!denied.ok) {
      expect(denied.error.message.ja).toContain('管理者');
      expect(denied.error.message.en).toContain('administrators');
    }
    expect(await call('letters.closeCase', { caseId, reason: '転居先不明' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    const refusals = value(await call('audit.list', { action: 'access.denied' })).entries;
    expect(refusals.map((e) => e.summary)).toEqual(expect.arrayContaining([expect.objectContaining({ caseAction: 'close' }), expect.objectContaining({ channel: 'letters.closeCase' })]));
    const closed = value(await call('letters.closeCase', { caseId, reason: '転居先不明で返送、再送先なし' }));
    expect(closed.status).toBe('closed');
    const o = value(await call('cases.obligations', { caseId }));
    expect(o.owed).toEqual([]);
    expect(o.waived.map((w) => [w.obligation, w.reason])).toEqual([
      ['compose:K2', '転居先不明で返送、再送先なし'],
      ['resend:K1', '転居先不明で返送、再送先なし'],
    ]);
    const waivedAudit = value(await call('audit.list', { action: 'case.obligation_waived' })).entries.map((e) => e.summary.obligation);
    expect(waivedAudit.sort()).toEqual(['compose:K2', 'resend:K1']);
  });

  it("a clerk's change to a decided letter needs the administrator again before it is issued", async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    const { caseId } = await acceptedCase(call, { 'request.k2': false, 'request.k6': false });
    value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'no_data' }));
    const letter = value(await call('letters.create', { caseId, template: 'no_data' }));
    await addStaffSignedInOnce(call, CLERK);
    value(await call('vault.unlock', { login: CLERK.login, passphrase: CLERK.passphrase }));
    // The address is not the decision: a clerk may fix it and the letter stays approved.
    const { draft, recipient } = letter;
    expect(value(await call('letters.update', { id: letter.id, recipient: { ...recipient, address: `${recipient.address} 2F` } })).needsApproval).toBe(false);
    const { templateId: _t, lang: _l, ...text } = draft;
    const changed = value(await call('letters.update', { id: letter.id, draft: { ...text, body: ['当社は保有しております。'] } }));
    expect(changed.needsApproval).toBe(true);
    expect(await call('letters.issue', { id: letter.id })).toMatchObject({ ok: false, error: { code: 'LETTER_NEEDS_APPROVAL' } });
    expect(await call('letters.approve', { id: letter.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    expect(value(await call('audit.list', { action: 'access.denied' })).entries.some((e) => e.summary.code === 'LETTER_NEEDS_APPROVAL')).toBe(true);
    value(await call('letters.approve', { id: letter.id }));
    value(await call('vault.unlock', { login: CLERK.login, passphrase: CLERK.passphrase }));
    expect(value(await call('letters.issue', { id: letter.id })).status).toBe('issued');
  });
});

describe('OCR-read kinds must be confirmed by a person (item 6)', () => {
  it('an unconfirmed tick cannot be decided nor named in a letter until confirmed with one audited click', async () => {
    const { core, call } = makeCore({ dataDir: tempDir() });
    const { caseId } = await acceptedCase(call, { 'request.k2': false, 'request.k6': false });
    // The form reader wrote a K5 tick with its confidence: as a scan would (a phantom tick, say).
    const ws = core.current!.ws;
    await ws.db.transaction().execute((trx) => ws.caseFiles.applyRecognised(trx, core.current!.actor, caseId, null as unknown as string, [{ field: 'request.k5', value: 'true', confidence: 0.91 }]));
    const o = value(await call('cases.obligations', { caseId }));
    expect(o.unconfirmedKinds).toEqual(['K5']);
    expect(o.owed.map((x) => `${x.code}:${x.kind}`)).toEqual(['decide:K1', 'confirm_kind:K5']);
    expect(await call('decisions.record', { caseId, kind: 'K5', outcome: 'done' })).toMatchObject({ ok: false, error: { code: 'KINDS_UNCONFIRMED' } });
    value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'no_data' }));
    expect(await call('letters.create', { caseId, template: 'no_data' })).toMatchObject({ ok: false, error: { code: 'KINDS_UNCONFIRMED' } });

    const confirmed = value(await call('cases.confirmKinds', { caseId }));
    expect(confirmed.unconfirmedKinds).toEqual([]);
    expect(value(await call('audit.list', { action: 'case.kinds_confirmed' })).entries[0]!.summary).toMatchObject({ kinds: ['K1', 'K5'] });
    value(await call('decisions.record', { caseId, kind: 'K5', outcome: 'done' }));
    expect(await owedKeys(call, caseId)).toEqual(['compose:K1', 'compose:K5']);
  });
});
