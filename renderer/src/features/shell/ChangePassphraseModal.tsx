import { PasswordInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { FormModal } from '../../ui/FormModal';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { useCall } from '../../ui/useCall';
import { useNewPassphrase } from '../../ui/useNewPassphrase';

interface Props {
  opened: boolean;
  onClose: () => void;
}

export function ChangePassphraseModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const [current, setCurrent] = useState('');
  const next = useNewPassphrase();

  const close = () => {
    setCurrent('');
    next.reset();
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!next.validate() || !current) return;
    const result = await run(() => kaiji.session.changePassphrase({ current, next: next.value }));
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('changePass.done') });
      close();
    }
  };

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('changePass.title')}
      onSubmit={submit}
      loading={loading}
      submitTestId="pass-submit"
      submitLabel={t('changePass.submit')}
    >
          <PasswordInput
            data-testid="pass-current"
            label={t('changePass.current')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            autoComplete="current-password"
            required
            data-autofocus
          />
          <NewPassphraseFields
            passphrase={next}
            testId="pass-next"
            label={t('changePass.next')}
            description={t('passphrase.hint')}
            confirm={{ testId: 'pass-confirm', label: t('changePass.confirm') }}
          />
    </FormModal>
  );
}
