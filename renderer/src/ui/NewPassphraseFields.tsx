import { PasswordInput } from '@mantine/core';
import { PassphraseStrength } from './PassphraseStrength';
import type { NewPassphrase } from './useNewPassphrase';

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
