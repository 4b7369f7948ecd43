import { Anchor, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { errorText, retryAfterMs } from '../../ui/errors';
import { FailureAlert } from '../../ui/FailureAlert';
import { LoginInput } from '../../ui/LoginInput';
import { RetrySubmit } from '../../ui/RetrySubmit';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { useCall } from '../../ui/useCall';
import { useRetryCountdown } from '../../ui/useRetryCountdown';

const unlockSchema = contractSchema('vault.unlock');

interface Props {
  initialRetryMs: number;
  onUnlocked: () => void;
  onUseRecovery: () => void;
}

export function UnlockForm({ initialRetryMs, onUnlocked, onUseRecovery }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const countdown = useRetryCountdown(initialRetryMs);
  // #13 item 11c: checked by `vault.unlock`'s own schema (an empty field is named, nothing is sent).
  const { form, submit } = useContractForm({ schema: unlockSchema, initialValues: { login: '', passphrase: '' } });
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = submit(async (input) => {
    if (countdown.waiting) return;
    setFailure(null);
    const result = await run(() => kaiji.vault.unlock(input), { notify: false });
    // The passphrase never stays in the field, whatever the answer.
    form.setFieldValue('passphrase', '');
    if (result.ok) {
      onUnlocked();
      return;
    }
    setFailure(errorText(result.error, lang));
    countdown.start(retryAfterMs(result.error));
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FailureAlert testId="unlock-error" message={failure} />
        <LoginInput
          data-testid="unlock-login"
          label={t('unlock.login')}
          {...form.getInputProps('login')}
          autoComplete="username"
          autoFocus
        />
        <PasswordInput
          data-testid="unlock-passphrase"
          label={t('unlock.passphrase')}
          {...form.getInputProps('passphrase')}
          autoComplete="current-password"
          required
        />
        <RetrySubmit
          countdown={countdown}
          loading={loading}
          testId="unlock-submit"
          waitTestId="unlock-wait"
          label={t('unlock.submit')}
        />
        <Anchor
          data-testid="unlock-use-recovery"
          component="button"
          type="button"
          size="sm"
          ta="center"
          onClick={onUseRecovery}
        >
          {t('unlock.useRecovery')}
        </Anchor>
      </Stack>
    </form>
  );
}
