import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@shared/contract';
import { ChangePassphraseFields } from '../../ui/NewPassphraseFields';
import { usePassphraseChange } from '../../ui/usePassphraseChange';

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
  const change = usePassphraseChange(onChanged);

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper data-testid="forced-passphrase" withBorder radius="md" p="xl" w={460}>
        <form onSubmit={change.submit} noValidate>
          <Stack gap="md">
            <Title order={3}>{t('changePass.title')}</Title>
            <Alert color="yellow" icon={<IconLock size={18} />}>
              <Text size="sm">{t('changePass.required', { name: user.displayName })}</Text>
            </Alert>
            <ChangePassphraseFields change={change} currentLabel={t('changePass.currentSet')} />
            <Group justify="space-between">
              <Button variant="subtle" color="gray" onClick={onLock} data-testid="pass-lock">
                {t('changePass.lockInstead')}
              </Button>
              <Button data-testid="pass-submit" type="submit" loading={change.loading}>
                {t('changePass.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
