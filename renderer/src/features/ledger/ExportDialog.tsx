import { Alert, Checkbox, Modal, PasswordInput, Radio, SegmentedControl, Stack, Text, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '@shared/contract';
import type { MoneyOrderExport } from '@shared/contract/ledger-types';
import type { Result } from '@shared/result';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { errorText } from '../../ui/errors';
import { downloadFile } from '../../ui/files';
import { useCall } from '../../ui/useCall';

type Filter = NonNullable<ChannelInput<'moneyOrders.export'>['filter']>;
type ExportRequest = Omit<ChannelInput<'moneyOrders.export'>, 'filter'>;

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
}: {
  filter?: Filter;
  count: number;
  onClose: () => void;
  exporter?: (request: ExportRequest) => Promise<Result<MoneyOrderExport>>;
  title?: string;
  scope?: string;
}) {
  const exportWith = exporter ?? ((request: ExportRequest) => kaiji.moneyOrders.export({ filter, ...request }));
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [mode, setMode] = useState<'encrypted' | 'plaintext'>('encrypted');
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [ack, setAck] = useState(false);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const passwordError = mode === 'encrypted' && touched && password.length < 8 ? t('moneyOrders.export.passwordShort') : undefined;
  const confirmError = mode === 'encrypted' && touched && confirm !== password ? t('moneyOrders.export.passwordMismatch') : undefined;
  const ready = mode === 'encrypted' ? password.length >= 8 && confirm === password : ack;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setError(null);
    if (!ready) return;
    const result = await run(
      () =>
        mode === 'encrypted' ? exportWith({ format: 'xlsx', password }) : exportWith({ format, plaintextAcknowledged: true }),
      { notify: false },
    );
    if (result.ok) {
      downloadFile(result.value);
      notifications.show({ color: 'teal', message: t('moneyOrders.export.done', { file: result.value.fileName, count: result.value.rows }) });
      onClose();
    } else setError(errorText(result.error, lang));
  };

  return (
    <Modal opened onClose={onClose} title={title ?? t('moneyOrders.export.title')} centered size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="export-dialog">
        <Stack gap="md">
          <Text size="sm">{scope ?? t('moneyOrders.export.scope', { count })}</Text>
          <Radio.Group value={mode} onChange={(v) => setMode(v as 'encrypted' | 'plaintext')}>
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
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={passwordError}
                autoComplete="new-password"
                maxLength={255}
              />
              <PasswordInput
                data-testid="export-password-confirm"
                label={t('moneyOrders.export.passwordConfirm')}
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                error={confirmError}
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
                  value={format}
                  onChange={(v) => setFormat(v as 'xlsx' | 'csv')}
                  data={[
                    { value: 'xlsx', label: 'XLSX' },
                    { value: 'csv', label: 'CSV' },
                  ]}
                />
              </Stack>
              <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={t('moneyOrders.export.warningTitle')}>
                <Text size="sm">{t('moneyOrders.export.warningBody')}</Text>
              </Alert>
              <Checkbox data-testid="export-ack" label={t('moneyOrders.export.acknowledge')} checked={ack} onChange={(e) => setAck(e.currentTarget.checked)} />
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
            <Button type="submit" data-testid="export-submit" loading={loading} disabled={!ready && (mode === 'plaintext' || touched)}>
              {t('moneyOrders.export.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
