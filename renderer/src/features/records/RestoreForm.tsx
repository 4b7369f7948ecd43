import { Alert, Anchor, Button, PasswordInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { formatTime } from '../../ui/dates';
import { errorText } from '../../ui/errors';
import { useCall } from '../../ui/useCall';

/**
 * Restore from a backup (S2), from the unlock or setup screen: into an empty folder, opened by a
 * staff passphrase or the recovery key valid when the backup was made. A damaged, cut-short or
 * newer file is refused with the service's ja/en message and nothing changes.
 */
export function RestoreForm({ onRestoredHere, onBack }: { onRestoredHere: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [file, setFile] = useState('');
  const [targetDir, setTargetDir] = useState('');
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [login, setLogin] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const result = await run(
      () => (mode === 'recovery' ? kaiji.backup.restore({ file, targetDir, recoveryKey }) : kaiji.backup.restore({ file, targetDir, login, passphrase })),
      { notify: false },
    );
    if (!result.ok) {
      setFailure(errorText(result.error, lang));
      return;
    }
    const at = formatTime(result.value.backupCreatedAt, lang);
    if (result.value.openHere) {
      setDone(t('records.restore.doneHere', { at }));
      onRestoredHere();
    } else setDone(t('records.restore.doneElsewhere', { at, dir: result.value.dataDir }));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="restore-form">
      <Stack gap="sm">
        <Alert variant="light">{t('records.restore.intro')}</Alert>
        <TextInput data-testid="restore-file" label={t('records.restore.file')} value={file} onChange={(e) => setFile(e.currentTarget.value)} required />
        <TextInput
          data-testid="restore-target"
          label={t('records.restore.target')}
          description={t('records.restore.targetHint')}
          value={targetDir}
          onChange={(e) => setTargetDir(e.currentTarget.value)}
          required
        />
        <SegmentedControl
          aria-label={t('records.restore.with')}
          value={mode}
          onChange={(v) => setMode(v as 'passphrase' | 'recovery')}
          data={[
            { value: 'passphrase', label: t('records.restore.withPassphrase') },
            { value: 'recovery', label: t('records.restore.withRecovery') },
          ]}
        />
        {mode === 'passphrase' ? (
          <>
            <TextInput data-testid="restore-login" label={t('records.restore.login')} value={login} onChange={(e) => setLogin(e.currentTarget.value)} autoComplete="username" />
            <PasswordInput data-testid="restore-passphrase" label={t('records.restore.passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} autoComplete="current-password" />
          </>
        ) : (
          <TextInput label={t('records.restore.recoveryKey')} value={recoveryKey} onChange={(e) => setRecoveryKey(e.currentTarget.value)} autoComplete="off" />
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
        <Button type="submit" loading={loading} disabled={!file.trim() || !targetDir.trim() || (mode === 'recovery' ? !recoveryKey : !login || !passphrase)}>
          {t('records.restore.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" ta="center" onClick={onBack}>
          {t('common.back')}
        </Anchor>
      </Stack>
    </form>
  );
}
