import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@shared/contract';
import { kaiji } from '../../api';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { FormModal } from '../../ui/FormModal';
import { NewPassphraseFields, confirmRule } from '../../ui/NewPassphraseFields';
import { useCall } from '../../ui/useCall';

interface Props {
  member: StaffMember | null;
  onClose: () => void;
}

// #13 item 11c: the very schema `staff.resetPassphrase` is checked with on the server.
const resetSchema = contractSchema('staff.resetPassphrase');

/** An administrator sets a new passphrase for someone who forgot theirs. */
export function ResetPassphraseModal({ member, onClose }: Props) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const confirmed = confirmRule(t('passphrase.mismatch'));
  const { form, submit } = useContractForm({
    schema: resetSchema,
    initialValues: { passphrase: '', confirm: '' },
    toInput: (v: { passphrase: string; confirm: string }) => ({ id: member?.id ?? '', passphrase: v.passphrase }),
    rules: (v) => ({ confirm: confirmed(v, 'passphrase') }),
  });

  const close = () => {
    form.reset();
    onClose();
  };

  const onSubmit = submit(async (input) => {
    const result = await run(() => kaiji.staff.resetPassphrase(input));
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('staff.resetDone') });
      close();
    }
  });

  return (
    <FormModal
      opened={member !== null}
      onClose={close}
      title={member ? t('staff.resetTitle', { name: member.displayName }) : ''}
      onSubmit={onSubmit}
      loading={loading}
      submitTestId="reset-submit"
      submitLabel={t('staff.resetSubmit')}
    >
      <NewPassphraseFields
        form={form}
        path="passphrase"
        testId="reset-passphrase"
        label={t('changePass.next')}
        description={t('staff.initialHint')}
        confirm={{ testId: 'reset-passphrase-confirm', label: t('changePass.confirm') }}
        dataAutofocus
      />
    </FormModal>
  );
}
