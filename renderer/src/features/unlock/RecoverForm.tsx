import { Anchor, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { errorText, retryAfterMs } from '../../ui/errors';
import { FailureAlert } from '../../ui/FailureAlert';
import { LoginInput } from '../../ui/LoginInput';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { RetrySubmit } from '../../ui/RetrySubmit';
import { useCall } from '../../ui/useCall';
import { useNewPassphrase } from '../../ui/useNewPassphrase';
import { useRetryCountdown } from '../../ui/useRetryCountdown';
import { normalizeLogin } from '../../ui/validation';

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
  const [key, setKey] = useState('');
  const [login, setLogin] = useState('');
  const next = useNewPassphrase();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (countdown.waiting || !key.trim() || !login.trim()) return;
    if (!next.validate()) return;
    setFailure(null);
    const result = await run(
      () => kaiji.vault.recover({ recoveryKey: key.trim(), login: normalizeLogin(login), newPassphrase: next.value }),
      { notify: false },
    );
    if (result.ok) {
      onRecovered();
      return;
    }
    setFailure(errorText(result.error, lang));
    countdown.start(retryAfterMs(result.error));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('recover.intro')}
        </Text>
        <FailureAlert testId="recover-error" message={failure} />
        <TextInput
          data-testid="recover-key"
          label={t('recover.key')}
          value={key}
          onChange={(e) => setKey(e.currentTarget.value)}
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
          value={login}
          onChange={(e) => setLogin(e.currentTarget.value)}
          autoComplete="username"
        />
        <NewPassphraseFields
          passphrase={next}
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
