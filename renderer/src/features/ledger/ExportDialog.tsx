import { Alert, Checkbox, Modal, PasswordInput, Radio, SegmentedControl, Stack, Text, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '@shared/contract';
import type { MoneyOrderExport } from '@shared/contract/ledger-types';
import type { Result } from '@shared/result';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { errorText } from '../../ui/errors';
import { downloadFile } from '../../ui/files';
import { useCall } from '../../ui/useCall';

type Filter = NonNullable<ChannelInput<'moneyOrders.export'>['filter']>;
type ExportRequest = Omit<ChannelInput<'moneyOrders.export'>, 'filter'>;

// #13 item 11c: the export's own schema (what `cases.exportRegister` takes too: format, password, acknowledgement).
const exportSchema = contractSchema('moneyOrders.export').omit({ filter: true });
interface ExportValues {
  mode: 'encrypted' | 'plaintext';
  format: 'xlsx' | 'csv';
  password: string;
  confirm: string;
  plaintextAcknowledged: boolean;
}

/**
 * The accounts export: password-encrypted XLSX by default; plaintext only after the warning is ticked.
 * Other exports with the same rule (the case register, #15) pass their own `exporter`, title and scope.
 */
export function ExportDialog({
  filter = {},
  count,
  onClose,
  exporter,
  title,
  scope,
  schema,
}: {
  filter?: Filter;
  count: number;
  onClose: () => void;
  exporter?: (request: ExportRequest) => Promise<Result<MoneyOrderExport>>;
  title?: string;
  scope?: string;
  /** The schema of the channel `exporter` calls (default: the money-order export's). */
  schema?: z.ZodType;
}) {
  const exportWith = exporter ?? ((request: ExportRequest) => kaiji.moneyOrders.export({ filter, ...request }));
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const { form, submit } = useContractForm({
    schema: schema ?? exportSchema,
    initialValues: { mode: 'encrypted', format: 'xlsx', password: '', confirm: '', plaintextAcknowledged: false } as ExportValues,
    toInput: (v: ExportValues): ExportRequest =>
      v.mode === 'encrypted' ? { format: 'xlsx', password: v.password } : { format: v.format, plaintextAcknowledged: v.plaintextAcknowledged },
    rules: (v: ExportValues) => ({ confirm: v.mode === 'encrypted' && v.confirm !== v.password && t('moneyOrders.export.passwordMismatch') }),
  });
  const { mode, plaintextAcknowledged } = form.values;
  const [error, setError] = useState<string | null>(null);

  const onSubmit = submit(async (input) => {
    setError(null);
    const result = await run(() => exportWith(input as ExportRequest), { notify: false });
    if (result.ok) {
      downloadFile(result.value);
      notifications.show({ color: 'teal', message: t('moneyOrders.export.done', { file: result.value.fileName, count: result.value.rows }) });
      onClose();
    } else setError(errorText(result.error, lang));
  });

  return (
    <Modal opened onClose={onClose} title={title ?? t('moneyOrders.export.title')} centered size="lg">
      <form onSubmit={onSubmit} noValidate data-testid="export-dialog">
        <Stack gap="md">
          <Text size="sm">{scope ?? t('moneyOrders.export.scope', { count })}</Text>
          <Radio.Group {...form.getInputProps('mode')}>
            <Stack gap="xs">
              <Radio value="encrypted" label={t('moneyOrders.export.encrypted')} data-testid="export-encrypted" />
              <Radio value="plaintext" label={t('moneyOrders.export.plaintext')} data-testid="export-plaintext" />
            </Stack>
          </Radio.Group>
          {mode === 'encrypted' ? (
            <>
              <PasswordInput
                data-testid="export-password"
                label={t('moneyOrders.export.password')}
                description={t('moneyOrders.export.passwordHint')}
                {...form.getInputProps('password')}
                autoComplete="new-password"
                maxLength={255}
              />
              <PasswordInput
                data-testid="export-password-confirm"
                label={t('moneyOrders.export.passwordConfirm')}
                {...form.getInputProps('confirm')}
                autoComplete="new-password"
                maxLength={255}
              />
            </>
          ) : (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('moneyOrders.export.format')}
                </Text>
                <SegmentedControl
                  data-testid="export-format"
                  {...form.getInputProps('format')}
                  data={[
                    { value: 'xlsx', label: 'XLSX' },
                    { value: 'csv', label: 'CSV' },
                  ]}
                />
              </Stack>
              <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={t('moneyOrders.export.warningTitle')}>
                <Text size="sm">{t('moneyOrders.export.warningBody')}</Text>
              </Alert>
              <Checkbox data-testid="export-ack" label={t('moneyOrders.export.acknowledge')} {...form.getInputProps('plaintextAcknowledged', { type: 'checkbox' })} />
            </>
          )}
          {error && (
            <Alert color="red" variant="light" role="alert" data-testid="export-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={loading}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" data-testid="export-submit" loading={loading} disabled={mode === 'plaintext' && !plaintextAcknowledged}>
              {t('moneyOrders.export.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
