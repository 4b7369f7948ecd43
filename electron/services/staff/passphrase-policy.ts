import { MIN_NEW_PASSPHRASE } from '@shared/contract/channel';
import { KaijiError } from '@shared/errors';

/** One length for the contract's `newPassphrase` (forms, dispatcher) and the services. */
export const MIN_PASSPHRASE_LENGTH = MIN_NEW_PASSPHRASE;

/** Length is what matters for a passphrase typed at a desk; no composition rules. */
export function assertPassphraseAcceptable(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) throw new KaijiError('WEAK_PASSPHRASE');
}
