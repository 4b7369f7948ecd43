import { NativeSelect, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@shared/contract';
import type { Role } from '@shared/roles';
import { kaiji } from '../../api';
import { FormModal } from '../../ui/FormModal';
import { LoginInput } from '../../ui/LoginInput';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { useCall } from '../../ui/useCall';
import { useNewPassphrase } from '../../ui/useNewPassphrase';
import { LOGIN_PATTERN, normalizeLogin } from '../../ui/validation';
import { roleOptions } from './roleOptions';

interface Props {
  opened: boolean;
  onClose: () => void;
  onAdded: (member: StaffMember) => void;
}

type Field = 'name' | 'login';

export function AddStaffModal({ opened, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const passphrase = useNewPassphrase({ withConfirm: false });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const close = () => {
    setName('');
    setLogin('');
    setRole('clerk');
    passphrase.reset();
    setErrors({});
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Partial<Record<Field, string>> = {};
    if (!name.trim()) errs.name = t('setup.required');
    if (!LOGIN_PATTERN.test(normalizeLogin(login))) errs.login = t('login.invalid');
    setErrors(errs);
    const passphraseOk = passphrase.validate();
    if (Object.keys(errs).length > 0 || !passphraseOk) return;
    const result = await run(() =>
      kaiji.staff.add({ displayName: name.trim(), login: normalizeLogin(login), role, passphrase: passphrase.value }),
    );
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('staff.added', { name: result.value.displayName }) });
      onAdded(result.value);
      close();
    }
  };

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('staff.add')}
      onSubmit={submit}
      loading={loading}
      submitTestId="staff-submit"
      submitLabel={t('staff.submit')}
    >
          <TextInput
            data-testid="staff-name"
            label={t('staff.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            maxLength={80}
            required
            data-autofocus
          />
          <LoginInput
            data-testid="staff-login"
            label={t('staff.login')}
            description={t('login.hint')}
            value={login}
            onChange={(e) => setLogin(e.currentTarget.value)}
            error={errors.login}
            autoComplete="off"
          />
          <NativeSelect
            data-testid="staff-role"
            label={t('staff.role')}
            data={roleOptions(t)}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
          />
          <NewPassphraseFields
            passphrase={passphrase}
            testId="staff-passphrase"
            label={t('staff.initialPassphrase')}
            description={t('staff.initialHint')}
          />
    </FormModal>
  );
}
