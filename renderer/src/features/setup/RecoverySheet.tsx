import { Alert, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintSheet } from './PrintSheet';

interface Props {
  recoveryKey: string;
  companyName: string;
  continueLabel: string;
  onContinue: () => void;
}

/** Shows a freshly issued recovery key once, with print and an explicit "I stored it". */
export function RecoverySheet({ recoveryKey, companyName, continueLabel, onContinue }: Props) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);

  return (
    <Stack gap="lg">
      <Text>{t('recovery.lead')}</Text>
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle />}
        title={t('recovery.warningTitle')}
        role="alert"
      >
        {/* One language on screen (#13 item 9); the printed sheet below is bilingual on purpose. */}
        <Text size="sm">{t('recovery.warning')}</Text>
      </Alert>
      <Paper withBorder radius="md" p="lg" bg="gray.0">
        <Text
          data-testid="recovery-key"
          ff="monospace"
          fz={{ base: 16, sm: 20 }}
          fw={700}
          ta="center"
          style={{ overflowWrap: 'anywhere', letterSpacing: 0.5, userSelect: 'all' }}
        >
          {recoveryKey}
        </Text>
      </Paper>
      <Group justify="space-between" align="center">
        <Button
          data-testid="recovery-print"
          variant="default"
          leftSection={<IconPrinter size={18} />}
          onClick={() => window.print()}
        >
          {t('recovery.print')}
        </Button>
      </Group>
      <Checkbox
        data-testid="recovery-confirm"
        checked={stored}
        onChange={(e) => setStored(e.currentTarget.checked)}
        label={t('recovery.confirm')}
      />
      <Group justify="flex-end">
        <Button data-testid="recovery-continue" disabled={!stored} onClick={onContinue}>
          {continueLabel}
        </Button>
      </Group>
      <PrintSheet recoveryKey={recoveryKey} companyName={companyName} />
    </Stack>
  );
}
