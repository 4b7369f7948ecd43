import { PasswordInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PassphraseStrength } from './PassphraseStrength';
import type { PassphraseChange } from './usePassphraseChange';

/** Any contract form that holds a new passphrase (and its confirmation) among its fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = UseFormReturnType<any>;

interface Props {
  form: AnyForm;
  /** The field holding the new passphrase (the channel's input key: passphrase, newPassphrase, next). */
  path: string;
  testId: string;
  label: string;
  description: string;
  /** The confirmation field (`confirm` in the form's values); left out when the form has none. */
  confirm?: { testId: string; label: string };
  /** Mantine's focus trap target inside a modal. */
  dataAutofocus?: boolean;
}

/**
 * The rule no channel's schema holds: the confirmation repeats the new passphrase. The length
 * rule is the schema's own (`newPassphrase`, WEAK_PASSPHRASE on the server).
 */
export const confirmRule =
  (message: string) =>
  <V extends { confirm: string }>(values: V, path: keyof V) =>
    values.confirm !== values[path] ? message : undefined;

/** A new-passphrase field with its strength bar and, optionally, a confirmation field. */
export function NewPassphraseFields({ form, path, testId, label, description, confirm, dataAutofocus }: Props) {
  return (
    <>
      <PasswordInput
        data-testid={testId}
        label={label}
        description={description}
        autoComplete="new-password"
        required
        data-autofocus={dataAutofocus || undefined}
        {...form.getInputProps(path)}
      />
      <PassphraseStrength value={String(form.values[path] ?? '')} />
      {confirm && <PasswordInput data-testid={confirm.testId} label={confirm.label} autoComplete="new-password" required {...form.getInputProps('confirm')} />}
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
      <PasswordInput data-testid="pass-current" label={currentLabel} autoComplete="current-password" required data-autofocus {...change.form.getInputProps('current')} />
      <NewPassphraseFields
        form={change.form}
        path="next"
        testId="pass-next"
        label={t('changePass.next')}
        description={t('passphrase.hint')}
        confirm={{ testId: 'pass-confirm', label: t('changePass.confirm') }}
      />
    </>
  );
}
