import { describe, expect, it } from 'vitest';
import { ADMIN, firstSignIn, useCores, value } from '../helpers/core';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();


/** The same person (FILLED: 山田 太郎) asked on 2026-03-02 (K1) and on 2025-06-01 (K3), and now again. */
async function repeatRequester() {
  const { core, call } = makeCore({ dataDir: tempDir() });
  value(await call('vault.setup', ADMIN));
  const log = async (arrivedOn: string, form: Record<string, string | boolean>) => {
    const c = value(await call('envelopes.log', { arrivedOn, delivery: 'futsu', redMarking: true })).cases[0]!;
    value(await call('cases.setFields', { id: c.id, fields: fieldsOf(form) }));
    return c;
  };
  const older = await log('2025-06-01', { ...FILLED, 'request.k1': false, 'request.k2': false, 'request.k6': false, 'request.k3': true });
  const recent = await log('2026-03-02', { ...FILLED, 'request.k2': false, 'request.k6': false });
  value(await call('cases.transition', { id: recent.id, to: 'checking' }));
  value(await call('cases.transition', { id: recent.id, to: 'withdrawn', ground: 'letter' }));
  const current = await log('2026-11-21', { ...FILLED, 'enclosure.idDocument': 'license', signature: '山田 太郎' });
  value(await call('cases.transition', { id: current.id, to: 'checking' }));
  return { core, call, older, recent, current };
}

describe('repeat requests (R3)', () => {
  it('lists earlier requests of the same person within repeatPeriodMonths with dates, kinds and outcomes', async () => {
    const { call, older, recent, current } = await repeatRequester();
    let r3 = value(await call('cases.checklist', { id: current.id })).results.find((r) => r.ruleId === 'R3')!;
    // Default 12 months back from 2026-11-20: only the March request.
    expect(r3.status).toBe('needs_review');
    expect(r3.details).toMatchObject({ periodMonths: 12 });
    expect(r3.findings!.map((f) => f.message.en)).toEqual([`${recent.caseNo} (received 2026-03-02, K1, withdrawn)`]);
    expect(r3.message.ja).toContain('過去 12 か月以内');
    expect(r3.findings![0]!.message.ja).toContain('令和8年3月2日');

    value(await call('settings.update', { repeatPeriodMonths: 18 }));
    r3 = value(await call('cases.checklist', { id: current.id })).results.find((r) => r.ruleId === 'R3')!;
    expect(r3.findings!.map((f) => f.message.en)).toEqual([`${recent.caseNo} (received 2026-03-02, K1, withdrawn)`, `${older.caseNo} (received 2025-06-01, K3, received)`]);
    expect(r3.findings!.map((f) => f.code)).toEqual(['same_kind', 'other_kind']);

    value(await call('settings.update', { repeatPeriodMonths: 6 }));
    r3 = value(await call('cases.checklist', { id: current.id })).results.find((r) => r.ruleId === 'R3')!;
    expect(r3.status).toBe('pass');
  });

  it('refusing as repeated needs an administrator, a written reason and earlier cases within the period; the ground is stored', async () => {
    const { core, call, older, recent, current } = await repeatRequester();
    const reason = '同一内容の開示請求が8か月前にあり、その後の事情の変更も認められないため';

    value(await call('staff.add', { displayName: '担当 一郎', login: 'ichiro', role: 'clerk', passphrase: 'clerk passphrase 1' }));
    await firstSignIn(call, 'ichiro', 'clerk passphrase 1'); // #13 item 8: an administrator set it
    expect(await call('cases.refuseAsRepeated', { id: current.id, reason, earlierCaseNos: [recent.caseNo] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));

    const short = await call('cases.refuseAsRepeated', { id: current.id, reason: '繰り返し', earlierCaseNos: [recent.caseNo] });
    expect(short).toMatchObject({ ok: false, error: { code: 'REPEAT_REFUSAL_INVALID' } });
    if (!short.ok) expect(short.error.message.ja).toContain('10文字以上');
    const outside = await call('cases.refuseAsRepeated', { id: current.id, reason, earlierCaseNos: [older.caseNo] });
    expect(outside).toMatchObject({ ok: false, error: { code: 'REPEAT_REFUSAL_INVALID' } });
    if (!outside.ok) expect(outside.error.message.en).toContain(`${older.caseNo} is not an earlier request`);
    expect(value(await call('cases.get', { id: current.id })).status).toBe('checking');

    expect(value(await call('cases.refuseAsRepeated', { id: current.id, reason, earlierCaseNos: [recent.caseNo] })).status).toBe('refused');
    const change = await core
      .requireSession()
      .ws.db.selectFrom('case_status_changes')
      .selectAll()
      .where('case_id', '=', current.id)
      .where('to_state', '=', 'refused')
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ ground: 'repeated', reason });
    const audit = value(await call('audit.list', { action: 'case.status_changed' })).entries[0]!;
    expect(audit.summary).toMatchObject({ to: 'refused', ground: 'repeated', earlierCaseNos: [recent.caseNo] });
  });
});
