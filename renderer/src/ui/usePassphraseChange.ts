import { useTranslation } from 'react-i18next';
import { kaiji } from '../api';
import { contractSchema, useContractForm } from './contractForm';
import { confirmRule } from './NewPassphraseFields';
import { useCall } from './useCall';

const changeSchema = contractSchema('session.changePassphrase');

/**
 * One passphrase change (current + new + confirmation) for both places that ask for it: the
 * user menu's modal and the forced change at first sign-in (#13 item 8). Checked by
 * `session.changePassphrase`'s own schema (#13 item 11c): a new passphrase under 12 characters
 * is named at its field and nothing is sent.
 */
export function usePassphraseChange(onChanged: () => void) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const confirmed = confirmRule(t('passphrase.mismatch'));
  const { form, submit } = useContractForm({
    schema: changeSchema,
    initialValues: { current: '', next: '', confirm: '' },
    toInput: ({ current, next }: { current: string; next: string; confirm: string }) => ({ current, next }),
    rules: (v) => ({ confirm: confirmed(v, 'next') }),
  });
  const onSubmit = submit(async (input) => {
    const result = await run(() => kaiji.session.changePassphrase(input));
    if (result.ok) onChanged();
  });
  return { form, submit: onSubmit, reset: form.reset, loading };
}

export type PassphraseChange = ReturnType<typeof usePassphraseChange>;
