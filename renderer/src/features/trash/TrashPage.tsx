import { Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import { useLoad } from '../../ui/useLoad';
import { TrashList } from './TrashList';

/** The whole trash (#13 item 3): every deleted page and letter draft still restorable. */
export function TrashPage() {
  const { t } = useTranslation();
  const { data: settings } = useLoad(() => kaiji.settings.get({}), 'trash-settings');
  return (
    <Stack gap="lg">
      <PageHeader title={t('trash.title')} description={t('trash.description', { days: settings?.trashDays ?? 30 })} />
      <Paper withBorder radius="md" p="md">
        <TrashList />
      </Paper>
    </Stack>
  );
}
