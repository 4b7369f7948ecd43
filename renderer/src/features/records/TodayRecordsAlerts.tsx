import { Alert, Anchor, List, Stack } from '@mantine/core';
import { IconAlertTriangle, IconArchive } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TodayOverview } from '@shared/contract/today-types';
import { useVault } from '../../ui/vault';
import { useLang } from '../../i18n';
import { formatDay } from '../../ui/dates';
import { canOpen, caseHref, hrefOf } from '../shell/routes';

/** Today's records-keeping lines (#15): the backup is too old or missing (S2), records are past retention (S4). */
export function TodayRecordsAlerts({ overview }: { overview: TodayOverview }) {
  const { t } = useTranslation();
  const { status } = useVault();
  const lang = useLang();
  const admin = canOpen('records', status.user?.role);
  const { backup, disposalDue } = overview;
  const backupText = !backup.folderSet
    ? t('records.today.backupNoFolder')
    : !backup.lastVerifiedAt
      ? t('records.today.backupNever')
      : backup.stale
        ? t('records.today.backupStale', { days: backup.warnAfterDays })
        : null;
  if (!backupText && disposalDue.count === 0) return null;
  return (
    <Stack gap="xs">
      {backupText && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} data-testid="today-backup-warning">
          {backupText}{' '}
          {admin && <Anchor href={hrefOf('records')}>{t('records.today.backupLink')}</Anchor>}
        </Alert>
      )}
      {disposalDue.count > 0 && (
        <Alert color="blue" variant="light" icon={<IconArchive />} data-testid="today-disposal-due">
          {t('records.today.disposalDue', { count: disposalDue.count })}
          {disposalDue.held > 0 && t('records.today.disposalHeld', { count: disposalDue.held })}{' '}
          {admin && <Anchor href={`${hrefOf('records')}?retention`}>{t('records.today.disposalLink')}</Anchor>}
          <List size="sm" mt={4} data-testid="today-disposal-items">
            {disposalDue.items.map((d) => (
              <List.Item key={`${d.caseId}-${d.recordClass}`}>
                <Anchor href={caseHref(d.caseId)}>{d.caseNo}</Anchor> {t(`records.classes.${d.recordClass}`)}（{formatDay(d.dueOn, lang)}〜）
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
