import { Alert, Badge, Button, Code, Divider, Group, Image, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconDownload, IconEye, IconPrinter, IconFileCheck, IconTags, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { LetterDetail, LetterPages } from '@shared/contract/letters-types';
import { allows } from '@shared/roles';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { formatDay } from '../../ui/dates';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';
import { DraftEditor } from './DraftEditor';
import { MailSection } from './MailSection';
import { downloadFile } from '../../ui/files';
import { printPdf } from './pdf-files';
import { ApprovalSection } from '../approval/ApprovalSection';
import { showUndoToast } from '../trash/undoToast';

/** One letter: edit the draft, preview its pages, issue, print, reprint as 控, log the mailing. */
export function LetterModal({ id, onChanged, onDiscarded }: { id: string; onChanged: () => void; onDiscarded: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { status } = useVault();
  const canWrite = allows(contract['letters.update'].access, status.user?.role);
  const role = status.user?.role;
  const [version, setVersion] = useState(0);
  const { data } = useLoad(() => kaiji.letters.get({ id }), `${id}#${version}`);
  const { run, loading } = useCall();
  const [pages, setPages] = useState<LetterPages | null>(null);
  const [confirmIssue, setConfirmIssue] = useState(false);
  const refresh = () => {
    setVersion((v) => v + 1);
    onChanged();
  };

  if (!data) return <Loader size="sm" aria-label={t('app.loading')} />;
  const issued = data.status === 'issued';

  const preview = async () => {
    const r = await run(() => kaiji.letters.preview({ id, dpi: 80 }));
    if (r.ok) setPages(r.value);
  };
  // #10 item 5: a decided letter a clerk changed waits for the administrator.
  const approve = async () => {
    const r = await run(() => kaiji.letters.approve({ id }));
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('lifecycle.approved') });
      refresh();
    }
  };
  const issue = async () => {
    const r = await run(() => kaiji.letters.issue({ id }));
    setConfirmIssue(false);
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('letters.issued') });
      setPages(null);
      refresh();
    }
  };
  const withFile = async (call: 'pdf' | 'reprint', then: (f: { fileName: string; dataBase64: string }) => unknown) => {
    const r = await run(() => (call === 'pdf' ? kaiji.letters.pdf({ id }) : kaiji.letters.reprint({ id })));
    if (r.ok) await then(r.value);
    return r.ok;
  };
  const print = () =>
    withFile('pdf', async (f) => {
      const how = await printPdf(f);
      if (how !== 'dialog') notifications.show({ color: 'blue', message: t('letters.printHint') });
    });
  const reprint = async () => {
    const ok = await withFile('reprint', (f) => printPdf(f));
    if (ok) {
      notifications.show({ color: 'teal', message: t('letters.reprinted', { count: data.reprintCount + 1 }) });
      refresh();
    }
  };
  const labels = async () => {
    const r = await run(() => kaiji.letters.labels({ ids: [id] }));
    if (r.ok) downloadFile(r.value);
  };
  const discard = async () => {
    const r = await run(() => kaiji.letters.discard({ id }));
    if (r.ok) {
      // #13 item 3: the draft went to the trash; Undo brings it back.
      showUndoToast({ t, lang, kind: 'letter', id, message: t('trash.letterTrashed'), onRestored: onChanged });
      onChanged();
      onDiscarded();
    }
  };

  return (
    <Stack gap="md" data-testid="letter-detail" data-status={data.status} data-letter-id={data.id}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={4}>{data.draft.title}</Title>
          <Text size="sm" c="dimmed">
            {data.caseNo} · {t(`letters.templates.${data.template}`)} · {data.lang === 'en' ? 'English' : '日本語'}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge color={issued ? 'teal' : 'gray'} variant="light" tt="none" data-testid="letter-status">
            {t(`letters.statuses.${data.status}`)}
          </Badge>
          {data.finalResponse && (
            <Badge color="blue" variant="outline" tt="none">
              {t('letters.finalResponse')}
            </Badge>
          )}
          {!issued && data.needsApproval && (
            <Badge color="orange" variant="light" tt="none" data-testid="letter-needs-approval">
              {t('lifecycle.needsApproval')}
            </Badge>
          )}
        </Group>
      </Group>
      {!issued && data.needsApproval && role === 'administrator' && (
        <Group>
          <Button size="xs" color="orange" variant="light" data-testid="letter-approve" loading={loading} onClick={() => void approve()}>
            {t('lifecycle.approve')}
          </Button>
        </Group>
      )}
      <ApprovalSection letter={data} onChanged={refresh} />
      {issued && <IssuedFacts letter={data} />}
      {!issued && canWrite && <DraftEditor letter={data} onSaved={refresh} />}
      {issued && (
        <Alert color="gray" variant="light">
          {t('letters.edit.frozen')}
        </Alert>
      )}
      <Group gap="xs">
        <Button size="xs" variant="light" leftSection={<IconEye size={14} />} onClick={() => void preview()} loading={loading} data-testid="letter-preview">
          {t('letters.preview')}
        </Button>
        {!issued && canWrite && (
          <>
            <Button size="xs" leftSection={<IconFileCheck size={14} />} onClick={() => setConfirmIssue(true)} data-testid="letter-issue">
              {t('letters.issue')}
            </Button>
            <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => void discard()} data-testid="letter-discard">
              {t('letters.discard')}
            </Button>
          </>
        )}
        {issued && (
          <>
            <Button size="xs" leftSection={<IconPrinter size={14} />} onClick={() => void print()} loading={loading} data-testid="letter-print">
              {t('letters.print')}
            </Button>
            <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} onClick={() => void withFile('pdf', downloadFile)} data-testid="letter-download">
              {t('letters.download')}
            </Button>
            {canWrite && (
              <>
                <Button size="xs" variant="light" leftSection={<IconCopy size={14} />} onClick={() => void reprint()} data-testid="letter-reprint">
                  {t('letters.reprint')}
                </Button>
                <Button size="xs" variant="light" leftSection={<IconTags size={14} />} onClick={() => void labels()} data-testid="letter-labels">
                  {t('letters.labels')}
                </Button>
              </>
            )}
          </>
        )}
      </Group>
      {pages && <PagePreview pages={pages} />}
      {issued && canWrite && (
        <>
          <Divider />
          <MailSection letter={data} onChanged={refresh} />
        </>
      )}
      {issued && data.mail && !canWrite && (
        <Text size="sm">{formatDay(data.mail.sentOn, lang)}</Text>
      )}
      <ConfirmModal opened={confirmIssue} title={t('letters.issueTitle')} confirmLabel={t('letters.issue')} color="blue" onClose={() => setConfirmIssue(false)} onConfirm={issue}>
        {t('letters.issueBody')}
      </ConfirmModal>
    </Stack>
  );
}

function IssuedFacts({ letter }: { letter: LetterDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Group gap="lg" wrap="wrap">
      <Text size="sm">{letter.issuedOn ? formatDay(letter.issuedOn, lang) : ''}</Text>
      {letter.issuedByName && <Text size="sm">{letter.issuedByName}</Text>}
      {letter.pageCount !== null && <Text size="sm">{t('letters.pages', { count: letter.pageCount })}</Text>}
      {letter.reprintCount > 0 && <Text size="sm">{t('letters.reprints', { count: letter.reprintCount })}</Text>}
      <Text size="xs">
        {t('letters.hash')} <Code data-testid="letter-sha256">{letter.sha256}</Code>
      </Text>
    </Group>
  );
}

function PagePreview({ pages }: { pages: LetterPages }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="letter-pages" data-count={pages.pageCount}>
      <Text size="sm" fw={600}>
        {t('letters.previewTitle')}
      </Text>
      {pages.draft && (
        <Text size="xs" c="dimmed">
          {t('letters.previewDraft')}
        </Text>
      )}
      {pages.pages.map((p, i) => (
        <Stack key={i} gap={2} align="center">
          <Image src={p.dataUrl} w="100%" maw={620} radius="xs" style={{ border: '1px solid var(--mantine-color-gray-4)' }} alt={t('letters.pageOf', { n: i + 1, total: pages.pageCount })} />
          <Text size="xs" c="dimmed">
            {t('letters.pageOf', { n: i + 1, total: pages.pageCount })}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
