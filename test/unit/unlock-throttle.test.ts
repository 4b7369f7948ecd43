import { describe, expect, it } from 'vitest';
import { MAX_DELAY_MS, retryAfterMs, unlockDelayMs } from '../../electron/services/vault/unlock-throttle';

describe('growing delay after failed unlocks', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 2_000],
    [4, 4_000],
    [5, 8_000],
    [10, 256_000],
    [11, MAX_DELAY_MS],
    [50, MAX_DELAY_MS],
  ])('%i failures with 3 free attempts -> %i ms', (failures, ms) => {
    expect(unlockDelayMs(failures, 3)).toBe(ms);
  });

  it('counts the wait from the last failure', () => {
    expect(retryAfterMs({ count: 4, lastAt: 10_000 }, 3, 11_000)).toBe(3_000);
    expect(retryAfterMs({ count: 4, lastAt: 10_000 }, 3, 20_000)).toBe(0);
    expect(retryAfterMs({ count: 0, lastAt: null }, 3, 20_000)).toBe(0);
  });
});
