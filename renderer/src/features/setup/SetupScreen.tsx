import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupResult } from '@shared/contract';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { AuthLayout } from '../../ui/AuthLayout';
import { errorText } from '../../ui/errors';
import { PassphraseStrength } from '../../ui/PassphraseStrength';
import { useCall } from '../../ui/useCall';
import { LOGIN_PATTERN, MIN_PASSPHRASE, normalizeLogin } from '../../ui/validation';

interface Props {
  onDone: (result: SetupResult, companyName: string) => void;
}

type Field = 'company' | 'adminName' | 'adminLogin' | 'passphrase' | 'confirm';

/** First run: company, first administrator and their passphrase. */
export function SetupScreen({ onDone }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [values, setValues] = useState<Record<Field, string>>({
    company: '',
    adminName: '',
    adminLogin: '',
    passphrase: '',
    confirm: '',
  });
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
    if ([...values.passphrase].length < MIN_PASSPHRASE) errs.passphrase = t('passphrase.tooShort');
    if (values.confirm !== values.passphrase) errs.confirm = t('passphrase.mismatch');
    return errs;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validate();
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setFailure(null);
    const companyName = values.company.trim();
    const result = await run(
      () =>
        kaiji.vault.setup({
          companyName,
          adminName: values.adminName.trim(),
          adminLogin: normalizeLogin(values.adminLogin),
          passphrase: values.passphrase,
        }),
      { notify: false },
    );
    if (result.ok) onDone(result.value, companyName);
    else setFailure(errorText(result.error, lang));
  };

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')} width={520}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert data-testid="setup-error" color="red" variant="light" role="alert">
              {failure}
            </Alert>
          )}
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
          <TextInput
            data-testid="setup-admin-login"
            label={t('setup.adminLogin')}
            description={t('login.hint')}
            value={values.adminLogin}
            onChange={set('adminLogin')}
            error={errors.adminLogin}
            required
            maxLength={32}
            autoCapitalize="none"
            autoComplete="username"
            spellCheck={false}
          />
          <PasswordInput
            data-testid="setup-passphrase"
            label={t('setup.passphrase')}
            description={t('passphrase.hint')}
            value={values.passphrase}
            onChange={set('passphrase')}
            error={errors.passphrase}
            required
            autoComplete="new-password"
          />
          <PassphraseStrength value={values.passphrase} />
          <PasswordInput
            data-testid="setup-passphrase-confirm"
            label={t('setup.passphraseConfirm')}
            value={values.confirm}
            onChange={set('confirm')}
            error={errors.confirm}
            required
            autoComplete="new-password"
          />
          <Button data-testid="setup-submit" type="submit" loading={loading} fullWidth mt="sm">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
