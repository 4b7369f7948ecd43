import { describe, expect, it } from 'vitest';
import { ADMIN, useCores, value } from '../helpers/core';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

const subject = { name: '山田 太郎', address: '東京都世田谷区桜新町1丁目2番3号', birthDate: '昭和60年4月1日' };

/** A filled K3-only case (no fee due, F1) in `checking`, so only the ID decides. */
async function checkingCase(extra: Record<string, string | boolean> = {}) {
  const { core, call } = makeCore({ dataDir: tempDir() });
  value(await call('vault.setup', ADMIN));
  const caseId = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true })).cases[0]!.id;
  const form = { ...FILLED, 'request.k1': false, 'request.k2': false, 'request.k6': false, 'request.k3': true, 'request.reason': '住所が旧住所のまま', 'enclosure.idDocument': 'license', signature: '山田 太郎', ...extra };
  value(await call('cases.setFields', { id: caseId, fields: fieldsOf(form) }));
  value(await call('cases.transition', { id: caseId, to: 'checking' }));
  return { core, call, caseId };
}

describe('the deficiency decision is stored with the status change (R5, I4)', () => {
  it('stores the list of an expired licence with the reason, readable through cases.deficiency and ws.deficiencies.latest', async () => {
    const { core, call, caseId } = await checkingCase();
    value(await call('documents.record', { caseId, party: 'subject', kind: 'id', type: 'drivers_license', ...subject, validUntil: '令和8年11月19日' }));
    expect(value(await call('cases.deficiency', { id: caseId }))).toBeNull();

    value(await call('cases.transition', { id: caseId, to: 'deficient', reason: '運転免許証の有効期限切れ' }));
    const stored = value(await call('cases.deficiency', { id: caseId }))!;
    expect(stored).toMatchObject({ caseId, reason: '運転免許証の有効期限切れ', resolvedAt: null, resolvedEnvelopeId: null });
    expect(stored.createdBy).toBeTruthy();
    // D2: the licence expired on 2026-11-19, before the application date 2026-11-20.
    expect(stored.notice.problems.map((p) => p.ja).join('\n')).toMatch(/有効期限/);
    expect(stored.notice.problems.some((p) => /expired/i.test(p.en))).toBe(true);
    // I4: the whole set is asked for again, not only the ID; K3 only: no fee line.
    expect(stored.notice.resend.length).toBe(2);
    expect(stored.notice.resend.map((r) => r.ja).join('')).not.toContain('定額小為替');
    expect(await core.requireSession().ws.deficiencies.latest(caseId)).toEqual(stored);

    // The decision left its trail: history row, audit without the problems' text.
    const audit = value(await call('audit.list', { action: 'case.deficiency_recorded' }));
    expect(audit.total).toBe(1);
    expect(JSON.stringify(audit.entries[0]!.summary)).not.toContain('有効期限');
    const history = await core.requireSession().ws.db.selectFrom('case_status_changes').selectAll().where('case_id', '=', caseId).orderBy('changed_at').execute();
    expect(history.map((h) => h.to_state)).toEqual(['checking', 'deficient']);
  });

  it('asks for a written reason when the checklist found nothing, and then lists that reason', async () => {
    const { call, caseId } = await checkingCase();
    value(await call('documents.record', { caseId, party: 'subject', kind: 'id', type: 'passport', ...subject, validUntil: 'R12.3.1' }));
    const refused = await call('cases.transition', { id: caseId, to: 'deficient' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DEFICIENCY_REASON_REQUIRED' } });
    // Nothing changed: the status and the table roll back together.
    expect(value(await call('cases.get', { id: caseId })).status).toBe('checking');
    expect(value(await call('cases.deficiency', { id: caseId }))).toBeNull();

    value(await call('cases.transition', { id: caseId, to: 'deficient', reason: '請求書の押印が不鮮明' }));
    const stored = value(await call('cases.deficiency', { id: caseId }))!;
    expect(stored.notice.problems).toEqual([{ ja: '請求書の押印が不鮮明', en: '請求書の押印が不鮮明' }]);
  });

  it('cases.deficiency refuses an unknown case', async () => {
    const { call } = await checkingCase();
    expect(await call('cases.deficiency', { id: 'no-such-case' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a re-sent set joins the waiting case and is checked on its own (I4)', () => {
  it('attaches the envelope, resolves the deficiency, judges only the new set, then the case is accepted', async () => {
    const { core, call, caseId } = await checkingCase();
    const ws = core.requireSession().ws;
    value(await call('documents.record', { caseId, party: 'subject', kind: 'id', type: 'drivers_license', ...subject, validUntil: '令和8年11月19日' }));
    value(await call('cases.transition', { id: caseId, to: 'deficient', reason: '運転免許証の有効期限切れ' }));
    expect(value(await call('cases.awaitingResubmission', {})).map((c) => c.caseId)).toEqual([caseId]);
    expect(await ws.checklists.currentSetStart(caseId)).toBeNull();
    const casesBefore = value(await call('cases.list', { limit: 50, offset: 0 })).total;

    const logged = value(
      await call('envelopes.log', { arrivedOn: '2026-11-23', delivery: 'ippan_kakitome', trackingNumber: '123456789024', redMarking: true, resubmissionFor: caseId }),
    );
    expect(logged.cases.map((c) => [c.id, c.status])).toEqual([[caseId, 'checking']]);
    expect(value(await call('cases.list', { limit: 50, offset: 0 })).total).toBe(casesBefore);
    const detail = value(await call('cases.detail', { id: caseId }));
    expect(detail.envelopes.map((e) => e.id)).toContain(logged.envelope.id);

    const resolved = (await ws.deficiencies.latest(caseId))!;
    expect(resolved.resolvedEnvelopeId).toBe(logged.envelope.id);
    expect(resolved.resolvedAt).toBeTruthy();
    expect(await ws.checklists.currentSetStart(caseId)).toBe(resolved.resolvedAt);
    expect(value(await call('cases.awaitingResubmission', {}))).toEqual([]);

    // The old licence belongs to the rejected set: the new set has no ID yet (not "expired").
    let checklist = value(await call('cases.checklist', { id: caseId }));
    const subjectId = () => checklist.results.find((r) => r.party === 'subject' && r.ruleId !== 'I3');
    expect(subjectId()).toMatchObject({ status: 'fail' });
    expect(JSON.stringify(subjectId())).not.toContain('有効期限');

    value(await call('documents.record', { caseId, party: 'subject', kind: 'id', type: 'passport', ...subject, validUntil: 'R12.3.1' }));
    checklist = value(await call('cases.checklist', { id: caseId }));
    expect(checklist.results.find((r) => r.ruleId === 'D3')?.status).toBe('pass');
    expect(checklist.overall).toBe('pass');
    expect(value(await call('cases.transition', { id: caseId, to: 'accepted' })).status).toBe('accepted');

    const history = await ws.db.selectFrom('case_status_changes').select(['from_state', 'to_state']).where('case_id', '=', caseId).orderBy('changed_at').execute();
    expect(history.map((h) => `${h.from_state}>${h.to_state}`)).toEqual(['received>checking', 'checking>deficient', 'deficient>checking', 'checking>accepted']);
    const resolvedAudit = value(await call('audit.list', { action: 'case.deficiency_resolved' }));
    expect(resolvedAudit.entries[0]!.summary).toMatchObject({ envelopeId: logged.envelope.id });
  });

  it('refuses to attach an envelope to a case that is not waiting, and logs nothing', async () => {
    const { call, caseId } = await checkingCase();
    const before = value(await call('envelopes.list', { limit: 100 })).length;
    const refused = await call('envelopes.log', { arrivedOn: '2026-11-23', delivery: 'futsu', redMarking: false, resubmissionFor: caseId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_WAITING_FOR_RESUBMISSION' } });
    if (!refused.ok) expect(refused.error.message.en).toMatch(/not waiting/);
    expect(value(await call('envelopes.list', { limit: 100 })).length).toBe(before);
  });
});
