import { Anchor, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { errorText, retryAfterMs } from '../../ui/errors';
import { FailureAlert } from '../../ui/FailureAlert';
import { LoginInput } from '../../ui/LoginInput';
import { NewPassphraseFields, confirmRule } from '../../ui/NewPassphraseFields';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { RetrySubmit } from '../../ui/RetrySubmit';
import { useCall } from '../../ui/useCall';
import { useRetryCountdown } from '../../ui/useRetryCountdown';

const recoverSchema = contractSchema('vault.recover');

interface Props {
  onRecovered: () => void;
  onBack: () => void;
}

/** Resets an administrator's passphrase with the printed recovery key. */
export function RecoverForm({ onRecovered, onBack }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const countdown = useRetryCountdown();
  const confirmed = confirmRule(t('passphrase.mismatch'));
  // #13 item 11c: checked by `vault.recover`'s own schema (the new passphrase's length included).
  const { form, submit } = useContractForm({
    schema: recoverSchema,
    initialValues: { recoveryKey: '', login: '', newPassphrase: '', confirm: '' },
    toInput: (v: { recoveryKey: string; login: string; newPassphrase: string; confirm: string }) => ({ recoveryKey: v.recoveryKey.trim(), login: v.login, newPassphrase: v.newPassphrase }),
    rules: (v) => ({ confirm: confirmed(v, 'newPassphrase') }),
  });
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = submit(async (input) => {
    if (countdown.waiting) return;
    setFailure(null);
    const result = await run(() => kaiji.vault.recover(input), { notify: false });
    if (result.ok) {
      onRecovered();
      return;
    }
    setFailure(errorText(result.error, lang));
    countdown.start(retryAfterMs(result.error));
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('recover.intro')}
        </Text>
        <FailureAlert testId="recover-error" message={failure} />
        <TextInput
          data-testid="recover-key"
          label={t('recover.key')}
          {...form.getInputProps('recoveryKey')}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={200}
          required
          autoFocus
        />
        <LoginInput
          data-testid="recover-login"
          label={t('recover.login')}
          {...form.getInputProps('login')}
          autoComplete="username"
        />
        <NewPassphraseFields
          form={form}
          path="newPassphrase"
          testId="recover-passphrase"
          label={t('recover.passphrase')}
          description={t('passphrase.hint')}
          confirm={{ testId: 'recover-passphrase-confirm', label: t('recover.passphraseConfirm') }}
        />
        <RetrySubmit countdown={countdown} loading={loading} testId="recover-submit" label={t('recover.submit')} />
        <Anchor component="button" type="button" size="sm" ta="center" onClick={onBack}>
          {t('recover.back')}
        </Anchor>
      </Stack>
    </form>
  );
}
