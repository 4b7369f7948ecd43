import { Alert, Anchor, Button, FileInput, Group, NumberInput, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeDeskStatus, OfficeProbe } from '@shared/contract/channels/office';
import type { Result } from '@shared/result';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { contractSchema, contractValidate } from '../../ui/contractForm';
import { errorText } from '../../ui/errors';

type Values = {
  host: string;
  port: number | '';
  database: string;
  user: string;
  password: string;
  caPem: string;
};

type Outcome = { kind: 'ok'; probe: OfficeProbe } | { kind: 'failed'; message: string } | null;

/**
 * #16 item 1: the desk's office database, chosen before anyone signs in. Validated by the
 * contract's own schema (office.check / office.use share it), so the form cannot send what the
 * dispatcher refuses. "Test connection" saves nothing; "save and use" tests again, writes
 * office.json in the desk's data folder and switches the desk. The password is sent, never shown
 * back, and cleared from the form once saved.
 */
export function OfficeConnectForm({ onSwitched, onBack }: { onSwitched: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [status, setStatus] = useState<OfficeDeskStatus | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | 'local' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [caName, setCaName] = useState<File | null>(null);
  const [schema] = useState(() => contractSchema('office.check'));
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { host: '', port: 5432, database: 'kaiji', user: 'kaiji_app', password: '', caPem: '' },
    validate: contractValidate(schema) as (values: Values) => Record<string, string>,
  });

  useEffect(() => {
    void kaiji.office.status({}).then((r) => {
      if (!r.ok) return;
      setStatus(r.value);
      const c = r.value.connection;
      // Where the desk is now, to start from (never a password: the service has none to give).
      if (c) form.setValues({ host: c.host, port: c.port, database: c.database, user: c.user });
    });
    // Once, when the screen opens.
  }, []);

  const input = () => {
    const parsed = schema.safeParse(form.getValues());
    return parsed.success ? parsed.data : null;
  };

  const call = async <T,>(which: 'test' | 'save' | 'local', run: () => Promise<Result<T>>): Promise<Result<T>> => {
    setBusy(which);
    setOutcome(null);
    try {
      const result = await run();
      if (!result.ok) setOutcome({ kind: 'failed', message: errorText(result.error, lang) });
      return result;
    } finally {
      setBusy(null);
    }
  };

  const test = async () => {
    if (form.validate().hasErrors) return;
    const values = input();
    if (!values) return;
    const result = await call('test', () => kaiji.office.check(values));
    if (result.ok) setOutcome({ kind: 'ok', probe: result.value });
  };

  const save = async () => {
    if (form.validate().hasErrors) return;
    const values = input();
    if (!values) return;
    const result = await call('save', () => kaiji.office.use(values));
    if (!result.ok) return;
    form.setFieldValue('password', '');
    notifications.show({ color: 'teal', message: t('officeDesk.saved') });
    onSwitched();
  };

  const useLocal = async () => {
    const result = await call('local', () => kaiji.office.useLocal({}));
    if (!result.ok) return;
    notifications.show({ color: 'teal', message: t('officeDesk.useLocalDone') });
    onSwitched();
  };

  const readCa = async (file: File | null) => {
    setCaName(file);
    form.setFieldValue('caPem', '');
    if (!file) return;
    try {
      form.setFieldValue('caPem', await file.text());
    } catch {
      form.setFieldError('caPem', t('officeDesk.caUnreadable'));
    }
  };

  const startOption = status?.source === 'start';
  const c = status?.connection;

  return (
    <form
      data-testid="office-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void test();
      }}
    >
      <Stack gap="sm">
        {status && (
          <Text size="sm" data-testid="office-current" data-backend={status.backend}>
            {c ? t('officeDesk.current.office', { host: c.host, port: c.port, database: c.database, user: c.user }) : t('officeDesk.current.vault')}
            {startOption && ` ${t('officeDesk.current.start')}`}
          </Text>
        )}
        <Group grow align="flex-start" gap="sm">
          <TextInput
            data-testid="office-host"
            label={t('officeDesk.host')}
            description={t('officeDesk.hostHint')}
            autoComplete="off"
            autoFocus
            required
            maxLength={253}
            {...form.getInputProps('host')}
          />
          <NumberInput data-testid="office-port" label={t('officeDesk.port')} min={1} max={65535} allowDecimal={false} hideControls maw={120} required {...form.getInputProps('port')} />
        </Group>
        <Group grow align="flex-start" gap="sm">
          <TextInput data-testid="office-database" label={t('officeDesk.database')} autoComplete="off" required maxLength={63} {...form.getInputProps('database')} />
          <TextInput data-testid="office-user" label={t('officeDesk.user')} description={t('officeDesk.userHint')} autoComplete="off" required maxLength={63} {...form.getInputProps('user')} />
        </Group>
        <PasswordInput data-testid="office-password" label={t('officeDesk.password')} autoComplete="off" required {...form.getInputProps('password')} />
        <FileInput
          data-testid="office-ca"
          label={t('officeDesk.ca')}
          description={t('officeDesk.caHint')}
          placeholder={t('officeDesk.caPlaceholder')}
          accept=".pem,.crt,.cer"
          clearable
          value={caName}
          onChange={(file) => void readCa(file)}
          error={form.errors.caPem}
        />
        {outcome?.kind === 'ok' && (
          <Alert data-testid="office-ok" color="teal" variant="light" title={t('officeDesk.ok')}>
            {t('officeDesk.okBody', {
              server: outcome.probe.serverVersion,
              schema: outcome.probe.schemaVersion,
              tls: outcome.probe.tls ? t('officeDesk.tlsOn') : t('officeDesk.tlsOff'),
            })}{' '}
            {outcome.probe.setUp ? t('officeDesk.okSetUp') : t('officeDesk.okNotSetUp')}
          </Alert>
        )}
        {outcome?.kind === 'failed' && (
          <Alert data-testid="office-error" color="red" variant="light" role="alert" title={t('officeDesk.failed')}>
            {outcome.message}
          </Alert>
        )}
        <Group justify="space-between" mt="xs">
          <Button data-testid="office-test" type="submit" variant="default" loading={busy === 'test'} disabled={busy !== null && busy !== 'test'}>
            {t('officeDesk.test')}
          </Button>
          <Button data-testid="office-save" type="button" loading={busy === 'save'} disabled={startOption || (busy !== null && busy !== 'save')} onClick={() => void save()}>
            {t('officeDesk.save')}
          </Button>
        </Group>
        {status?.backend === 'office' && !startOption && (
          <Button data-testid="office-use-local" type="button" variant="subtle" color="gray" loading={busy === 'local'} disabled={busy !== null && busy !== 'local'} onClick={() => void useLocal()}>
            {t('officeDesk.useLocal')}
          </Button>
        )}
        <Anchor component="button" type="button" size="sm" ta="center" onClick={onBack} data-testid="office-back">
          {t('officeDesk.back')}
        </Anchor>
      </Stack>
    </form>
  );
}
