import { checkTrackingNumber, formatTrackingNumber, normalizeTrackingNumber } from '@shared/domain/tracking-number';

/** The live verdict on a typed tracking number; `state` is exposed as data-state for tests. */
export type TrackingVerdict =
  | { state: 'empty' }
  | { state: 'valid'; formatted: string }
  | { state: 'unchecked'; formatted: string; digits: number }
  | { state: 'check_digit'; formatted: string; expected: string }
  | { state: 'format' };

export type TrackingState = TrackingVerdict['state'];

export function trackingVerdict(input: string): TrackingVerdict {
  if (!input.trim()) return { state: 'empty' };
  const check = checkTrackingNumber(input);
  const formatted = formatTrackingNumber(check.normalized);
  if (check.valid) {
    return check.checkDigit
      ? { state: 'valid', formatted }
      : { state: 'unchecked', formatted, digits: check.normalized.length };
  }
  if (check.reason === 'check_digit' && check.expected !== undefined) {
    return { state: 'check_digit', formatted, expected: check.expected };
  }
  return { state: 'format' };
}

/** Could more typing still make this a number (fewer than 11 digits, or the start of an S10)? */
export function couldBeIncomplete(input: string): boolean {
  const n = normalizeTrackingNumber(input);
  return /^\d{0,10}$/.test(n) || /^[A-Z]{1,2}$/.test(n) || /^[A-Z]{2}\d{0,9}[A-Z]?$/.test(n);
}
