import { Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';
import { RecoverySheet } from '../setup/RecoverySheet';
import { ApplicationFormSection } from './ApplicationFormSection';
import { MoneyOrderSettingsSection } from '../ledger/MoneyOrderSettingsSection';
import { RepeatPeriodSection } from './RepeatPeriodSection';
import { WithdrawalAckSection } from '../lifecycle/WithdrawalAckSection';
import { DeadlineSettingsSection } from '../today/DeadlineSettingsSection';
import { SecuritySection } from './SecuritySection';
import { TrashApprovalSection } from '../trash/TrashApprovalSection';
import { SettingsForm } from './SettingsForm';
import { OfficeSettingsSection } from '../office/OfficeSettingsSection';

/** Administrator-only: organization details, locking, and key management. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { status } = useVault();
  const { data } = useLoad(() => kaiji.settings.get({}), 'settings');
  const [newKey, setNewKey] = useState<string | null>(null);

  if (newKey) {
    return (
      <Stack data-testid="settings-page" maw={720}>
        <Paper withBorder radius="md" p="xl">
          <Title order={3} mb="md">
            {t('recovery.title')}
          </Title>
          <RecoverySheet
            recoveryKey={newKey}
            companyName={data?.companyName ?? status.companyName ?? ''}
            continueLabel={t('common.continue')}
            onContinue={() => setNewKey(null)}
          />
        </Paper>
      </Stack>
    );
  }

  return (
    <Stack data-testid="settings-page" gap="lg" maw={960}>
      <PageHeader title={t('settings.title')} />
      <SettingsForm />
      <MoneyOrderSettingsSection />
      <ApplicationFormSection />
      <RepeatPeriodSection />
      <WithdrawalAckSection />
      <DeadlineSettingsSection />
      <TrashApprovalSection />
      <SecuritySection onNewRecoveryKey={setNewKey} />
      <OfficeSettingsSection />
    </Stack>
  );
}
