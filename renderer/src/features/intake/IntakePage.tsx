import { Alert, Stack } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import { allows } from '@shared/roles';
import { PageHeader } from '../../ui/PageHeader';
import { useVault } from '../../ui/vault';
import { EnvelopeForm } from './EnvelopeForm';
import { EnvelopesList } from './EnvelopesList';
import { ScannerInbox } from './ScannerInbox';

/** 受付: log the day's envelopes (administrators, clerks); auditors see the list only. */
export function IntakePage() {
  const { t } = useTranslation();
  const { status } = useVault();
  const canLog = allows(contract['envelopes.log'].access, status.user?.role);
  const [version, setVersion] = useState(0);

  return (
    <Stack data-testid="intake-page" gap="lg">
      <PageHeader title={t('intake.title')} description={t('intake.intro')} />
      {canLog ? (
        <EnvelopeForm onLogged={() => setVersion((v) => v + 1)} />
      ) : (
        <Alert data-testid="intake-read-only" color="gray" variant="light" icon={<IconEye />}>
          {t('intake.readOnly')}
        </Alert>
      )}
      <EnvelopesList version={version} />
      <ScannerInbox canAssign={allows(contract['pages.move'].access, status.user?.role)} />
    </Stack>
  );
}
