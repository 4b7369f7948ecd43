import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { errorText, retryAfterMs } from '../../ui/errors';
import { PassphraseStrength } from '../../ui/PassphraseStrength';
import { useCall } from '../../ui/useCall';
import { useRetryCountdown } from '../../ui/useRetryCountdown';
import { MIN_PASSPHRASE, normalizeLogin } from '../../ui/validation';

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
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ next?: string; confirm?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (countdown.waiting || !key.trim() || !login.trim()) return;
    const errs = {
      next: [...next].length < MIN_PASSPHRASE ? t('passphrase.tooShort') : undefined,
      confirm: confirm !== next ? t('passphrase.mismatch') : undefined,
    };
    setErrors(errs);
    if (errs.next || errs.confirm) return;
    setFailure(null);
    const result = await run(
      () => kaiji.vault.recover({ recoveryKey: key.trim(), login: normalizeLogin(login), newPassphrase: next }),
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
        {failure && (
          <Alert data-testid="recover-error" color="red" variant="light" role="alert">
            {failure}
          </Alert>
        )}
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
        <TextInput
          data-testid="recover-login"
          label={t('recover.login')}
          value={login}
          onChange={(e) => setLogin(e.currentTarget.value)}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={32}
          required
        />
        <PasswordInput
          data-testid="recover-passphrase"
          label={t('recover.passphrase')}
          description={t('passphrase.hint')}
          value={next}
          onChange={(e) => {
            setNext(e.currentTarget.value);
            setErrors((x) => ({ ...x, next: undefined }));
          }}
          error={errors.next}
          autoComplete="new-password"
          required
        />
        <PassphraseStrength value={next} />
        <PasswordInput
          data-testid="recover-passphrase-confirm"
          label={t('recover.passphraseConfirm')}
          value={confirm}
          onChange={(e) => {
            setConfirm(e.currentTarget.value);
            setErrors((x) => ({ ...x, confirm: undefined }));
          }}
          error={errors.confirm}
          autoComplete="new-password"
          required
        />
        {countdown.waiting && (
          <Text size="sm" c="orange.8" aria-live="polite">
            {t('unlock.wait', { seconds: countdown.seconds })}
          </Text>
        )}
        <Button
          data-testid="recover-submit"
          type="submit"
          loading={loading}
          disabled={countdown.waiting}
          fullWidth
        >
          {t('recover.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" ta="center" onClick={onBack}>
          {t('recover.back')}
        </Anchor>
      </Stack>
    </form>
  );
}
