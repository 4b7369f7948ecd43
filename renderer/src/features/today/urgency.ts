import { URGENCY_COLORS, type Urgency } from '@shared/domain/deadlines';

export { URGENCY_COLORS };
export type { Urgency };

/** Days left as words: "あと 2 日", "本日", "3 日超過". */
export function daysLeftKey(daysLeft: number): { key: 'today.daysLeft' | 'today.dueToday' | 'today.daysOver'; count: number } {
  if (daysLeft > 0) return { key: 'today.daysLeft', count: daysLeft };
  if (daysLeft === 0) return { key: 'today.dueToday', count: 0 };
  return { key: 'today.daysOver', count: -daysLeft };
}
