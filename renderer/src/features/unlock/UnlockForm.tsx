import { Anchor, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { errorText, retryAfterMs } from '../../ui/errors';
import { FailureAlert } from '../../ui/FailureAlert';
import { LoginInput } from '../../ui/LoginInput';
import { RetrySubmit } from '../../ui/RetrySubmit';
import { useCall } from '../../ui/useCall';
import { useRetryCountdown } from '../../ui/useRetryCountdown';
import { normalizeLogin } from '../../ui/validation';

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
  const [login, setLogin] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (countdown.waiting || !login.trim() || !passphrase) return;
    setFailure(null);
    const result = await run(() => kaiji.vault.unlock({ login: normalizeLogin(login), passphrase }), {
      notify: false,
    });
    if (result.ok) {
      setPassphrase('');
      onUnlocked();
      return;
    }
    setFailure(errorText(result.error, lang));
    countdown.start(retryAfterMs(result.error));
    setPassphrase('');
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FailureAlert testId="unlock-error" message={failure} />
        <LoginInput
          data-testid="unlock-login"
          label={t('unlock.login')}
          value={login}
          onChange={(e) => setLogin(e.currentTarget.value)}
          autoComplete="username"
          autoFocus
        />
        <PasswordInput
          data-testid="unlock-passphrase"
          label={t('unlock.passphrase')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
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
