import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@shared/contract';
import { kaiji } from '../../api';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { useCall } from '../../ui/useCall';
import { useNewPassphrase } from '../../ui/useNewPassphrase';

interface Props {
  user: SessionUser;
  onChanged: () => void;
  onLock: () => void;
}

/**
 * #13 item 8: the passphrase was set by an administrator (new staff, reset). Until its owner
 * replaces it the server refuses every other call, so this is the whole screen.
 */
export function ForcedPassphraseChange({ user, onChanged, onLock }: Props) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const [current, setCurrent] = useState('');
  const next = useNewPassphrase();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!next.validate() || !current) return;
    const result = await run(() => kaiji.session.changePassphrase({ current, next: next.value }));
    if (result.ok) onChanged();
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper data-testid="forced-passphrase" withBorder radius="md" p="xl" w={460}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            <Title order={3}>{t('changePass.title')}</Title>
            <Alert color="yellow" icon={<IconLock size={18} />}>
              <Text size="sm">{t('changePass.required', { name: user.displayName })}</Text>
            </Alert>
            <PasswordInput
              data-testid="pass-current"
              label={t('changePass.currentSet')}
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
            <Group justify="space-between">
              <Button variant="subtle" color="gray" onClick={onLock}>
                {t('changePass.lockInstead')}
              </Button>
              <Button data-testid="pass-submit" type="submit" loading={loading}>
                {t('changePass.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
