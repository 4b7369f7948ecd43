import { NativeSelect, PasswordInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@shared/contract';
import type { Role } from '@shared/roles';
import { kaiji } from '../../api';
import { contractSchema, contractValidate } from '../../ui/contractForm';
import { FormModal } from '../../ui/FormModal';
import { LoginInput } from '../../ui/LoginInput';
import { PassphraseStrength } from '../../ui/PassphraseStrength';
import { useCall } from '../../ui/useCall';
import { MIN_PASSPHRASE, normalizeLogin } from '../../ui/validation';
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

// #13 item 11c: the very schema `staff.add` is checked with on the server.
const validateAdd = contractValidate(contractSchema('staff.add'));

export function AddStaffModal({ opened, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { displayName: '', login: '', role: 'clerk', passphrase: '' },
    validate: (values) => {
      const errors = validateAdd(values as unknown as Record<string, unknown>);
      // The login schema's message is its rule's name; the staff service's passphrase policy
      // (length, WEAK_PASSPHRASE) is not a zod rule, so it is repeated here for an early error.
      if (errors.login) errors.login = t('login.invalid');
      if ([...values.passphrase.normalize('NFC')].length < MIN_PASSPHRASE) errors.passphrase = t('passphrase.tooShort');
      return errors;
    },
  });

  const close = () => {
    form.reset();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    const result = await run(() => kaiji.staff.add({ displayName: values.displayName.trim(), login: normalizeLogin(values.login), role: values.role, passphrase: values.passphrase }));
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('staff.added', { name: result.value.displayName }) });
      onAdded(result.value);
      close();
    }
  });

  return (
    <FormModal opened={opened} onClose={close} title={t('staff.add')} onSubmit={(e) => submit(e as React.FormEvent<HTMLFormElement>)} loading={loading} submitTestId="staff-submit" submitLabel={t('staff.submit')}>
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
