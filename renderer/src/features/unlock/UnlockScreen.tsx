import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Anchor } from '@mantine/core';
import { AuthLayout } from '../../ui/AuthLayout';
import { RestoreForm } from '../records/RestoreForm';
import { useVault } from '../../ui/vault';
import { OfficeConnectLink } from '../office/OfficeConnectLink';
import { OfficeConnectScreen } from '../office/OfficeConnectScreen';
import { RecoverForm } from './RecoverForm';
import { UnlockForm } from './UnlockForm';

/** Locked vault: passphrase unlock, or reset with the recovery key. */
export function UnlockScreen() {
  const { t } = useTranslation();
  const { status, refresh } = useVault();
  const [mode, setMode] = useState<'unlock' | 'recover' | 'restore' | 'office'>('unlock');

  if (mode === 'recover') {
    return (
      <AuthLayout title={t('recover.title')} width={480}>
        <RecoverForm onRecovered={() => void refresh()} onBack={() => setMode('unlock')} />
      </AuthLayout>
    );
  }
  if (mode === 'office') {
    return (
      <OfficeConnectScreen
        onSwitched={() => {
          setMode('unlock');
          void refresh();
        }}
        onBack={() => setMode('unlock')}
      />
    );
  }
  if (mode === 'restore') {
    return (
      <AuthLayout title={t('records.restore.title')} width={520}>
        <RestoreForm onRestoredHere={() => void refresh()} onBack={() => setMode('unlock')} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('unlock.title')} intro={t('unlock.intro')}>
      <UnlockForm
        initialRetryMs={status.retryAfterMs}
        onUnlocked={() => void refresh()}
        onUseRecovery={() => setMode('recover')}
      />
      {/* Restore (#15, S2): after a disk failure the office starts here. */}
      <Anchor component="button" type="button" size="sm" mt="sm" display="block" mx="auto" onClick={() => setMode('restore')} data-testid="restore-open">
        {t('records.restore.open')}
      </Anchor>
      {/* #16 item 1: several desks on one office database. */}
      <OfficeConnectLink onOpen={() => setMode('office')} />
    </AuthLayout>
  );
}
