import type { TrackingStatus } from '@shared/contract';
import { checkTrackingNumber } from '@shared/domain/tracking-number';
import { KaijiError } from '@shared/errors';

/**
 * M1, for inbound envelopes and outbound items alike: the number as stored and how it was
 * checked. A wrong check digit or format is refused unless staff give a reason to keep it.
 */
export function acceptTrackingNumber(input: string | undefined, overrideReason: string | undefined): { number: string | null; status: TrackingStatus } {
  if (!input?.trim()) return { number: null, status: 'none' };
  const check = checkTrackingNumber(input);
  if (check.valid) return { number: check.normalized, status: check.checkDigit ? 'valid' : 'unchecked' };
  if (overrideReason?.trim()) return { number: check.normalized, status: 'overridden' };
  throw new KaijiError('TRACKING_NUMBER_INVALID', {
    whyJa: check.reason === 'check_digit' ? `最後の桁は ${check.expected} のはずです` : '桁数または形式が違います',
    whyEn: check.reason === 'check_digit' ? `the last digit should be ${check.expected}` : 'wrong length or format',
    reason: check.reason,
    ...(check.expected ? { expected: check.expected } : {}),
  });
}
