import { Anchor, Button, Group, Modal, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconTags } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import { allows } from '@shared/roles';
import { kaiji } from '../../api';
import { ImportPanel } from '../cases/file/ImportPanel';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';
import { caseHref } from '../shell/routes';
import { LetterModal } from './LetterModal';
import { LetterTable } from './LettersPanel';
import { downloadFile } from '../../ui/files';

type Filter = 'to_send' | 'issued' | 'drafts';

/**
 * 書面・発送 `#/letters`: issued letters not yet logged as sent (print, label, log the mailing),
 * all issued letters and drafts; and a drop zone for returned notices, which find their case
 * by the QR code printed on them (#6 item 6).
 */
export function LettersPage() {
  const { t } = useTranslation();
  const { status } = useVault();
  const canWrite = allows(contract['letters.labels'].access, status.user?.role);
  const canImport = allows(contract['pages.import'].access, status.user?.role);
  const [filter, setFilter] = useState<Filter>('to_send');
  const [version, setVersion] = useState(0);
  const { data } = useLoad(() => kaiji.letters.overview({ filter }), `${filter}#${version}`);
  const toSend = useLoad(() => kaiji.letters.toSendCount({}), `count#${version}`);
  const [openId, setOpenId] = useState<string | null>(null);
  const { run, loading } = useCall();
  const letters = data ?? [];
  const open = letters.find((l) => l.id === openId);

  const labels = async () => {
    const r = await run(() => kaiji.letters.labels({ ids: letters.map((l) => l.id) }));
    if (r.ok) downloadFile(r.value);
  };

  return (
    <Stack gap="lg" data-testid="letters-page">
      <Stack gap={4}>
        <Title order={2}>{t('letters.pageTitle')}</Title>
        <Text c="dimmed" size="sm">
          {t('letters.pageIntro')}
        </Text>
      </Stack>
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Group justify="space-between">
            <SegmentedControl
              value={filter}
              onChange={(v) => setFilter(v as Filter)}
              data={[
                { value: 'to_send', label: toSend.data?.count ? `${t('letters.overview.toSend')} (${toSend.data.count})` : t('letters.overview.toSend') },
                { value: 'issued', label: t('letters.overview.issued') },
                { value: 'drafts', label: t('letters.overview.drafts') },
              ]}
              data-testid="letters-filter"
            />
            {canWrite && filter !== 'drafts' && letters.length > 0 && (
              <Button size="xs" variant="light" leftSection={<IconTags size={14} />} onClick={() => void labels()} loading={loading} data-testid="letters-labels">
                {t('letters.labels')}
              </Button>
            )}
          </Group>
          {data && letters.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="letters-empty">
              {t('letters.overview.empty')}
            </Text>
          ) : (
            <LetterTable letters={letters} onOpen={setOpenId} showCase />
          )}
        </Stack>
      </Paper>
      {canImport && (
        <Paper withBorder radius="md" p="md" data-testid="returned-notices">
          <Stack gap="sm">
            <Title order={4}>{t('letters.returned.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('letters.returned.intro')}
            </Text>
            <ImportPanel onImported={() => setVersion((v) => v + 1)} />
          </Stack>
        </Paper>
      )}
      <Modal
        opened={openId !== null}
        onClose={() => setOpenId(null)}
        size="xl"
        title={
          open ? (
            <Anchor href={caseHref(open.caseId)} ff="monospace" fw={600}>
              {open.caseNo}
            </Anchor>
          ) : (
            t('letters.panelTitle')
          )
        }
      >
        {openId && <LetterModal id={openId} onChanged={() => setVersion((v) => v + 1)} onDiscarded={() => setOpenId(null)} />}
      </Modal>
    </Stack>
  );
}
