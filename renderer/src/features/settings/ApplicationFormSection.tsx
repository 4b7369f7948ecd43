import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { downloadFile } from '../../ui/files';
import { useCall } from '../../ui/useCall';

/**
 * The company's own application form (I3), made from the settings above: the fillable PDF
 * to publish, or a print-only version to mail to people who ask for it on paper.
 */
export function ApplicationFormSection() {
  const { t } = useTranslation();
  const { run } = useCall();
  const [busy, setBusy] = useState<'fillable' | 'print' | null>(null);

  const fetchForm = async (fillable: boolean) => {
    setBusy(fillable ? 'fillable' : 'print');
    const result = await run(() => kaiji.forms.applicationForm({ fillable }));
    setBusy(null);
    if (result.ok) downloadFile({ fileName: fillable ? result.value.fileName : result.value.fileName.replace('.pdf', '-print.pdf'), dataBase64: result.value.dataBase64 });
  };

  return (
    <Paper withBorder radius="md" p="lg" data-testid="settings-application-form">
      <Stack gap="sm">
        <Title order={4}>{t('settings.form.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('settings.form.description')}
        </Text>
        <Group>
          <Button leftSection={<IconFileDownload size={16} />} loading={busy === 'fillable'} onClick={() => void fetchForm(true)} data-testid="form-download-fillable">
            {t('settings.form.fillable')}
          </Button>
          <Button variant="default" loading={busy === 'print'} onClick={() => void fetchForm(false)} data-testid="form-download-print">
            {t('settings.form.print')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
