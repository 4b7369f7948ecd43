import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupResult } from '@shared/contract';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { AuthLayout } from '../../ui/AuthLayout';
import { useVault } from '../../ui/vault';
import { RestoreForm } from '../records/RestoreForm';
import { OfficeConnectLink } from '../office/OfficeConnectLink';
import { OfficeConnectScreen } from '../office/OfficeConnectScreen';
import { errorText } from '../../ui/errors';
import { FailureAlert } from '../../ui/FailureAlert';
import { LoginInput } from '../../ui/LoginInput';
import { NewPassphraseFields, confirmRule } from '../../ui/NewPassphraseFields';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { useCall } from '../../ui/useCall';

interface Props {
  onDone: (result: SetupResult, companyName: string) => void;
}

// #13 item 11c: checked by `vault.setup`'s own schema (the passphrase's length rule included).
const setupSchema = contractSchema('vault.setup');
interface SetupValues {
  companyName: string;
  adminName: string;
  adminLogin: string;
  passphrase: string;
  confirm: string;
}

/** First run: company, first administrator and their passphrase. */
export function SetupScreen({ onDone }: Props) {
  const { refresh } = useVault();
  const [restoring, setRestoring] = useState(false);
  const [connecting, setConnecting] = useState(false);
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const confirmed = confirmRule(t('passphrase.mismatch'));
  const { form, submit } = useContractForm({
    schema: setupSchema,
    initialValues: { companyName: '', adminName: '', adminLogin: '', passphrase: '', confirm: '' } as SetupValues,
    toInput: (v: SetupValues) => ({ companyName: v.companyName, adminName: v.adminName, adminLogin: v.adminLogin, passphrase: v.passphrase }),
    rules: (v) => ({ confirm: confirmed(v, 'passphrase') }),
  });
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = submit(async (input) => {
    setFailure(null);
    const result = await run(() => kaiji.vault.setup(input), { notify: false });
    if (result.ok) onDone(result.value, input.companyName);
    else setFailure(errorText(result.error, lang));
  });

  if (connecting) {
    return (
      <OfficeConnectScreen
        onSwitched={() => {
          setConnecting(false);
          void refresh();
        }}
        onBack={() => setConnecting(false)}
      />
    );
  }
  if (restoring) {
    return (
      <AuthLayout title={t('records.restore.title')} width={520}>
        <RestoreForm onRestoredHere={() => void refresh()} onBack={() => setRestoring(false)} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')} width={520}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FailureAlert testId="setup-error" message={failure} />
          <TextInput
            data-testid="setup-company"
            label={t('setup.company')}
            {...form.getInputProps('companyName')}
            required
            maxLength={120}
            autoFocus
          />
          <TextInput
            data-testid="setup-admin-name"
            label={t('setup.adminName')}
            {...form.getInputProps('adminName')}
            required
            maxLength={80}
          />
          <LoginInput
            data-testid="setup-admin-login"
            label={t('setup.adminLogin')}
            description={t('login.hint')}
            {...form.getInputProps('adminLogin')}
            autoComplete="username"
          />
          <NewPassphraseFields
            form={form}
            path="passphrase"
            testId="setup-passphrase"
            label={t('setup.passphrase')}
            description={t('passphrase.hint')}
            confirm={{ testId: 'setup-passphrase-confirm', label: t('setup.passphraseConfirm') }}
          />
          <Button data-testid="setup-submit" type="submit" loading={loading} fullWidth mt="sm">
            {t('setup.submit')}
          </Button>
          {/* A new computer after a disk failure: restore the office's backup instead of starting empty (#15, S2). */}
          <Anchor component="button" type="button" size="sm" ta="center" onClick={() => setRestoring(true)} data-testid="restore-open">
            {t('records.restore.open')}
          </Anchor>
          {/* #16 item 1: a desk of an office that works on one PostgreSQL database. */}
          <OfficeConnectLink onOpen={() => setConnecting(true)} />
        </Stack>
      </form>
    </AuthLayout>
  );
}
