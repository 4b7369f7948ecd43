import { MIN_NEW_PASSPHRASE as MIN_PASSPHRASE } from '@shared/contract/channel';

export type Strength = 'short' | 'weak' | 'fair' | 'strong';

/** A rough hint only: length matters most, character variety a little. */
export function passphraseStrength(value: string): Strength {
  const length = [...value].length;
  if (length < MIN_PASSPHRASE) return 'short';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9\s]/, /\s/].filter((r) => r.test(value)).length;
  const score = (length >= 16 ? 1 : 0) + (length >= 20 ? 1 : 0) + (kinds >= 3 ? 1 : 0);
  return score >= 2 ? 'strong' : score === 1 ? 'fair' : 'weak';
}
