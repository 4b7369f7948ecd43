import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidIsoDate } from '../../shared/domain/dates';
import {
  MONEY_ORDER_STATES,
  canChangeMoneyOrder,
  isFinalMoneyOrderState,
  lapseOf,
  normalizeCertificateNo,
  paysFee,
  payableUntil,
  sumMoneyOrders,
  type MoneyOrderState,
} from '../../shared/domain/money-orders';
import { MONEY_ORDER_FACE_VALUES } from '../../shared/domain/verification/fees';
import { addMonths } from '../../shared/domain/verification/date-rules';

describe('F2 payable-until: issue date + 6 months, month-end clamped', () => {
  it.each([
    ['2026-03-01', '2026-09-01'],
    ['2026-08-31', '2027-02-28'],
    ['2027-08-31', '2028-02-29'], // 2028 is a leap year
    ['2027-08-29', '2028-02-29'],
    ['2027-08-30', '2028-02-29'],
    ['2025-08-28', '2026-02-28'],
    ['2026-12-31', '2027-06-30'],
    ['2026-10-31', '2027-04-30'],
    ['2026-07-15', '2027-01-15'],
    ['2028-02-29', '2028-08-29'],
    ['2099-08-31', '2100-02-28'], // 2100 is not a leap year
  ])('issued %s -> payable until %s (F2)', (issued, until) => {
    expect(payableUntil(issued)).toBe(until);
  });

  it('adds months across years both ways', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 14)).toBe('2028-01-30');
    expect(() => addMonths('2026-02-30', 6)).toThrow(RangeError);
  });

  it('is always a real date exactly six calendar months on, never past the month end (property, F2)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const issued = d.toISOString().slice(0, 10);
        const until = payableUntil(issued);
        expect(isValidIsoDate(until)).toBe(true);
        const [iy, im, id] = issued.split('-').map(Number) as [number, number, number];
        const [uy, um, ud] = until.split('-').map(Number) as [number, number, number];
        expect(uy * 12 + um - (iy * 12 + im)).toBe(6);
        const monthEnd = new Date(Date.UTC(uy, um, 0)).getUTCDate();
        expect(ud).toBe(Math.min(id, monthEnd));
        expect(until > issued).toBe(true);
      }),
    );
  });
});

describe('F2 lapse warnings at the configured horizon', () => {
  const until = '2026-12-10';
  it.each([
    ['2026-11-09', 30, 'ok', 31],
    ['2026-11-08', 30, 'ok', 32],
    ['2026-11-10', 30, 'warning', 30],
    ['2026-12-10', 30, 'warning', 0],
    ['2026-12-11', 30, 'lapsed', -1],
    ['2026-12-03', 7, 'warning', 7],
    ['2026-12-02', 7, 'ok', 8],
  ] as const)('today %s, horizon %i days -> %s', (today, days, status, daysLeft) => {
    const lapse = lapseOf('received', until, today, days);
    expect(lapse.status).toBe(status);
    expect(lapse.daysLeft).toBe(daysLeft);
  });

  it('never warns for cashed or returned orders; a lapsed order stays lapsed', () => {
    expect(lapseOf('cashed', until, '2027-01-01', 30).status).toBe('ok');
    expect(lapseOf('returned', until, '2026-12-09', 30).status).toBe('ok');
    expect(lapseOf('lapsed', until, '2026-12-20', 30).status).toBe('lapsed');
  });
});

describe('F1/F4 sums of several orders', () => {
  it('sums per state and overall', () => {
    const sums = sumMoneyOrders([
      { faceValue: 500, state: 'received' },
      { faceValue: 500, state: 'received' },
      { faceValue: 1000, state: 'cashed' },
      { faceValue: 750, state: 'returned' },
      { faceValue: 250, state: 'returned' },
      { faceValue: 50, state: 'lapsed' },
    ]);
    expect(sums).toEqual({
      count: 6,
      total: 3050,
      byState: {
        received: { count: 2, total: 1000 },
        cashed: { count: 1, total: 1000 },
        returned: { count: 2, total: 1000 },
        lapsed: { count: 1, total: 50 },
      },
    });
  });

  it('the per-state totals always add up to the total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ faceValue: fc.constantFrom(...MONEY_ORDER_FACE_VALUES), state: fc.constantFrom(...MONEY_ORDER_STATES) }), { maxLength: 40 }),
        (orders) => {
          const sums = sumMoneyOrders(orders);
          expect(Object.values(sums.byState).reduce((a, s) => a + s.total, 0)).toBe(sums.total);
          expect(Object.values(sums.byState).reduce((a, s) => a + s.count, 0)).toBe(orders.length);
          expect(sums.total).toBe(orders.reduce((a, o) => a + o.faceValue, 0));
        },
      ),
    );
  });
});

describe('F4 state changes', () => {
  const allowed: [MoneyOrderState, MoneyOrderState][] = [
    ['received', 'cashed'],
    ['received', 'returned'],
    ['received', 'lapsed'],
    ['lapsed', 'returned'],
    ['lapsed', 'cashed'],
  ];
  it('allows exactly received -> cashed|returned|lapsed and lapsed -> returned|cashed', () => {
    for (const from of MONEY_ORDER_STATES) {
      for (const to of MONEY_ORDER_STATES) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect(canChangeMoneyOrder(from, to), `${from} -> ${to}`).toBe(expected);
      }
    }
  });

  it.each([
    ['returned', 'cashed'],
    ['cashed', 'returned'],
    ['cashed', 'lapsed'],
    ['returned', 'lapsed'],
    ['lapsed', 'received'],
    ['cashed', 'received'],
  ] as const)('refuses %s -> %s', (from, to) => {
    expect(canChangeMoneyOrder(from, to)).toBe(false);
  });

  it('cashed and returned are final; only held or cashed orders pay the fee (F3)', () => {
    expect(MONEY_ORDER_STATES.filter(isFinalMoneyOrderState)).toEqual(['cashed', 'returned']);
    expect(MONEY_ORDER_STATES.filter(paysFee)).toEqual(['received', 'cashed']);
  });
});

it('compares certificate numbers without full-width digits, spaces or hyphens', () => {
  expect(normalizeCertificateNo(' １２-３４５６７８ ')).toBe('12345678');
  expect(normalizeCertificateNo('ab 12－34')).toBe('AB1234');
});
