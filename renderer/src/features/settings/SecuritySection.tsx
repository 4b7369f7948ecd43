import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconKey, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { formatTime } from '../../ui/dates';
import { useCall } from '../../ui/useCall';

interface Props {
  onNewRecoveryKey: (key: string) => void;
}

/** Key rotation and recovery-key reissue, each behind a confirmation. */
export function SecuritySection({ onNewRecoveryKey }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run } = useCall();
  const [confirming, setConfirming] = useState<'rekey' | 'rotate' | null>(null);
  const [rotatedAt, setRotatedAt] = useState<string | null>(null);

  const rekey = async () => {
    const result = await run(() => kaiji.vault.rekey({}));
    setConfirming(null);
    if (result.ok) setRotatedAt(result.value.rotatedAt);
  };

  const rotate = async () => {
    const result = await run(() => kaiji.vault.rotateRecoveryKey({}));
    setConfirming(null);
    if (result.ok) onNewRecoveryKey(result.value.recoveryKey);
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Title order={4}>{t('settings.security')}</Title>
        {rotatedAt && (
          <Alert data-testid="settings-rekey-result" color="teal" variant="light">
            {t('settings.rekeyDone', { at: formatTime(rotatedAt, lang) })}
          </Alert>
        )}
        <Group justify="space-between" wrap="nowrap" align="center">
          <Text size="sm" c="dimmed">
            {t('settings.rekeyHint')}
          </Text>
          <Button
            data-testid="settings-rekey"
            variant="default"
            leftSection={<IconRefresh size={16} />}
            onClick={() => setConfirming('rekey')}
            style={{ flexShrink: 0 }}
          >
            {t('settings.rekey')}
          </Button>
        </Group>
        <Group justify="space-between" wrap="nowrap" align="center">
          <Text size="sm" c="dimmed">
            {t('settings.rotateHint')}
          </Text>
          <Button
            data-testid="settings-rotate-recovery"
            variant="default"
            leftSection={<IconKey size={16} />}
            onClick={() => setConfirming('rotate')}
            style={{ flexShrink: 0 }}
          >
            {t('settings.rotate')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming === 'rekey'}
        title={t('settings.rekeyConfirmTitle')}
        confirmLabel={t('settings.rekey')}
        color="indigo"
        onClose={() => setConfirming(null)}
        onConfirm={rekey}
      >
        {t('settings.rekeyConfirmBody')}
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'rotate'}
        title={t('settings.rotateConfirmTitle')}
        confirmLabel={t('settings.rotateOk')}
        onClose={() => setConfirming(null)}
        onConfirm={rotate}
      >
        {t('settings.rotateConfirmBody')}
      </ConfirmModal>
    </Paper>
  );
}
