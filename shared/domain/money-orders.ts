import type { Bilingual } from '../result';
import { addMonths, daysBetween } from './verification/date-rules';

/**
 * The fixed postal money order (定額小為替) ledger rules, F1-F4. Pure: the service, the UI and
 * the Today view compute the same dates and states from here.
 */
export const MONEY_ORDER_STATES = ['received', 'cashed', 'returned', 'lapsed'] as const;
export type MoneyOrderState = (typeof MONEY_ORDER_STATES)[number];

export const MONEY_ORDER_STATE_LABELS: Record<MoneyOrderState, Bilingual> = {
  received: { ja: '受領（未換金）', en: 'Received (not cashed)' },
  cashed: { ja: '換金済み', en: 'Cashed' },
  returned: { ja: '返還済み', en: 'Returned' },
  lapsed: { ja: '払渡期間経過', en: 'Lapsed' },
};

/**
 * F4: received -> cashed | returned | lapsed. F2: a lapsed order is not yet accounted for: it is
 * either handed back to the applicant (returned) or reissued / paid out at a bank counter within
 * 5 years (cashed). Cashed and returned are final, so a returned order can never be cashed.
 */
const CHANGES: Record<MoneyOrderState, readonly MoneyOrderState[]> = {
  received: ['cashed', 'returned', 'lapsed'],
  lapsed: ['cashed', 'returned'],
  cashed: [],
  returned: [],
};

export const canChangeMoneyOrder = (from: MoneyOrderState, to: MoneyOrderState): boolean => CHANGES[from].includes(to);
export const isFinalMoneyOrderState = (s: MoneyOrderState): boolean => CHANGES[s].length === 0;

/** F3: only orders the company still holds or has cashed pay the fee; returned or lapsed ones do not. */
export const paysFee = (s: MoneyOrderState): boolean => s === 'received' || s === 'cashed';

/** F2: payable for 6 months from the issue date (issued 8月31日 -> 2月28日, or 29日 in a leap year). */
export const PAYABLE_MONTHS = 6;
export const payableUntil = (issuedOn: string): string => addMonths(issuedOn, PAYABLE_MONTHS);

export type LapseStatus = 'ok' | 'warning' | 'lapsed';

export interface Lapse {
  status: LapseStatus;
  /** Days from today to the last payable day (0 = today is the last day; negative once lapsed). */
  daysLeft: number;
}

/**
 * F2 warning for an order the company still holds: lapsed the day after `payableUntil`;
 * a warning from `warningDays` days before it (inclusive). Orders already cashed or returned
 * never warn.
 */
export function lapseOf(state: MoneyOrderState, until: string, today: string, warningDays: number): Lapse {
  const daysLeft = daysBetween(today, until);
  if (state === 'cashed' || state === 'returned') return { status: 'ok', daysLeft };
  if (state === 'lapsed' || daysLeft < 0) return { status: 'lapsed', daysLeft };
  return { status: daysLeft <= warningDays ? 'warning' : 'ok', daysLeft };
}


export interface FaceValued {
  faceValue: number;
  state: MoneyOrderState;
}

export interface MoneyOrderSums {
  count: number;
  total: number;
  byState: Record<MoneyOrderState, { count: number; total: number }>;
}

/** F1/F4: what the ledger holds, overall and per state. */
export function sumMoneyOrders(orders: readonly FaceValued[]): MoneyOrderSums {
  const byState = Object.fromEntries(MONEY_ORDER_STATES.map((s) => [s, { count: 0, total: 0 }])) as MoneyOrderSums['byState'];
  let total = 0;
  for (const o of orders) {
    byState[o.state].count += 1;
    byState[o.state].total += o.faceValue;
    total += o.faceValue;
  }
  return { count: orders.length, total, byState };
}

/** Certificate numbers as staff type them (full-width digits, spaces, hyphens): compared without those. */
export function normalizeCertificateNo(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s\-‐‑–—ー]/g, '');
}
