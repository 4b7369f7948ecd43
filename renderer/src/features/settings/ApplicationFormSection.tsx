import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useCall } from '../../ui/useCall';

/** Saves a PDF the services made: a download in the browser, a save dialog in Electron. */
function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
    if (result.ok) download(fillable ? result.value.fileName : result.value.fileName.replace('.pdf', '-print.pdf'), result.value.dataBase64);
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
