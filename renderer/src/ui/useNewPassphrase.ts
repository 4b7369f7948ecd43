import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE } from './validation';

export interface NewPassphraseErrors {
  value?: string;
  confirm?: string;
}

/**
 * State for a "new passphrase" field, optionally with a confirmation field:
 * values, setters (which clear that field's error), errors and validate().
 */
export function useNewPassphrase({ withConfirm = true }: { withConfirm?: boolean } = {}) {
  const { t } = useTranslation();
  const [value, setValueState] = useState('');
  const [confirm, setConfirmState] = useState('');
  const [errors, setErrors] = useState<NewPassphraseErrors>({});

  const setValue = (next: string) => {
    setValueState(next);
    setErrors((x) => ({ ...x, value: undefined }));
  };

  const setConfirm = (next: string) => {
    setConfirmState(next);
    setErrors((x) => ({ ...x, confirm: undefined }));
  };

  /** Shows the field errors; true when the passphrase may be submitted. */
  const validate = (): boolean => {
    const errs: NewPassphraseErrors = {
      value: [...value].length < MIN_PASSPHRASE ? t('passphrase.tooShort') : undefined,
      confirm: withConfirm && confirm !== value ? t('passphrase.mismatch') : undefined,
    };
    setErrors(errs);
    return !errs.value && !errs.confirm;
  };

  const reset = () => {
    setValueState('');
    setConfirmState('');
    setErrors({});
  };

  return { value, confirm, setValue, setConfirm, errors, validate, reset };
}

export type NewPassphrase = ReturnType<typeof useNewPassphrase>;
