import { useState, type FormEvent } from 'react';
import { kaiji } from '../api';
import { useCall } from './useCall';
import { useNewPassphrase } from './useNewPassphrase';

/**
 * One passphrase change (current + new + confirmation) for both places that ask for it: the
 * user menu's modal and the forced change at first sign-in (#13 item 8).
 */
export function usePassphraseChange(onChanged: () => void) {
  const { run, loading } = useCall();
  const [current, setCurrent] = useState('');
  const next = useNewPassphrase();
  const reset = () => {
    setCurrent('');
    next.reset();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!next.validate() || !current) return;
    const result = await run(() => kaiji.session.changePassphrase({ current, next: next.value }));
    if (result.ok) onChanged();
  };
  return { current, setCurrent, next, submit, reset, loading };
}

export type PassphraseChange = ReturnType<typeof usePassphraseChange>;
