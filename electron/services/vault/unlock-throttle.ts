/**
 * Growing delay after repeated failed unlocks: the first `freeAttempts` failures cost
 * nothing; each one after doubles the wait, from 2 s up to 5 minutes.
 */
export const MAX_DELAY_MS = 5 * 60_000;

export function unlockDelayMs(failures: number, freeAttempts: number): number {
  const excess = failures - freeAttempts;
  if (excess < 0) return 0;
  return Math.min(2_000 * 2 ** excess, MAX_DELAY_MS);
}

export function retryAfterMs(
  failures: { count: number; lastAt: number | null },
  freeAttempts: number,
  now: number,
): number {
  if (failures.lastAt === null) return 0;
  return Math.max(0, failures.lastAt + unlockDelayMs(failures.count, freeAttempts) - now);
}
