import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PassphraseStrength } from './PassphraseStrength';
import type { NewPassphrase } from './useNewPassphrase';
import type { PassphraseChange } from './usePassphraseChange';

interface Props {
  passphrase: NewPassphrase;
  testId: string;
  label: string;
  description: string;
  /** The confirmation field; left out when the form has none. */
  confirm?: { testId: string; label: string };
  /** Mantine's focus trap target inside a modal. */
  dataAutofocus?: boolean;
}

/** A new-passphrase field with its strength bar and, optionally, a confirmation field. */
export function NewPassphraseFields({ passphrase, testId, label, description, confirm, dataAutofocus }: Props) {
  return (
    <>
      <PasswordInput
        data-testid={testId}
        label={label}
        description={description}
        value={passphrase.value}
        onChange={(e) => passphrase.setValue(e.currentTarget.value)}
        error={passphrase.errors.value}
        autoComplete="new-password"
        required
        data-autofocus={dataAutofocus || undefined}
      />
      <PassphraseStrength value={passphrase.value} />
      {confirm && (
        <PasswordInput
          data-testid={confirm.testId}
          label={confirm.label}
          value={passphrase.confirm}
          onChange={(e) => passphrase.setConfirm(e.currentTarget.value)}
          error={passphrase.errors.confirm}
          autoComplete="new-password"
          required
        />
      )}
    </>
  );
}

/**
 * The fields of a passphrase change: the current passphrase, the new one with its strength bar
 * and the confirmation. Used by the user menu's modal and the forced change at first sign-in.
 */
export function ChangePassphraseFields({ change, currentLabel }: { change: PassphraseChange; currentLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        data-testid="pass-current"
        label={currentLabel}
        value={change.current}
        onChange={(e) => change.setCurrent(e.currentTarget.value)}
        autoComplete="current-password"
        required
        data-autofocus
      />
      <NewPassphraseFields
        passphrase={change.next}
        testId="pass-next"
        label={t('changePass.next')}
        description={t('passphrase.hint')}
        confirm={{ testId: 'pass-confirm', label: t('changePass.confirm') }}
      />
    </>
  );
}
