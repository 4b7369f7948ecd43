import { Alert, Anchor, Button, PasswordInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '@shared/contract';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { formatTime } from '../../ui/dates';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { errorText } from '../../ui/errors';
import { useCall } from '../../ui/useCall';

const [byPassphrase, byRecoveryKey] = contractSchema('backup.restore').options;
interface RestoreValues {
  file: string;
  targetDir: string;
  login: string;
  passphrase: string;
  recoveryKey: string;
}

/**
 * Restore from a backup (S2), from the unlock or setup screen: into an empty folder, opened by a
 * staff passphrase or the recovery key valid when the backup was made. A damaged, cut-short or
 * newer file is refused with the service's ja/en message and nothing changes.
 */
export function RestoreForm({ onRestoredHere, onBack }: { onRestoredHere: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  // #13 item 11c: the branch of `backup.restore`'s own schema for the way it opens (staff passphrase or recovery key).
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const { form, submit } = useContractForm({
    schema: mode === 'recovery' ? byRecoveryKey : byPassphrase,
    initialValues: { file: '', targetDir: '', login: '', passphrase: '', recoveryKey: '' } as RestoreValues,
    toInput: ({ file, targetDir, login, passphrase, recoveryKey }: RestoreValues) => (mode === 'recovery' ? { file, targetDir, recoveryKey } : { file, targetDir, login, passphrase }),
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = submit(async (input) => {
    setFailure(null);
    const result = await run(() => kaiji.backup.restore(input as ChannelInput<'backup.restore'>), { notify: false });
    if (!result.ok) {
      setFailure(errorText(result.error, lang));
      return;
    }
    const at = formatTime(result.value.backupCreatedAt, lang);
    if (result.value.openHere) {
      setDone(t('records.restore.doneHere', { at }));
      onRestoredHere();
    } else setDone(t('records.restore.doneElsewhere', { at, dir: result.value.dataDir }));
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="restore-form">
      <Stack gap="sm">
        <Alert variant="light">{t('records.restore.intro')}</Alert>
        <TextInput data-testid="restore-file" label={t('records.restore.file')} required {...form.getInputProps('file')} />
        <TextInput
          data-testid="restore-target"
          label={t('records.restore.target')}
          description={t('records.restore.targetHint')}
          {...form.getInputProps('targetDir')}
          required
        />
        <SegmentedControl
          aria-label={t('records.restore.with')}
          value={mode}
          onChange={(v) => {
            setMode(v as 'passphrase' | 'recovery');
            form.clearErrors();
          }}
          data={[
            { value: 'passphrase', label: t('records.restore.withPassphrase') },
            { value: 'recovery', label: t('records.restore.withRecovery') },
          ]}
        />
        {mode === 'passphrase' ? (
          <>
            <TextInput data-testid="restore-login" label={t('records.restore.login')} autoComplete="username" {...form.getInputProps('login')} />
            <PasswordInput data-testid="restore-passphrase" label={t('records.restore.passphrase')} autoComplete="current-password" {...form.getInputProps('passphrase')} />
          </>
        ) : (
          <TextInput data-testid="restore-recovery-key" label={t('records.restore.recoveryKey')} autoComplete="off" {...form.getInputProps('recoveryKey')} />
        )}
        {failure && (
          <Alert color="red" variant="light" role="alert" data-testid="restore-error">
            {failure}
          </Alert>
        )}
        {done && (
          <Alert color="teal" variant="light" role="status" data-testid="restore-done">
            {done}
          </Alert>
        )}
        <Button type="submit" loading={loading} data-testid="restore-submit">
          {t('records.restore.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" ta="center" onClick={onBack}>
          {t('common.back')}
        </Anchor>
      </Stack>
    </form>
  );
}
