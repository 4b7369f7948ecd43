import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../ui/AuthLayout';
import { useVault } from '../../ui/vault';
import { RecoverForm } from './RecoverForm';
import { UnlockForm } from './UnlockForm';

/** Locked vault: passphrase unlock, or reset with the recovery key. */
export function UnlockScreen() {
  const { t } = useTranslation();
  const { status, refresh } = useVault();
  const [mode, setMode] = useState<'unlock' | 'recover'>('unlock');

  if (mode === 'recover') {
    return (
      <AuthLayout title={t('recover.title')} width={480}>
        <RecoverForm onRecovered={() => void refresh()} onBack={() => setMode('unlock')} />
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
    </AuthLayout>
  );
}
