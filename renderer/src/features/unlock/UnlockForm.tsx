import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { errorText, retryAfterMs } from '../../ui/errors';
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
        {failure && (
          <Alert data-testid="unlock-error" color="red" variant="light" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          data-testid="unlock-login"
          label={t('unlock.login')}
          value={login}
          onChange={(e) => setLogin(e.currentTarget.value)}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={32}
          required
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
        {countdown.waiting && (
          <Text data-testid="unlock-wait" size="sm" c="orange.8" aria-live="polite">
            {t('unlock.wait', { seconds: countdown.seconds })}
          </Text>
        )}
        <Button
          data-testid="unlock-submit"
          type="submit"
          loading={loading}
          disabled={countdown.waiting}
          fullWidth
        >
          {t('unlock.submit')}
        </Button>
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
