import { describe, expect, it } from 'vitest';
import { ADMIN, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();
const NOW = Date.parse('2026-11-24T03:00:00Z');

async function desk() {
  const { call } = makeCore({ dataDir: tempDir(), now: () => NOW });
  value(await call('vault.setup', ADMIN));
  const logged = value(await call('envelopes.log', { arrivedOn: '2026-11-02', delivery: 'kan_i_kakitome', trackingNumber: '1234-5678-9013', redMarking: true, applications: 2 }));
  return { call, caseId: logged.cases[0]!.id, otherCaseId: logged.cases[1]!.id };
}

const out = (caseId: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  method: 'ippan_kakitome' as const,
  proofRequested: true,
  sentOn: '2026-11-20',
  closesCase: false,
  ...extra,
});

describe('registered-mail log (M1, M2)', () => {
  it.each([
    ['123456789013', '123456789013', 'valid'],
    ['1234-5678-9013', '123456789013', 'valid'],
    ['１２３４－５６７８－９０１３', '123456789013', 'valid'],
    ['RR123456785JP', 'RR123456785JP', 'valid'],
    ['rr 123 456 785 jp', 'RR123456785JP', 'valid'],
    ['12345678901', '12345678901', 'unchecked'],
    ['1234567890123', '1234567890123', 'unchecked'],
  ])('M1: accepts %s as %s (%s)', async (typed, stored, status) => {
    const { call, caseId } = await desk();
    const item = value(await call('mail.logOutbound', out(caseId, { trackingNumber: typed })));
    expect(item).toMatchObject({ trackingNumber: stored, trackingStatus: status, caseNo: '2026-0001', awaitingProof: true });
  });

  it.each([
    ['123456789012', 'check_digit', '3'],
    ['1234-5678-9010', 'check_digit', '3'],
    ['RR123456784JP', 'check_digit', '5'],
    ['RR12345678JP', 'format', undefined],
    ['12345', 'format', undefined],
  ])('M1: refuses %s (%s) unless a reason is given', async (typed, reason, expected) => {
    const { call, caseId } = await desk();
    const refused = await call('mail.logOutbound', out(caseId, { trackingNumber: typed }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'TRACKING_NUMBER_INVALID', details: { reason, ...(expected ? { expected } : {}) } } });
    if (!refused.ok && expected) expect(refused.error.message.ja).toContain(`最後の桁は ${expected} のはずです`);
    const kept = value(await call('mail.logOutbound', out(caseId, { trackingNumber: typed, trackingOverrideReason: '受領証の印字どおり' })));
    expect(kept).toMatchObject({ trackingStatus: 'overridden', trackingOverrideReason: '受領証の印字どおり' });
  });

  it('lists inbound envelopes and outbound items together, and those waiting for proof of delivery', async () => {
    const { call, caseId, otherCaseId } = await desk();
    const a = value(await call('mail.logOutbound', out(caseId, { trackingNumber: '123456789013' })));
    const b = value(await call('mail.logOutbound', out(otherCaseId, { method: 'kan_i_kakitome', proofRequested: false, trackingNumber: 'RR123456785JP', sentOn: '2026-11-21' })));
    const all = value(await call('mail.list', {})).entries;
    expect(all.map((e) => [e.direction, e.id])).toEqual([
      ['outbound', b.id],
      ['outbound', a.id],
      ['inbound', expect.any(String)],
    ]);
    const inbound = all.find((e) => e.direction === 'inbound')!;
    expect(inbound).toMatchObject({ trackingNumber: '123456789013', method: 'kan_i_kakitome', caseNos: ['2026-0001', '2026-0002'] });
    expect(value(await call('mail.list', { awaitingProof: true })).entries.map((e) => e.id)).toEqual([a.id]);
    expect(value(await call('mail.list', { direction: 'inbound' })).entries.map((e) => e.direction)).toEqual(['inbound']);

    // Proof bought only for general registered mail (M2).
    expect(await call('mail.logOutbound', out(caseId, { method: 'kan_i_kakitome' }))).toMatchObject({ error: { code: 'MAIL_PROOF_NOT_AVAILABLE' } });
    expect(await call('mail.logOutbound', out(caseId, { sentOn: '2026-11-25' }))).toMatchObject({ error: { code: 'DATE_IN_FUTURE' } });

    const recorded = value(await call('mail.recordDelivery', { id: a.id, deliveredOn: '2026-11-21', proofReceivedOn: '2026-11-23' }));
    expect(recorded).toMatchObject({ caseClosed: false, item: { deliveredOn: '2026-11-21', proofReceivedOn: '2026-11-23', awaitingProof: false } });
    expect(value(await call('mail.list', { awaitingProof: true }))).toEqual({ entries: [], total: 0 });
    expect(await call('mail.recordDelivery', { id: b.id, deliveredOn: '2026-11-19' })).toMatchObject({ error: { code: 'DATE_ORDER' } });
    expect(await call('mail.recordDelivery', { id: b.id, proofReceivedOn: '2026-11-23' })).toMatchObject({ error: { code: 'MAIL_PROOF_NOT_AVAILABLE' } });

    const actions = value(await call('audit.list', { action: 'mail.' })).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['mail.sent_logged', 'mail.delivery_recorded', 'mail.listed']));
  });

  it('M2 + R1 (#10): a delivery closes a case only once it owes nothing, in the same step and audited', async () => {
    const { call, caseId, otherCaseId } = await desk();
    // A withdrawal by letter needs no acknowledgement under this setting: it owes nothing.
    value(await call('settings.update', { withdrawalAcknowledgement: 'unless_letter' }));
    value(await call('cases.transition', { id: caseId, to: 'withdrawn', ground: 'letter' }));
    const final = value(await call('mail.logOutbound', out(caseId, { trackingNumber: '123456789013', closesCase: true })));
    // A refused case still owes its refusal notice: a delivery of something else leaves it open.
    value(await call('cases.transition', { id: otherCaseId, to: 'checking' }));
    value(await call('cases.transition', { id: otherCaseId, to: 'refused', reason: '当社が義務を負わない請求', ground: 'not_liable' }));
    const interim = value(await call('mail.logOutbound', out(otherCaseId, { closesCase: true })));
    expect(value(await call('mail.recordDelivery', { id: interim.id, deliveredOn: '2026-11-22' })).caseClosed).toBe(false);
    expect(value(await call('cases.get', { id: otherCaseId })).status).toBe('refused');

    const done = value(await call('mail.recordDelivery', { id: final.id, deliveredOn: '2026-11-22', proofReceivedOn: '2026-11-24' }));
    expect(done).toMatchObject({ caseClosed: true, item: { closesCase: true } });
    expect(value(await call('cases.get', { id: caseId })).status).toBe('closed');
    const change = value(await call('audit.list', { action: 'case.status_changed', text: 'closed' })).entries[0]!;
    expect(change).toMatchObject({ recordId: caseId, summary: { from: 'withdrawn', to: 'closed' } });
    // Recording the proof again does not try to close the case twice.
    expect(value(await call('mail.recordDelivery', { id: final.id, proofReceivedOn: '2026-11-24' })).caseClosed).toBe(false);
  });

  it('marks an item returned undelivered; it then takes no delivery', async () => {
    const { call, caseId } = await desk();
    const item = value(await call('mail.logOutbound', out(caseId, { method: 'honnin_gentei', proofRequested: false, trackingNumber: '123456789013' })));
    expect(value(await call('mail.markReturned', { id: item.id, returnedOn: '2026-11-24' }))).toMatchObject({ returnedOn: '2026-11-24', awaitingProof: false });
    expect(await call('mail.recordDelivery', { id: item.id, deliveredOn: '2026-11-24' })).toMatchObject({
      error: { code: 'MAIL_ITEM_CLOSED', message: { ja: 'この郵便物は既に返送（不着）として記録されています。' } },
    });
  });
});
