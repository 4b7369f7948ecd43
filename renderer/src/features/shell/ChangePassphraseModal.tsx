import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { PassphraseStrength } from '../../ui/PassphraseStrength';
import { useCall } from '../../ui/useCall';
import { MIN_PASSPHRASE } from '../../ui/validation';

interface Props {
  opened: boolean;
  onClose: () => void;
}

export function ChangePassphraseModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ next?: string; confirm?: string }>({});

  const close = () => {
    setCurrent('');
    setNext('');
    setConfirm('');
    setErrors({});
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = {
      next: [...next].length < MIN_PASSPHRASE ? t('passphrase.tooShort') : undefined,
      confirm: confirm !== next ? t('passphrase.mismatch') : undefined,
    };
    setErrors(errs);
    if (errs.next || errs.confirm || !current) return;
    const result = await run(() => kaiji.session.changePassphrase({ current, next }));
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('changePass.done') });
      close();
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('changePass.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PasswordInput
            data-testid="pass-current"
            label={t('changePass.current')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            autoComplete="current-password"
            required
            data-autofocus
          />
          <PasswordInput
            data-testid="pass-next"
            label={t('changePass.next')}
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
            data-testid="pass-confirm"
            label={t('changePass.confirm')}
            value={confirm}
            onChange={(e) => {
              setConfirm(e.currentTarget.value);
              setErrors((x) => ({ ...x, confirm: undefined }));
            }}
            error={errors.confirm}
            autoComplete="new-password"
            required
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={loading}>
              {t('common.cancel')}
            </Button>
            <Button data-testid="pass-submit" type="submit" loading={loading}>
              {t('changePass.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
