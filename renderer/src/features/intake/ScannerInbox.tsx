import { Alert, Badge, Button, Center, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolderSearch, IconInbox, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary, ImportFileProgress, PageSummary } from '@shared/contract';
import { PAGE_KIND_LABELS } from '@shared/domain/page-kind';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { formatTime } from '../../ui/dates';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';
import { CasePickerModal } from '../cases/CasePickerModal';
import { ImportFileRow } from '../cases/file/ImportPanel';
import { OcrBadge } from '../cases/file/PagesPanel';
import { PageViewer } from '../cases/file/PageViewer';

const REFRESH_MS = 15_000;
const SETTLE_MS = 1_200;

/** Pages from the scanner folder that belong to no case yet, and a button to look for new files now. */
export function ScannerInbox({ canAssign }: { canAssign: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [version, setVersion] = useState(0);
  const { data } = useLoad(() => kaiji.pages.list({}), `inbox#${version}`);
  const { data: settings } = useLoad(() => kaiji.settings.get({}), `inbox-settings#${version}`);
  const folder = settings?.scannerFolder ?? '';
  const [results, setResults] = useState<ImportFileProgress[] | null>(null);
  const [polledAt, setPolledAt] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<PageSummary | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const pages = data ?? [];

  // New pages also arrive from the background watcher: look again now and then.
  useEffect(() => {
    const timer = window.setInterval(() => setVersion((v) => v + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  const poll = async () => {
    let result = await run(() => kaiji.scanner.poll({}));
    // A file is taken only once it has stopped changing, which needs a second look:
    // so a file that just appeared is imported by this click too, not by the next one.
    if (result.ok && result.value.files.length === 0) {
      await new Promise((r) => window.setTimeout(r, SETTLE_MS));
      result = await run(() => kaiji.scanner.poll({}));
    }
    if (!result.ok) return;
    setResults(result.value.files);
    setPolledAt(new Date().toISOString());
    setVersion((v) => v + 1);
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="inbox" data-count={data ? pages.length : undefined}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div>
            <Group gap="sm" align="baseline">
              <Title order={4}>{t('inbox.title')}</Title>
              {data && (
                <Text size="sm" c="dimmed">
                  {t('inbox.count', { count: pages.length })}
                </Text>
              )}
            </Group>
            <Text size="sm" c="dimmed" maw={640}>
              {t('inbox.intro')}
            </Text>
            {settings && (
              <Text size="xs" c={folder ? 'dimmed' : 'orange.8'} mt={4} data-testid="inbox-folder">
                {folder ? t('inbox.folder', { folder }) : t('inbox.noFolder')}
              </Text>
            )}
          </div>
          {canAssign && (
            <Button
              data-testid="scanner-poll"
              variant="light"
              leftSection={<IconFolderSearch size={16} stroke={1.6} />}
              onClick={() => void poll()}
              loading={loading}
            >
              {t('inbox.poll')}
            </Button>
          )}
        </Group>
        {results && (
          <Alert
            data-testid="scanner-results"
            color={results.some((r) => r.state === 'failed') ? 'orange' : 'teal'}
            variant="light"
            icon={<IconRefresh />}
            withCloseButton
            onClose={() => setResults(null)}
            title={
              results.length === 0
                ? t('inbox.nothingNew')
                : t('inbox.polled', {
                    done: results.filter((r) => r.state === 'done').length,
                    failed: results.filter((r) => r.state === 'failed').length,
                  })
            }
          >
            {polledAt && (
              <Text size="xs" c="dimmed" mb={results.length ? 'xs' : 0}>
                {t('inbox.polledAt', { at: formatTime(polledAt, lang) })}
              </Text>
            )}
            <Stack gap={6}>
              {results.map((r, i) => (
                <ImportFileRow key={`${i}:${r.name}`} row={r} index={i} />
              ))}
            </Stack>
          </Alert>
        )}
        {data && pages.length === 0 ? (
          <Center py="lg">
            <Stack align="center" gap={4}>
              <IconInbox size={28} stroke={1.4} color="var(--mantine-color-gray-5)" />
              <Text size="sm" c="dimmed">
                {t('inbox.empty')}
              </Text>
            </Stack>
          </Center>
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4, lg: 6 }} spacing="md">
            {pages.map((page, i) => (
              <Paper key={page.id} withBorder radius="md" p="xs" data-testid={`inbox-page-${i}`} data-page-id={page.id}>
                <Stack gap={6}>
                  <Group justify="space-between" gap={4} wrap="nowrap">
                    <Badge size="xs" variant="light" color={page.kindConfirmed ? 'teal' : 'gray'} radius="sm" tt="none">
                      {PAGE_KIND_LABELS[page.kind][lang]}
                    </Badge>
                    <OcrBadge page={page} />
                  </Group>
                  <UnstyledButton className="kaiji-thumb" onClick={() => setViewing(i)} aria-label={t('pagesPanel.view', { n: i + 1 })}>
                    <img src={page.thumbnail} alt={PAGE_KIND_LABELS[page.kind][lang]} draggable={false} />
                  </UnstyledButton>
                  <Text size="xs" c="dimmed" truncate title={page.sourceName}>
                    {page.sourceName}
                    {page.sourcePage > 0 ? ` · p.${page.sourcePage + 1}` : ''}
                  </Text>
                  {canAssign && (
                    <Button data-testid="inbox-assign" size="compact-xs" variant="light" onClick={() => setAssigning(page)}>
                      {t('inbox.assign')}
                    </Button>
                  )}
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <PageViewer pages={pages} index={viewing} onIndex={setViewing} />
      <CasePickerModal
        opened={!!assigning}
        title={t('inbox.assignTitle')}
        description={t('inbox.assignBody')}
        confirmLabel={t('inbox.assignOk')}
        onClose={() => setAssigning(null)}
        onPick={async (target: CaseSummary) => {
          if (!assigning) return;
          const result = await run(() => kaiji.pages.move({ id: assigning.id, caseId: target.id }));
          if (result.ok) {
            notifications.show({ color: 'teal', message: t('inbox.assigned', { caseNo: target.caseNo }) });
            setAssigning(null);
            setVersion((v) => v + 1);
          }
        }}
      />
    </Paper>
  );
}
