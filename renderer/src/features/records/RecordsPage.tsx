import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { BackupPanel } from './BackupPanel';
import { DisposalRegisterPanel } from './DisposalRegisterPanel';
import { RetentionPanel } from './RetentionPanel';

/** Records keeping (#15): backups (S2), retention and disposal (S4), the disposal record and case register. Administrators only. */
export function RecordsPage() {
  const { t } = useTranslation();
  const initial = window.location.hash.includes('retention') ? 'retention' : 'backup';
  return (
    <Stack gap="lg">
      <PageHeader title={t('records.title')} description={t('records.description')} />
      <Tabs defaultValue={initial} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="backup" data-testid="records-tab-backup">
            {t('records.tabs.backup')}
          </Tabs.Tab>
          <Tabs.Tab value="retention" data-testid="records-tab-retention">
            {t('records.tabs.retention')}
          </Tabs.Tab>
          <Tabs.Tab value="register" data-testid="records-tab-register">
            {t('records.tabs.register')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="backup" pt="md">
          <BackupPanel />
        </Tabs.Panel>
        <Tabs.Panel value="retention" pt="md">
          <RetentionPanel />
        </Tabs.Panel>
        <Tabs.Panel value="register" pt="md">
          <DisposalRegisterPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
