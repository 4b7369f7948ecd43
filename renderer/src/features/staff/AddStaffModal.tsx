import { NativeSelect, PasswordInput, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@shared/contract';
import type { Role } from '@shared/roles';
import { kaiji } from '../../api';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { FormModal } from '../../ui/FormModal';
import { LoginInput } from '../../ui/LoginInput';
import { PassphraseStrength } from '../../ui/PassphraseStrength';
import { useCall } from '../../ui/useCall';
import { roleOptions } from './roleOptions';

interface Props {
  opened: boolean;
  onClose: () => void;
  onAdded: (member: StaffMember) => void;
}

interface Values {
  displayName: string;
  login: string;
  role: Role;
  passphrase: string;
}

// #13 item 11c: the very schema `staff.add` is checked with on the server (the passphrase's
// length rule included: `newPassphrase`).
const addSchema = contractSchema('staff.add');

export function AddStaffModal({ opened, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const { form, submit } = useContractForm({
    schema: addSchema,
    initialValues: { displayName: '', login: '', role: 'clerk', passphrase: '' } as Values,
  });

  const close = () => {
    form.reset();
    onClose();
  };

  // What is sent is the schema's output: the name trimmed (NFC), the login trimmed and lower-cased.
  const onSubmit = submit(async (input) => {
    const result = await run(() => kaiji.staff.add(input));
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('staff.added', { name: result.value.displayName }) });
      onAdded(result.value);
      close();
    }
  });

  return (
    <FormModal opened={opened} onClose={close} title={t('staff.add')} onSubmit={onSubmit} loading={loading} submitTestId="staff-submit" submitLabel={t('staff.submit')}>
      <TextInput data-testid="staff-name" label={t('staff.name')} maxLength={80} required data-autofocus {...form.getInputProps('displayName')} />
      <LoginInput data-testid="staff-login" label={t('staff.login')} description={t('login.hint')} autoComplete="off" {...form.getInputProps('login')} />
      <NativeSelect data-testid="staff-role" label={t('staff.role')} data={roleOptions(t)} {...form.getInputProps('role')} />
      <PasswordInput
        data-testid="staff-passphrase"
        label={t('staff.initialPassphrase')}
        description={t('staff.initialHint')}
        autoComplete="new-password"
        required
        {...form.getInputProps('passphrase')}
      />
      <PassphraseStrength value={form.values.passphrase} />
    </FormModal>
  );
}
