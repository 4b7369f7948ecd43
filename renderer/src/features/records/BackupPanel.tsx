import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '@shared/contract/backup-types';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { formatTime } from '../../ui/dates';
import { Timestamp } from '../../ui/Timestamp';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';

const STATUS_COLOR = { running: 'blue', verified: 'teal', failed: 'red' } as const;

// #13 item 11c: the settings form is checked by backup.updateSettings' own schema.
const settingsSchema = contractSchema('backup.updateSettings').required();
type SettingsValues = { folder: string; generations: number | ''; daily: boolean; warnAfterDays: number | '' };

/** Backup settings, "back up now" with progress (polled), and the history of runs (S2). */
export function BackupPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const { data, reload } = useLoad(() => kaiji.backup.overview({}), 'backup');
  const { form, submit } = useContractForm({ schema: settingsSchema, initialValues: { folder: '', generations: '', daily: false, warnAfterDays: '' } as SettingsValues });
  const [status, setStatus] = useState<BackupStatus | null>(null);

  const [filled, setFilled] = useState(false);
  useEffect(() => {
    if (data) {
      // A refetch after a change elsewhere keeps what is being typed here.
      if (!filled || !form.isDirty()) {
        form.setValues(data.settings);
        form.resetDirty(data.settings);
      }
      setStatus(data.status);
      setFilled(true);
    }
    // Only when the stored overview arrives.
  }, [data]);

  // While a backup runs, follow its progress; the app stays usable meanwhile.
  useEffect(() => {
    if (!status?.running) return;
    const timer = window.setInterval(async () => {
      const r = await kaiji.backup.status({});
      if (!r.ok) return;
      setStatus(r.value);
      if (!r.value.running) {
        window.clearInterval(timer);
        if (r.value.phase === 'done') notifications.show({ color: 'teal', message: t('records.backup.done') });
        void reload();
      }
    }, 500);
    return () => window.clearInterval(timer);
  }, [status?.running, reload, t]);

  // Shown once the stored settings are in the fields (a value typed before would be overwritten).
  if (!data || !filled) return null;
  const save = submit(async (input) => {
    const r = await run(() => kaiji.backup.updateSettings(input));
    if (r.ok) {
      form.setValues(r.value);
      form.resetDirty(r.value);
      notifications.show({ color: 'teal', message: t('common.saved') });
      void reload();
    }
  });
  const start = async () => {
    const r = await run(() => kaiji.backup.start({}));
    if (r.ok) setStatus({ running: true, runId: r.value.runId, phase: 'snapshot', progress: 0, errorCode: null });
  };

  return (
    <Stack gap="lg" maw={900}>
      <Paper withBorder p="md" component="form" onSubmit={save} noValidate>
        <Stack gap="sm">
          <TextInput data-testid="backup-folder" label={t('records.backup.folder')} description={t('records.backup.folderHint')} {...form.getInputProps('folder')} />
          <Group grow align="flex-start">
            <NumberInput
              label={t('records.backup.generations')}
              min={1}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              data-testid="backup-generations"
              {...form.getInputProps('generations')}
            />
            <NumberInput
              label={t('records.backup.warnAfterDays')}
              min={1}
              max={90}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              data-testid="backup-warn-days"
              {...form.getInputProps('warnAfterDays')}
            />
          </Group>
          <Checkbox label={t('records.backup.daily')} {...form.getInputProps('daily', { type: 'checkbox' })} />
          <Group>
            <Button type="submit" variant="default" loading={loading} data-testid="backup-save">
              {t('records.backup.save')}
            </Button>
            <Button type="button" onClick={() => void start()} disabled={status?.running || !data.settings.folder} data-testid="backup-now">
              {status?.running ? t('records.backup.running') : t('records.backup.now')}
            </Button>
          </Group>
          {status && status.phase !== 'idle' && (
            <Stack gap={4} data-testid="backup-progress">
              <Text size="sm">{t(`records.backup.phases.${status.phase}`)}</Text>
              <Progress value={Math.round(status.progress * 100)} color={status.phase === 'failed' ? 'red' : undefined} aria-label={t(`records.backup.phases.${status.phase}`)} />
            </Stack>
          )}
          <Alert color={data.lastVerifiedAt ? 'teal' : 'orange'} variant="light">
            {data.lastVerifiedAt ? t('records.backup.last', { at: formatTime(data.lastVerifiedAt, lang) }) : t('records.backup.never')}
          </Alert>
        </Stack>
      </Paper>
      <Stack gap="xs">
        <Title order={3} fz="lg">
          {t('records.backup.runs')}
        </Title>
        <Table striped data-testid="backup-runs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('records.backup.columns.started')}</Table.Th>
              <Table.Th>{t('records.backup.columns.trigger')}</Table.Th>
              <Table.Th>{t('records.backup.columns.status')}</Table.Th>
              <Table.Th>{t('records.backup.columns.file')}</Table.Th>
              <Table.Th>{t('records.backup.columns.size')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.runs.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Timestamp at={r.startedAt} />
                </Table.Td>
                <Table.Td>{t(`records.backup.triggers.${r.trigger}`)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[r.status]} variant="light">
                    {t(`records.backup.statuses.${r.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{r.fileName ?? r.errorCode ?? ''}</Table.Td>
                <Table.Td>{r.bytes !== null ? `${(r.bytes / 1_048_576).toFixed(1)} MB` : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  );
}
