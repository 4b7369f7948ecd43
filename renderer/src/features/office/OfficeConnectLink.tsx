import { Anchor, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeDeskStatus } from '@shared/contract/channels/office';
import { kaiji } from '../../api';

/**
 * #16 item 1: the way to the office connection screen from the screens before sign-in, and which
 * office database the desk is on (so nobody unlocks or sets up the wrong one unawares).
 */
export function OfficeConnectLink({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OfficeDeskStatus | null>(null);
  useEffect(() => {
    let live = true;
    void kaiji.office.status({}).then((r) => live && r.ok && setStatus(r.value));
    return () => {
      live = false;
    };
  }, []);
  const c = status?.connection;
  return (
    <Stack gap={4} align="center">
      {c && (
        <Text size="xs" c="dimmed" ta="center" data-testid="office-on">
          {t('officeDesk.onLine', { database: c.database, host: c.host, port: c.port })}
        </Text>
      )}
      <Anchor component="button" type="button" size="sm" onClick={onOpen} data-testid="office-open">
        {t('officeDesk.open')}
      </Anchor>
    </Stack>
  );
}
