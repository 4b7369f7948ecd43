import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@shared/contract';
import { kaiji } from '../../api';
import { PassphraseStrength } from '../../ui/PassphraseStrength';
import { useCall } from '../../ui/useCall';
import { MIN_PASSPHRASE } from '../../ui/validation';

interface Props {
  member: StaffMember | null;
  onClose: () => void;
}

/** An administrator sets a new passphrase for someone who forgot theirs. */
export function ResetPassphraseModal({ member, onClose }: Props) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ next?: string; confirm?: string }>({});

  const close = () => {
    setNext('');
    setConfirm('');
    setErrors({});
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!member) return;
    const errs = {
      next: [...next].length < MIN_PASSPHRASE ? t('passphrase.tooShort') : undefined,
      confirm: confirm !== next ? t('passphrase.mismatch') : undefined,
    };
    setErrors(errs);
    if (errs.next || errs.confirm) return;
    const result = await run(() => kaiji.staff.resetPassphrase({ id: member.id, passphrase: next }));
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('staff.resetDone') });
      close();
    }
  };

  return (
    <Modal
      opened={member !== null}
      onClose={close}
      title={member ? t('staff.resetTitle', { name: member.displayName }) : ''}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PasswordInput
            data-testid="reset-passphrase"
            label={t('changePass.next')}
            description={t('staff.initialHint')}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.next}
            autoComplete="new-password"
            required
            data-autofocus
          />
          <PassphraseStrength value={next} />
          <PasswordInput
            data-testid="reset-passphrase-confirm"
            label={t('changePass.confirm')}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
            autoComplete="new-password"
            required
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={loading}>
              {t('common.cancel')}
            </Button>
            <Button data-testid="reset-submit" type="submit" loading={loading}>
              {t('staff.resetSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
