import { describe, expect, it } from 'vitest';
import { ADMIN, useCores, value, type Call } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

/** A vault whose clock the test moves: 10:00 in Japan on the given day. */
async function vaultAt(day: string) {
  const clock = { t: Date.parse(`${day}T01:00:00Z`) };
  const { call } = makeCore({ dataDir: tempDir(), now: () => clock.t });
  value(await call('vault.setup', ADMIN));
  const setDay = (d: string) => {
    clock.t = Date.parse(`${d}T01:00:00Z`);
  };
  return { call, setDay };
}

async function caseArriving(call: Call, arrivedOn: string): Promise<{ id: string; caseNo: string }> {
  const c = value(await call('envelopes.log', { arrivedOn, delivery: 'futsu', redMarking: true })).cases[0]!;
  return { id: c.id, caseNo: c.caseNo };
}

async function move(call: Call, id: string, ...states: ('checking' | 'deficient' | 'accepted' | 'deciding' | 'responding' | 'closed')[]) {
  for (const to of states) value(await call('cases.transition', { id, to }));
}

describe('deadlines and the Today view (I5, F2, M2)', () => {
  it('lists near-target, overdue and long-deficient cases; a pause moves the target; a settings change moves it too', async () => {
    const { call, setDay } = await vaultAt('2026-09-28');
    const deficientLong = await caseArriving(call, '2026-09-28');
    await move(call, deficientLong.id, 'checking', 'deficient'); // paused since 9/28

    setDay('2026-11-06');
    const overdue = await caseArriving(call, '2026-11-01'); // target 11/15
    const paused = await caseArriving(call, '2026-11-05'); // target 11/19 without the pause
    await move(call, paused.id, 'checking', 'deficient');
    setDay('2026-11-13');
    await move(call, paused.id, 'checking'); // 11/6 .. 11/12 paused: 7 days

    setDay('2026-11-24');
    const near = await caseArriving(call, '2026-11-12'); // target 11/26: 2 days left
    const fresh = await caseArriving(call, '2026-11-24'); // target 12/8

    let today = value(await call('today.overview', {}));
    expect(today.today).toBe('2026-11-24');
    expect(today.overdue.items.map((c) => c.caseNo)).toEqual([overdue.caseNo]);
    expect(today.overdue.items[0]).toMatchObject({ date: '2026-11-15', daysLeft: -9, urgency: 'overdue' });
    // The paused case's target moved from 11/19 (would be overdue) to 11/26.
    expect(today.dueSoon.items.map((c) => [c.caseNo, c.date])).toEqual([
      [paused.caseNo, '2026-11-26'],
      [near.caseNo, '2026-11-26'],
    ]);
    expect(today.dueSoon.count).toBe(2);
    // Day 14 is a hard marker: the pause does not move it (11/5 + 14 = 11/19, passed).
    expect(today.day14Passed.items.map((c) => c.caseNo).sort()).toEqual([deficientLong.caseNo, overdue.caseNo, paused.caseNo].sort());
    expect(today.day14Soon.items.map((c) => [c.caseNo, c.date])).toEqual([[near.caseNo, '2026-11-26']]);
    // Deficient since 9/28 (57 days) is longer than the 30-day default.
    expect(today.deficientWaiting.items).toEqual([
      expect.objectContaining({ caseNo: deficientLong.caseNo, since: '2026-09-28', daysWaiting: 57 }),
    ]);
    expect([...today.overdue.items, ...today.dueSoon.items].some((c) => c.caseNo === deficientLong.caseNo)).toBe(false);

    const clock = value(await call('today.caseDeadline', { id: paused.id }));
    expect(clock).toMatchObject({ arrivedOn: '2026-11-05', targetOn: '2026-11-26', day14On: '2026-11-19', pausedDays: 7, daysLeft: 2, urgency: 'due_soon' });

    // The case list sorts by urgency: overdue first, then by target, paused and fresh later.
    let list = value(await call('cases.list', { sort: 'urgency' }));
    expect(list.cases.map((c) => c.caseNo)).toEqual([overdue.caseNo, paused.caseNo, near.caseNo, fresh.caseNo, deficientLong.caseNo]);
    expect(list.cases.map((c) => c.deadline?.urgency)).toEqual(['overdue', 'due_soon', 'due_soon', 'on_track', 'paused']);

    // A longer target (20 days) moves every open case's target.
    value(await call('settings.update', { responseTargetDays: 20 }));
    today = value(await call('today.overview', {}));
    expect(today.overdue.items.map((c) => [c.caseNo, c.date])).toEqual([[overdue.caseNo, '2026-11-21']]);
    expect(today.dueSoon.count).toBe(0);
    expect(value(await call('today.caseDeadline', { id: near.id }))).toMatchObject({ targetOn: '2026-12-02', urgency: 'on_track' });
    // Business days: 11/23 勤労感謝の日 and weekends do not count.
    value(await call('settings.update', { responseTargetDays: 10, responseDayCount: 'business' }));
    expect(value(await call('today.caseDeadline', { id: near.id }))).toMatchObject({ targetOn: '2026-11-27' });
    list = value(await call('cases.list', { sort: 'urgency' }));
    expect(list.cases.find((c) => c.caseNo === near.caseNo)?.deadline).toMatchObject({ dueOn: '2026-11-27', urgency: 'due_soon' });

    // No kind was ticked on any case at the first looks; one ticked now still reaches the chart.
    expect(today.chart.received.find((r) => r.month === '2026-11')).toMatchObject({ K3: 0, none: 4 });
    value(await call('cases.setFields', { id: near.id, fields: [{ field: 'request.k3', value: 'true' }] }));
    today = value(await call('today.overview', {}));
    expect(today.chart.received.find((r) => r.month === '2026-11')).toMatchObject({ K3: 1, none: 3 });
  });

  it('lists money orders lapsing within the warning horizon and not those beyond it (F2)', async () => {
    const { call } = await vaultAt('2026-11-24');
    const kase = await caseArriving(call, '2026-11-20');
    // Issued 6/10: payable until 12/10, 16 days away (inside the 30-day horizon).
    const soon = value(await call('moneyOrders.record', { caseId: kase.id, certificateNo: 'AB12-345678', faceValue: 500, issuedOn: '2026-06-10', issuingOffice: '新宿', receivedOn: '2026-11-20' }));
    // Issued 11/1: payable until 2027-05-01, outside the horizon.
    const later = value(await call('moneyOrders.record', { caseId: kase.id, certificateNo: 'AB12-345679', faceValue: 500, issuedOn: '2026-11-01', issuingOffice: '新宿', receivedOn: '2026-11-20' }));
    // Issued 5/1: payable until 11/1, already lapsed but still held.
    const lapsed = value(await call('moneyOrders.record', { caseId: kase.id, certificateNo: 'AB12-345680', faceValue: 1000, issuedOn: '2026-05-01', issuingOffice: '渋谷', receivedOn: '2026-11-20' }));

    let today = value(await call('today.overview', {}));
    expect(today.ordersLapsing.items.map((o) => o.orderId)).toEqual([soon.id]);
    expect(today.ordersLapsing.items[0]).toMatchObject({ caseNo: kase.caseNo, payableUntil: '2026-12-10', daysLeft: 16, faceValue: 500 });
    expect(today.ordersToCash.items.map((o) => o.orderId)).toEqual([soon.id, later.id]);
    expect(today.ordersLapsed.items.map((o) => o.orderId)).toEqual([lapsed.id]);

    // A shorter horizon (10 days) leaves the 16-day order out; cashing takes it off every list.
    value(await call('settings.update', { moneyOrderWarningDays: 10 }));
    today = value(await call('today.overview', {}));
    expect(today.ordersLapsing.count).toBe(0);
    value(await call('moneyOrders.cash', { id: soon.id, cashedOn: '2026-11-24', depositRef: 'D-1' }));
    today = value(await call('today.overview', {}));
    expect(today.ordersToCash.items.map((o) => o.orderId)).toEqual([later.id]);
  });

  it('counts requests per month and kind, follows kinds typed later, and lists mail waiting for proof (M2)', async () => {
    const { call, setDay } = await vaultAt('2026-10-05');
    const october = await caseArriving(call, '2026-10-05');
    value(await call('cases.setFields', { id: october.id, fields: [{ field: 'request.k1', value: 'true' }, { field: 'request.k2', value: 'true' }] }));
    await move(call, october.id, 'checking', 'accepted');
    // Withdrawn by letter, then closed by the administrator with a reason (#10: nobody moves a
    // case to deciding/responding by hand any more).
    value(await call('cases.transition', { id: october.id, to: 'withdrawn', ground: 'letter' }));
    setDay('2026-11-02');
    value(await call('cases.transition', { id: october.id, to: 'closed', reason: '取下げ受領通知は不要と判断' }));
    setDay('2026-11-24');
    const november = await caseArriving(call, '2026-11-20');

    let today = value(await call('today.overview', {}));
    const month = (rows: typeof today.chart.received, m: string) => rows.find((r) => r.month === m)!;
    expect(today.chart.received).toHaveLength(12);
    expect(today.chart.received[11]!.month).toBe('2026-11');
    expect(month(today.chart.received, '2026-10')).toMatchObject({ K1: 1, K2: 1, K3: 0, none: 0 });
    expect(month(today.chart.received, '2026-11')).toMatchObject({ K1: 0, none: 1 });
    expect(month(today.chart.closed, '2026-11')).toMatchObject({ K1: 1, K2: 1 });
    expect(month(today.chart.closed, '2026-10')).toMatchObject({ K1: 0, K2: 0 });

    // Kinds typed after the first look are picked up.
    value(await call('cases.setFields', { id: november.id, fields: [{ field: 'request.k6', value: 'true' }] }));
    const out = value(await call('mail.logOutbound', { caseId: november.id, method: 'ippan_kakitome', trackingNumber: '123456789013', proofRequested: true, sentOn: '2026-11-21' }));
    today = value(await call('today.overview', {}));
    expect(month(today.chart.received, '2026-11')).toMatchObject({ K6: 1, none: 0 });
    expect(today.awaitingProof.items).toEqual([expect.objectContaining({ mailId: out.id, caseNo: november.caseNo, sentOn: '2026-11-21', daysWaiting: 3 })]);
    expect(today.lettersToSend.count).toBe(0);

    // Viewing Today shows applicants' names: audited like the case list (S3).
    const audit = value(await call('audit.list', { action: 'case.listed' }));
    expect(audit.entries.some((e) => e.summary.view === 'today')).toBe(true);
  });
});
