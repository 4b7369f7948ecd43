import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
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
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { useCall } from '../../ui/useCall';
import { useNewPassphrase } from '../../ui/useNewPassphrase';
import { LOGIN_PATTERN, normalizeLogin } from '../../ui/validation';

interface Props {
  onDone: (result: SetupResult, companyName: string) => void;
}

type Field = 'company' | 'adminName' | 'adminLogin';

/** First run: company, first administrator and their passphrase. */
export function SetupScreen({ onDone }: Props) {
  const { refresh } = useVault();
  const [restoring, setRestoring] = useState(false);
  const [connecting, setConnecting] = useState(false);
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [values, setValues] = useState<Record<Field, string>>({
    company: '',
    adminName: '',
    adminLogin: '',
  });
  const passphrase = useNewPassphrase();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const set = (field: Field) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((errs) => ({ ...errs, [field]: undefined }));
  };

  const validate = (): Partial<Record<Field, string>> => {
    const errs: Partial<Record<Field, string>> = {};
    if (!values.company.trim()) errs.company = t('setup.required');
    if (!values.adminName.trim()) errs.adminName = t('setup.required');
    if (!LOGIN_PATTERN.test(normalizeLogin(values.adminLogin))) errs.adminLogin = t('login.invalid');
    return errs;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validate();
    setErrors(errs);
    const passphraseOk = passphrase.validate();
    if (Object.keys(errs).length > 0 || !passphraseOk) return;
    setFailure(null);
    const companyName = values.company.trim();
    const result = await run(
      () =>
        kaiji.vault.setup({
          companyName,
          adminName: values.adminName.trim(),
          adminLogin: normalizeLogin(values.adminLogin),
          passphrase: passphrase.value,
        }),
      { notify: false },
    );
    if (result.ok) onDone(result.value, companyName);
    else setFailure(errorText(result.error, lang));
  };

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
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FailureAlert testId="setup-error" message={failure} />
          <TextInput
            data-testid="setup-company"
            label={t('setup.company')}
            value={values.company}
            onChange={set('company')}
            error={errors.company}
            required
            maxLength={120}
            autoFocus
          />
          <TextInput
            data-testid="setup-admin-name"
            label={t('setup.adminName')}
            value={values.adminName}
            onChange={set('adminName')}
            error={errors.adminName}
            required
            maxLength={80}
          />
          <LoginInput
            data-testid="setup-admin-login"
            label={t('setup.adminLogin')}
            description={t('login.hint')}
            value={values.adminLogin}
            onChange={set('adminLogin')}
            error={errors.adminLogin}
            autoComplete="username"
          />
          <NewPassphraseFields
            passphrase={passphrase}
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
