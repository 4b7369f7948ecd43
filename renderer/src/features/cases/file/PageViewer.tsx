import { ActionIcon, Box, Center, Group, Loader, Modal, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageSummary } from '@shared/contract';
import { PAGE_KIND_LABELS } from '@shared/domain/page-kind';
import { useLang } from '../../../i18n';
import { loadPageImage, type PageImage } from './pageImages';

interface Props {
  pages: PageSummary[];
  /** Index of the page shown; null = closed. */
  index: number | null;
  onIndex: (index: number | null) => void;
}

const ZOOMS = [0.25, 0.5, 0.75, 1, 1.5] as const;

/** A page at full resolution: fit to the window or zoomed, arrow keys for the previous/next page. */
export function PageViewer({ pages, index, onIndex }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const page = index === null ? undefined : pages[index];
  const [image, setImage] = useState<PageImage | null>(null);
  const [zoom, setZoom] = useState<'fit' | number>('fit');

  useEffect(() => {
    if (!page) return;
    let live = true;
    let url: string | null = null;
    setImage(null);
    void loadPageImage(page.id).then((img) => {
      if (!img) return;
      url = img.url;
      if (live) setImage(img);
      else URL.revokeObjectURL(img.url);
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [page?.id, page]);

  const go = (delta: number) => {
    if (index === null) return;
    const next = index + delta;
    if (next >= 0 && next < pages.length) onIndex(next);
  };
  const step = (dir: 1 | -1) =>
    setZoom((z) => {
      const current = z === 'fit' ? 0.5 : z;
      const i = ZOOMS.findIndex((v) => v >= current);
      const at = Math.min(ZOOMS.length - 1, Math.max(0, (i < 0 ? ZOOMS.length - 1 : i) + dir));
      return ZOOMS[at]!;
    });

  return (
    <Modal
      opened={!!page}
      onClose={() => onIndex(null)}
      size="min(1100px, 96vw)"
      title={
        page && (
          <Group gap="xs">
            <Text fw={600}>{t('pagesPanel.pageN', { n: (index ?? 0) + 1, total: pages.length })}</Text>
            <Text size="sm" c="dimmed">
              {PAGE_KIND_LABELS[page.kind][lang]} · {page.sourceName}
              {page.sourcePage > 0 ? ` p.${page.sourcePage + 1}` : ''}
            </Text>
          </Group>
        )
      }
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') go(-1);
        if (e.key === 'ArrowRight') go(1);
        if (e.key === '+') step(1);
        if (e.key === '-') step(-1);
      }}
    >
      <Group justify="space-between" mb="sm">
        <Group gap={4}>
          <Tooltip label={t('pagesPanel.prev')}>
            <ActionIcon variant="default" onClick={() => go(-1)} disabled={!index} aria-label={t('pagesPanel.prev')}>
              <IconChevronLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('pagesPanel.next')}>
            <ActionIcon
              variant="default"
              onClick={() => go(1)}
              disabled={index === null || index >= pages.length - 1}
              aria-label={t('pagesPanel.next')}
            >
              <IconChevronRight size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Group gap={4}>
          <ActionIcon variant="default" onClick={() => step(-1)} aria-label={t('pagesPanel.zoomOut')}>
            <IconZoomOut size={18} />
          </ActionIcon>
          <SegmentedControl
            size="xs"
            value={zoom === 'fit' ? 'fit' : String(zoom)}
            onChange={(v) => setZoom(v === 'fit' ? 'fit' : Number(v))}
            data={[{ value: 'fit', label: t('pagesPanel.fit') }, ...ZOOMS.map((z) => ({ value: String(z), label: `${z * 100}%` }))]}
          />
          <ActionIcon variant="default" onClick={() => step(1)} aria-label={t('pagesPanel.zoomIn')}>
            <IconZoomIn size={18} />
          </ActionIcon>
        </Group>
      </Group>
      <Box data-testid="page-viewer" className="kaiji-viewer" tabIndex={0}>
        {image ? (
          <img
            src={image.url}
            alt={page ? PAGE_KIND_LABELS[page.kind][lang] : ''}
            style={zoom === 'fit' ? { maxWidth: '100%', maxHeight: '72vh', display: 'block', margin: '0 auto' } : { width: image.width * zoom, maxWidth: 'none', display: 'block' }}
            draggable={false}
          />
        ) : (
          <Center h={400}>
            <Loader size="sm" aria-label={t('app.loading')} />
          </Center>
        )}
      </Box>
    </Modal>
  );
}
