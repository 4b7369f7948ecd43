/**
 * Today leads with what needs action (#13 item 6): one row per case with ALL its reasons
 * (target I5, day 14 Art. 39, answers owed R1, money orders lapsing F2), never two identical
 * lists; real vault through the real dispatcher on a controlled clock.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, useCores, value, type Call } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

const KINDS_K1 = [
  { field: 'request.k1', value: 'true' },
  { field: 'subject.name', value: '山田 太郎' },
];

describe("Today's one list of cases that need action (#13 item 6)", () => {
  it('one row per case with every reason; the per-reason lists are all folded into it', async () => {
    const clock = { t: Date.parse('2026-11-01T01:00:00Z') };
    const { call } = makeCore({ dataDir: tempDir(), now: () => clock.t });
    const at = (d: string) => (clock.t = Date.parse(`${d}T01:00:00Z`));
    value(await call('vault.setup', ADMIN));
    // Target == day 14 (14 calendar days): the demo's two identical lists.
    value(await call('settings.update', { responseTargetDays: 14, responseDayCount: 'calendar', moneyOrderWarningDays: 14 }));
    const arrive = async (c: Call, day: string) => {
      at(day);
      return value(await c('envelopes.log', { arrivedOn: day, delivery: 'futsu', redMarking: true })).cases[0]!;
    };

    // A: accepted 11/1, nothing decided: overdue, past day 14, owes the K1 decision, a lapsed order.
    const a = await arrive(call, '2026-11-01');
    value(await call('cases.setFields', { id: a.id, fields: KINDS_K1 }));
    value(await call('cases.transition', { id: a.id, to: 'checking' }));
    value(await call('cases.transition', { id: a.id, to: 'accepted' }));
    value(await call('moneyOrders.record', { caseId: a.id, certificateNo: '12-000001', faceValue: 1000, issuedOn: '2026-05-20', issuingOffice: '新宿', receivedOn: '2026-11-01' }));
    // B: arrived 11/12, still checking: target and day 14 both on 11/26 (two days left).
    const b = await arrive(call, '2026-11-12');
    value(await call('cases.transition', { id: b.id, to: 'checking' }));
    // C: arrived today: nothing is due yet.
    const c = await arrive(call, '2026-11-24');

    const today = value(await call('today.overview', {}));
    expect(today.today).toBe('2026-11-24');
    const rows = today.needsAction.items;
    expect(rows.map((r) => r.caseNo)).toEqual([a.caseNo, b.caseNo]);
    expect(today.needsAction.count).toBe(2);
    expect(rows.some((r) => r.caseId === c.id)).toBe(false);
    const [ra, rb] = rows;
    expect(ra!.reasons.map((r) => r.code)).toEqual(['overdue', 'day14_passed', 'owed', 'order_lapsed']);
    expect(ra!.reasons[0]).toMatchObject({ date: '2026-11-15', daysLeft: -9 });
    expect(ra!.reasons.find((r) => r.code === 'owed')!.owed!.map((o) => `${o.code}:${o.kind ?? ''}`)).toEqual(['decide:K1', 'settle_money_orders:']);
    expect(ra!.reasons.find((r) => r.code === 'order_lapsed')).toMatchObject({ date: '2026-11-20', orders: 1 });
    expect(rb!.reasons).toEqual([
      { code: 'due_soon', date: '2026-11-26', daysLeft: 2 },
      { code: 'day14_soon', date: '2026-11-26', daysLeft: 2 },
    ]);
    // Every case of every per-reason list is one row here, carrying that reason.
    const code = { overdue: 'overdue', dueSoon: 'due_soon', day14Passed: 'day14_passed', day14Soon: 'day14_soon', ordersLapsed: 'order_lapsed', ordersLapsing: 'order_lapsing' } as const;
    for (const [list, reason] of Object.entries(code)) {
      for (const item of today[list as keyof typeof code].items) {
        expect(rows.find((r) => r.caseId === item.caseId)?.reasons.map((r) => r.code), `${list} ${item.caseNo}`).toContain(reason);
      }
    }
    const owed = value(await call('cases.owed', {}));
    for (const o of owed) expect(rows.find((r) => r.caseId === o.caseId)?.reasons.find((r) => r.code === 'owed')?.owed).toEqual(o.owed);

    // Deciding and answering A removes the owed reason at once (stored facts follow the writes).
    at('2026-11-24');
    value(await call('decisions.record', { caseId: a.id, kind: 'K1', outcome: 'no_data' }));
    const after = value(await call('today.overview', {})).needsAction.items.find((r) => r.caseId === a.id)!;
    expect(after.reasons.find((r) => r.code === 'owed')!.owed!.map((o) => o.code)).toEqual(['compose', 'settle_money_orders']);
  });
});
