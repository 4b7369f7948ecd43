import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@shared/contract';
import type { Role } from '@shared/roles';
import { kaiji } from '../../api';
import { PassphraseStrength } from '../../ui/PassphraseStrength';
import { useCall } from '../../ui/useCall';
import { LOGIN_PATTERN, MIN_PASSPHRASE, normalizeLogin } from '../../ui/validation';
import { roleOptions } from './roleOptions';

interface Props {
  opened: boolean;
  onClose: () => void;
  onAdded: (member: StaffMember) => void;
}

type Field = 'name' | 'login' | 'passphrase';

export function AddStaffModal({ opened, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const close = () => {
    setName('');
    setLogin('');
    setRole('clerk');
    setPassphrase('');
    setErrors({});
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Partial<Record<Field, string>> = {};
    if (!name.trim()) errs.name = t('setup.required');
    if (!LOGIN_PATTERN.test(normalizeLogin(login))) errs.login = t('login.invalid');
    if ([...passphrase].length < MIN_PASSPHRASE) errs.passphrase = t('passphrase.tooShort');
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    const result = await run(() =>
      kaiji.staff.add({ displayName: name.trim(), login: normalizeLogin(login), role, passphrase }),
    );
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('staff.added', { name: result.value.displayName }) });
      onAdded(result.value);
      close();
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('staff.add')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
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
          <TextInput
            data-testid="staff-login"
            label={t('staff.login')}
            description={t('login.hint')}
            value={login}
            onChange={(e) => setLogin(e.currentTarget.value)}
            error={errors.login}
            maxLength={32}
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            required
          />
          <NativeSelect
            data-testid="staff-role"
            label={t('staff.role')}
            data={roleOptions(t)}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
          />
          <PasswordInput
            data-testid="staff-passphrase"
            label={t('staff.initialPassphrase')}
            description={t('staff.initialHint')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={errors.passphrase}
            autoComplete="new-password"
            required
          />
          <PassphraseStrength value={passphrase} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={loading}>
              {t('common.cancel')}
            </Button>
            <Button data-testid="staff-submit" type="submit" loading={loading}>
              {t('staff.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
