import { describe, expect, it } from 'vitest';
import { ADMIN, firstSignIn, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

async function clerkDesk() {
  const now = Date.parse('2026-11-24T01:00:00Z');
  const { call } = makeCore({ dataDir: tempDir(), now: () => now });
  value(await call('vault.setup', ADMIN));
  value(await call('staff.add', { displayName: '受付 花子', login: 'clerk', role: 'clerk', passphrase: 'clerk passphrase 1' }));
  await firstSignIn(call, 'clerk', 'clerk passphrase 1'); // #13 item 8: an administrator set it
  return call;
}

const base = {
  arrivedOn: '2026-11-24',
  delivery: 'ippan_kakitome' as const,
  redMarking: true,
  senderName: '山田 太郎',
  senderAddress: '東京都世田谷区桜新町1丁目2番3号',
};

describe('envelopes (I1, I2, M1)', () => {
  it('logs an envelope with two applications as two numbered cases received that day', async () => {
    const call = await clerkDesk();
    const logged = value(await call('envelopes.log', { ...base, trackingNumber: '1234-5678-9013', applications: 2 }));
    expect(logged.envelope).toMatchObject({ trackingNumber: '123456789013', trackingStatus: 'valid', redMarking: true });
    expect(logged.cases.map((c) => [c.caseNo, c.receivedOn])).toEqual([
      ['2026-0001', '2026-11-24'],
      ['2026-0002', '2026-11-24'],
    ]);
    const listed = value(await call('envelopes.list', {}));
    expect(listed).toHaveLength(1);
    expect(listed[0]!.caseNos).toEqual(['2026-0001', '2026-0002']);
  });

  it('refuses a 12-digit number with a wrong check digit, unless staff give a reason', async () => {
    const call = await clerkDesk();
    const refused = await call('envelopes.log', { ...base, trackingNumber: '123456789016' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'TRACKING_NUMBER_INVALID', details: { expected: '3' } } });
    if (!refused.ok) {
      expect(refused.error.message.ja).toContain('お問い合わせ番号');
      expect(refused.error.message.en).toContain('tracking number');
    }
    expect(value(await call('envelopes.list', {}))).toEqual([]);
    const kept = value(
      await call('envelopes.log', { ...base, trackingNumber: '123456789016', trackingOverrideReason: '控えの番号のまま記録' }),
    );
    expect(kept.envelope).toMatchObject({ trackingStatus: 'overridden', trackingOverrideReason: '控えの番号のまま記録' });
  });

  it('accepts S10 numbers and ordinary mail without a number, notes a missing red marking', async () => {
    const call = await clerkDesk();
    expect(value(await call('envelopes.log', { ...base, trackingNumber: 'rr473124829jp' })).envelope.trackingNumber).toBe('RR473124829JP');
    const plain = value(await call('envelopes.log', { ...base, delivery: 'futsu', redMarking: false }));
    expect(plain.envelope).toMatchObject({ trackingStatus: 'none', redMarking: false });
  });

  it('rejects impossible and future arrival dates with clear messages', async () => {
    const call = await clerkDesk();
    expect(await call('envelopes.log', { ...base, arrivedOn: '2026-02-30' })).toMatchObject({ error: { code: 'INVALID_DATE' } });
    expect(await call('envelopes.log', { ...base, arrivedOn: '2026-11-25' })).toMatchObject({ error: { code: 'DATE_IN_FUTURE' } });
  });

  it('keeps auditors to reading', async () => {
    const call = await clerkDesk();
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    value(await call('staff.add', { displayName: '監査 次郎', login: 'auditor', role: 'auditor', passphrase: 'auditor passphrase' }));
    await firstSignIn(call, 'auditor', 'auditor passphrase'); // #13 item 8: an administrator set it
    expect(await call('envelopes.log', base)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(value(await call('envelopes.list', {}))).toEqual([]);
  });
});
