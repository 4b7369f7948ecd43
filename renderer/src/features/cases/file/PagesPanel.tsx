import { ActionIcon, Badge, Center, Group, Menu, NativeSelect, Paper, SimpleGrid, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowDown,
  IconArrowUp,
  IconArrowsExchange,
  IconCheck,
  IconDots,
  IconEyeOff,
  IconMaximize,
  IconRotateClockwise,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { CaseMaskState } from '@shared/domain/verification/masking';
import { useTranslation } from 'react-i18next';
import type { CaseSummary, PageSummary } from '@shared/contract';
import { PAGE_KINDS, PAGE_KIND_LABELS, type PageKind } from '@shared/domain/page-kind';
import { kaiji } from '../../../api';
import { useLang } from '../../../i18n';
import { useCall } from '../../../ui/useCall';
import { useLoad } from '../../../ui/useLoad';
import { MaskEditor } from '../../masking/MaskEditor';
import { CasePickerModal } from '../CasePickerModal';
import { PageViewer } from './PageViewer';
import { showUndoToast } from '../../trash/undoToast';

interface Props {
  caseId: string;
  pages: PageSummary[];
  editable: boolean;
  /** After any change: reload the case file. */
  onChanged: () => void;
}

/** The case's scanned pages in order, with what each page is and what can be done to it. */
export function PagesPanel({ caseId, pages, editable, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run } = useCall();
  const [viewing, setViewing] = useState<number | null>(null);
  const [moving, setMoving] = useState<PageSummary | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [masking, setMasking] = useState<PageSummary | null>(null);
  // D6: which pages are masked, which ID pages still carry numbers to mask.
  const maskState = useLoad(() => kaiji.pages.maskState({ caseId }), `${caseId}#${pages.map((p) => `${p.id}:${p.kind}:${p.thumbnail.length}`).join(',')}`);

  const act = async (id: string, call: () => Promise<{ ok: boolean }>, done?: string) => {
    setBusy(id);
    try {
      const result = await call();
      if (result.ok) {
        if (done) notifications.show({ color: 'teal', message: done });
        onChanged();
      }
    } finally {
      setBusy(null);
    }
  };

  // #13 item 3: deleting moves the page to the trash at once; the toast's Undo brings it back.
  const trashPage = async (page: PageSummary) => {
    await act(page.id, async () => {
      const r = await run(() => kaiji.pages.delete({ id: page.id }));
      if (r.ok) showUndoToast({ t, lang, kind: 'page', id: page.id, message: t('trash.pageTrashed'), onRestored: onChanged });
      return r;
    });
  };

  const reorder = (index: number, delta: -1 | 1) => {
    const ids = pages.map((p) => p.id);
    const to = index + delta;
    if (to < 0 || to >= ids.length) return;
    [ids[index], ids[to]] = [ids[to]!, ids[index]!];
    void act(pages[index]!.id, () => run(() => kaiji.pages.reorder({ caseId, ids })));
  };

  if (pages.length === 0) {
    return (
      <Center py="xl" data-testid="pages-strip" data-count={0}>
        <Text size="sm" c="dimmed">
          {t('pagesPanel.empty')}
        </Text>
      </Center>
    );
  }

  return (
    <>
      <SimpleGrid data-testid="pages-strip" data-count={pages.length} cols={{ base: 2, sm: 3, xl: 4 }} spacing="md">
        {pages.map((page, index) => (
          <PageCard
            key={page.id}
            page={page}
            index={index}
            last={index === pages.length - 1}
            editable={editable}
            busy={busy === page.id}
            onView={() => setViewing(index)}
            onRotate={() => void act(page.id, () => run(() => kaiji.pages.rotate({ id: page.id, degrees: 90 })))}
            onKind={(kind) => void act(page.id, () => run(() => kaiji.pages.setKind({ id: page.id, kind })))}
            onUp={() => reorder(index, -1)}
            onDown={() => reorder(index, 1)}
            onMove={() => setMoving(page)}
            onDelete={() => void trashPage(page)}
            mask={maskOf(maskState.data, page.id)}
            onMask={() => setMasking(page)}
          />
        ))}
      </SimpleGrid>
      <PageViewer pages={pages} index={viewing} onIndex={setViewing} />
      <MaskEditor page={masking} onClose={() => setMasking(null)} onMasked={onChanged} />
      <CasePickerModal
        opened={!!moving}
        title={t('pagesPanel.moveTitle')}
        description={t('pagesPanel.moveBody')}
        confirmLabel={t('pagesPanel.moveOk')}
        excludeId={caseId}
        onClose={() => setMoving(null)}
        onPick={async (target: CaseSummary) => {
          if (!moving) return;
          const page = moving;
          await act(page.id, () => run(() => kaiji.pages.move({ id: page.id, caseId: target.id })), t('pagesPanel.moved', { caseNo: target.caseNo }));
          setMoving(null);
        }}
      />
    </>
  );
}

type MaskMark = 'masked' | 'suggested' | undefined;

function maskOf(state: CaseMaskState | undefined, pageId: string): MaskMark {
  if (!state) return undefined;
  if (state.masked.some((m) => m.pageId === pageId)) return 'masked';
  return state.suggested.includes(pageId) ? 'suggested' : undefined;
}

interface CardProps {
  page: PageSummary;
  index: number;
  last: boolean;
  editable: boolean;
  busy: boolean;
  onView: () => void;
  onRotate: () => void;
  onKind: (kind: PageKind) => void;
  onUp: () => void;
  onDown: () => void;
  onMove: () => void;
  onDelete: () => void;
  mask: MaskMark;
  onMask: () => void;
}

function PageCard({ page, index, last, editable, busy, onView, onRotate, onKind, onUp, onDown, onMove, onDelete, mask, onMask }: CardProps) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      data-testid={`page-card-${index}`}
      data-page-id={page.id}
      data-kind={page.kind}
      data-confirmed={page.kindConfirmed}
      className="kaiji-page-card"
      data-busy={busy || undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Group gap={4} wrap="nowrap">
            <Badge size="sm" variant="filled" color="dark" radius="sm">
              {index + 1}
            </Badge>
            <Badge
              size="xs"
              variant={page.kindConfirmed ? 'light' : 'outline'}
              color={page.kindConfirmed ? 'teal' : 'gray'}
              radius="sm"
              tt="none"
              data-testid="page-kind-state"
              title={page.kindConfirmed ? t('pagesPanel.confirmedHint') : t('pagesPanel.suggestedHint')}
            >
              {page.kindConfirmed ? t('pagesPanel.confirmed') : t('pagesPanel.suggested')}
            </Badge>
            {mask && (
              <Badge
                size="xs"
                variant={mask === 'masked' ? 'light' : 'filled'}
                color={mask === 'masked' ? 'gray' : 'orange'}
                radius="sm"
                tt="none"
                data-testid="page-mask-state"
                data-mask={mask}
                title={mask === 'suggested' ? t('masking.suggestHint') : undefined}
              >
                {mask === 'masked' ? t('masking.masked') : t('masking.suggest')}
              </Badge>
            )}
          </Group>
        </Group>
        <UnstyledButton onClick={onView} className="kaiji-thumb" aria-label={t('pagesPanel.view', { n: index + 1 })} title={t('pagesPanel.viewHint')}>
          <img src={page.thumbnail} alt={PAGE_KIND_LABELS[page.kind][lang]} draggable={false} />
        </UnstyledButton>
        <Group gap={4} justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed" truncate title={page.sourceName} miw={0}>
            {page.sourceName}
            {page.sourcePage > 0 ? ` · p.${page.sourcePage + 1}` : ''}
          </Text>
          <OcrBadge page={page} />
        </Group>
        {editable ? (
          <NativeSelect
            data-testid="page-kind"
            size="xs"
            aria-label={t('pagesPanel.kind')}
            value={page.kind}
            onChange={(e) => onKind(e.currentTarget.value as PageKind)}
            data={PAGE_KINDS.map((k) => ({ value: k, label: PAGE_KIND_LABELS[k][lang] }))}
            disabled={busy}
          />
        ) : (
          <Text size="sm" fw={500}>
            {PAGE_KIND_LABELS[page.kind][lang]}
          </Text>
        )}
        <Group gap={2} justify="flex-end" wrap="nowrap">
            <Tooltip label={t('pagesPanel.viewHint')}>
              <ActionIcon size="sm" variant="subtle" color="gray" onClick={onView} aria-label={t('pagesPanel.view', { n: index + 1 })}>
                <IconMaximize size={15} />
              </ActionIcon>
            </Tooltip>
            {editable && (
              <>
                {!page.kindConfirmed && (
                  <Tooltip label={t('pagesPanel.confirmKind')}>
                    <ActionIcon
                      data-testid="page-confirm-kind"
                      size="sm"
                      variant="subtle"
                      color="teal"
                      onClick={() => onKind(page.kind)}
                      aria-label={t('pagesPanel.confirmKind')}
                      disabled={busy}
                    >
                      <IconCheck size={15} />
                    </ActionIcon>
                  </Tooltip>
                )}
                {(page.kind === 'id_document' || mask) && (
                  <Tooltip label={mask === 'suggested' ? t('masking.suggestHint') : t('masking.open')} multiline w={260}>
                    <ActionIcon
                      data-testid="page-mask"
                      size="sm"
                      variant={mask === 'suggested' ? 'filled' : 'subtle'}
                      color={mask === 'suggested' ? 'orange' : 'gray'}
                      onClick={onMask}
                      aria-label={t('masking.open')}
                      disabled={busy}
                    >
                      <IconEyeOff size={15} />
                    </ActionIcon>
                  </Tooltip>
                )}
                <Tooltip label={t('pagesPanel.rotate')}>
                  <ActionIcon
                    data-testid="page-rotate"
                    size="sm"
                    variant="subtle"
                    color="gray"
                    onClick={onRotate}
                    loading={busy}
                    aria-label={t('pagesPanel.rotate')}
                  >
                    <IconRotateClockwise size={15} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('pagesPanel.delete')}>
                  <ActionIcon data-testid="page-delete" size="sm" variant="subtle" color="red" onClick={onDelete} aria-label={t('pagesPanel.delete')} disabled={busy}>
                    <IconTrash size={15} />
                  </ActionIcon>
                </Tooltip>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon data-testid="page-more" size="sm" variant="subtle" color="gray" aria-label={t('common.actions')} disabled={busy}>
                      <IconDots size={15} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item data-testid="page-up" leftSection={<IconArrowUp size={14} />} onClick={onUp} disabled={index === 0}>
                      {t('pagesPanel.up')}
                    </Menu.Item>
                    <Menu.Item data-testid="page-down" leftSection={<IconArrowDown size={14} />} onClick={onDown} disabled={last}>
                      {t('pagesPanel.down')}
                    </Menu.Item>
                    <Menu.Item data-testid="page-move" leftSection={<IconArrowsExchange size={14} />} onClick={onMove}>
                      {t('pagesPanel.move')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </>
            )}
        </Group>
      </Stack>
    </Paper>
  );
}

export function OcrBadge({ page }: { page: PageSummary }) {
  const { t } = useTranslation();
  if (page.ocrStatus === 'failed') {
    return (
      <Badge size="xs" color="red" variant="light" radius="sm" tt="none" data-testid="page-ocr" data-ocr="failed" style={{ flexShrink: 0 }}>
        {t('pagesPanel.ocrFailed')}
      </Badge>
    );
  }
  return (
    <Badge size="xs" color="gray" variant="light" radius="sm" tt="none" data-testid="page-ocr" data-ocr="done" style={{ flexShrink: 0 }}>
      {page.ocrConfidence !== null ? t('pagesPanel.ocrDone', { pct: Math.round(page.ocrConfidence) }) : t('pagesPanel.ocrDoneShort')}
    </Badge>
  );
}
