import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@shared/contract';
import { kaiji } from '../../api';
import { FormModal } from '../../ui/FormModal';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { useCall } from '../../ui/useCall';
import { useNewPassphrase } from '../../ui/useNewPassphrase';

interface Props {
  member: StaffMember | null;
  onClose: () => void;
}

/** An administrator sets a new passphrase for someone who forgot theirs. */
export function ResetPassphraseModal({ member, onClose }: Props) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const next = useNewPassphrase();

  const close = () => {
    next.reset();
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!member) return;
    if (!next.validate()) return;
    const result = await run(() => kaiji.staff.resetPassphrase({ id: member.id, passphrase: next.value }));
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('staff.resetDone') });
      close();
    }
  };

  return (
    <FormModal
      opened={member !== null}
      onClose={close}
      title={member ? t('staff.resetTitle', { name: member.displayName }) : ''}
      onSubmit={submit}
      loading={loading}
      submitTestId="reset-submit"
      submitLabel={t('staff.resetSubmit')}
    >
          <NewPassphraseFields
            passphrase={next}
            testId="reset-passphrase"
            label={t('changePass.next')}
            description={t('staff.initialHint')}
            confirm={{ testId: 'reset-passphrase-confirm', label: t('changePass.confirm') }}
            dataAutofocus
          />
    </FormModal>
  );
}
