import { KaijiError } from '@shared/errors';

export const MIN_PASSPHRASE_LENGTH = 12;

/** Length is what matters for a passphrase typed at a desk; no composition rules. */
export function assertPassphraseAcceptable(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) throw new KaijiError('WEAK_PASSPHRASE');
}
