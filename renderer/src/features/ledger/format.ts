import type { LapseStatus } from '@shared/domain/money-orders';
import type { MoneyOrderState } from '@shared/domain/money-orders';

export const yen = (n: number) => n.toLocaleString('ja-JP');

export const stateColors: Record<MoneyOrderState, string> = {
  received: 'blue',
  cashed: 'teal',
  returned: 'gray',
  lapsed: 'red',
};

export const lapseColors: Record<LapseStatus, string> = { ok: 'gray', warning: 'orange', lapsed: 'red' };
