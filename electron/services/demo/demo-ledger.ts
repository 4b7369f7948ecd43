import { isoDateInJapan } from '@shared/domain/dates';
import { addDays, addMonths } from '@shared/domain/verification/date-rules';
import { withDomesticCheckDigit } from '@shared/domain/tracking-number';
import type { KaijiCore } from '../core/kaiji-core';
import { seededRandom } from './demo-people';

/** What the demo ledger holds, for tests and the demo's own summary. */
export interface LedgerDemo {
  orders: number;
  outbound: number;
}

const OFFICES = ['新宿郵便局', '世田谷郵便局', '大阪中央郵便局', '札幌中央郵便局', '福岡中央郵便局', '名古屋中央郵便局'];

/**
 * Money orders and outbound registered mail in the demo vault (#5): orders in every state
 * (received, cashed with a deposit reference, returned, lapsed), one that lapses within this
 * week relative to `today`, spread over the months the cases arrived in; outbound letters,
 * some delivered with their proof, some still waiting for the proof of delivery (M2).
 */
export async function seedLedgerDemo(core: KaijiCore, today: Date): Promise<LedgerDemo> {
  const { ws, actor } = core.requireSession();
  const day = isoDateInJapan(today);
  const rnd = seededRandom(55);
  const cases = await ws.db.selectFrom('cases').select(['id', 'received_on', 'status']).orderBy('received_on').orderBy('case_no').execute();
  if (cases.length === 0) return { orders: 0, outbound: 0 };
  let serial = 0;
  const record = (caseId: string, faceValue: number, issuedOn: string, receivedOn: string) => {
    serial++;
    return ws.moneyOrders.record(actor, {
      caseId,
      certificateNo: `${String(10 + (serial % 80)).padStart(2, '0')}-${String(500_000 + serial * 379).padStart(6, '0')}`,
      faceValue,
      issuedOn,
      issuingOffice: OFFICES[serial % OFFICES.length]!,
      receivedOn,
    });
  };
  const minDay = (a: string, b: string) => (a < b ? a : b);

  // One application's fee per case: 1,000 yen, two 500s, or 750 + 250 (F1).
  for (const [i, c] of cases.entries()) {
    const issuedOn = addDays(c.received_on, -(3 + Math.floor(rnd() * 10)));
    const values = i % 4 === 1 ? [500, 500] : i % 7 === 3 ? [750, 250] : [1000];
    const orders = [];
    for (const v of values) orders.push(await record(c.id, v, issuedOn, c.received_on));
    // A closed case owes nothing (#10): its orders are accounted for (F4).
    if (c.status === 'closed') {
      for (const o of orders) await ws.moneyOrders.markReturned(actor, o.id, { returnedOn: minDay(addDays(c.received_on, 9), day) });
      continue;
    }
    const age = Math.round((Date.parse(day) - Date.parse(c.received_on)) / 86_400_000);
    if (age < 14) continue;
    for (const o of orders) {
      if (i % 6 === 5) await ws.moneyOrders.markReturned(actor, o.id, { returnedOn: minDay(addDays(c.received_on, 9), day) });
      else if (i % 5 !== 2) {
        const cashedOn = minDay(addDays(c.received_on, 5 + Math.floor(rnd() * 10)), day);
        await ws.moneyOrders.cash(actor, o.id, { cashedOn, depositRef: `ゆうちょ入金 ${cashedOn.replace(/-/g, '')}-${serial}` });
      }
    }
  }

  // F2: one order that lapses this week (payable until today + 3) and one already lapsed.
  // Held by a case that arrived after both issue dates (an order cannot be issued after it arrived).
  const soon = addMonths(addDays(day, 3), -6);
  // A recent open case: older ones are answered and closed by the deadline seed, fee settled.
  const recent = addDays(day, -40);
  const holder = cases.find((c) => c.received_on >= soon && c.received_on >= recent && c.status !== 'closed') ?? cases[cases.length - 1]!;
  await record(holder.id, 500, minDay(soon, holder.received_on), holder.received_on);
  const lapsedIssued = addMonths(addDays(day, -20), -6);
  const lapsed = await record(holder.id, 1000, minDay(lapsedIssued, holder.received_on), holder.received_on);
  if (lapsed.payableUntil < day) await ws.moneyOrders.markLapsed(actor, lapsed.id, { lapsedOn: addDays(lapsed.payableUntil, 1) });

  // M2: responses and notices sent. Responding cases wait for their proof; closed ones have it.
  let outbound = 0;
  let tracking = 30_000_000_000;
  for (const [i, c] of cases.entries()) {
    const sending = c.status === 'responding' || c.status === 'closed' || c.status === 'deficient' || i % 5 === 4;
    if (!sending) continue;
    tracking += 7_919;
    const sentOn = minDay(addDays(c.received_on, 8), day);
    const general = c.status !== 'deficient';
    const item = await ws.mail.logOutbound(actor, {
      caseId: c.id,
      method: general ? 'ippan_kakitome' : 'kan_i_kakitome',
      trackingNumber: withDomesticCheckDigit(String(tracking)),
      proofRequested: general,
      sentOn,
      closesCase: c.status === 'responding',
    });
    outbound++;
    // Items sent more than a week ago came back with their proof, except every third one.
    if (c.status !== 'responding' && addDays(sentOn, 7) <= day && i % 3 !== 0) {
      await ws.mail.recordDelivery(actor, item.id, { deliveredOn: addDays(sentOn, 2), ...(general ? { proofReceivedOn: addDays(sentOn, 5) } : {}) });
    }
  }
  return { orders: serial, outbound };
}
