import { Alert, Box, Button, Center, Checkbox, Group, Loader, Modal, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageSummary } from '@shared/contract';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { useCall } from '../../ui/useCall';
import { loadPageImage, type PageImage } from '../cases/file/pageImages';
import { newKey, nudged, spanned, type EditorRect } from './mask-rects';

interface Props {
  page: PageSummary | null;
  onClose: () => void;
  /** After the mask was burned in. */
  onMasked: () => void;
}

/**
 * D6 redaction of one page: suggested rectangles (insurer / insured / pension numbers found in
 * the OCR words) are pre-drawn and can be switched off; more are drawn by dragging on the page,
 * or added with a button and moved with the arrow keys. Saving burns them into the stored image
 * for good, after a confirmation that says so.
 */
export function MaskEditor({ page, onClose, onMasked }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run } = useCall();
  const [image, setImage] = useState<PageImage | null>(null);
  const [rects, setRects] = useState<EditorRect[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ from: { x: number; y: number }; to: { x: number; y: number } } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const svgRef = useRef<SVGSVGElement>(null);

  useEffect(() => {
    if (!page) return;
    let live = true;
    let url: string | null = null;
    setImage(null);
    setRects([]);
    setSelected(null);
    void loadPageImage(page.id).then((img) => {
      if (!img) return;
      url = img.url;
      if (live) setImage(img);
      else URL.revokeObjectURL(img.url);
    });
    void kaiji.pages.maskSuggestions({ id: page.id }).then((r) => {
      if (live && r.ok) setRects((current) => [...r.value.map((s) => ({ x: s.x, y: s.y, width: s.width, height: s.height, reason: s.reason, on: true, key: newKey() })), ...current]);
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [page]);

  const size = image ? { width: image.width, height: image.height } : { width: 1, height: 1 };
  const active = rects.filter((r) => r.on);

  /** Pointer position in page pixels. */
  const at = (e: PointerEvent<SVGSVGElement>) => {
    const box = svgRef.current!.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / box.width) * size.width, y: ((e.clientY - box.top) / box.height) * size.height };
  };
  const down = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = at(e);
    setDraft({ from: p, to: p });
  };
  const move = (e: PointerEvent<SVGSVGElement>) => {
    if (draft) setDraft({ ...draft, to: at(e) });
  };
  const up = (e: PointerEvent<SVGSVGElement>) => {
    if (!draft) return;
    const r = spanned(draft.from, at(e), size);
    setDraft(null);
    // A click without a drag draws nothing (a stray click must not mask a dot).
    if (!r || r.width < 4 || r.height < 4) return;
    const key = newKey();
    setRects((rs) => [...rs, { ...r, on: true, key }]);
    setSelected(key);
  };

  const add = () => {
    const width = Math.min(size.width, Math.round(size.width / 4));
    const height = Math.min(size.height, Math.round(size.height / 30) + 10);
    const key = newKey();
    setRects((rs) => [...rs, { x: Math.round((size.width - width) / 2), y: Math.round((size.height - height) / 2), width, height, on: true, key }]);
    setSelected(key);
  };
  const remove = (key: string) => {
    setRects((rs) => rs.filter((r) => r.key !== key));
    if (selected === key) setSelected(null);
  };
  const keys = (e: KeyboardEvent, key: string) => {
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key)) {
      if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        remove(key);
      }
      return;
    }
    e.preventDefault();
    setSelected(key);
    const step = e.altKey ? 1 : 10;
    setRects((rs) => rs.map((r) => (r.key === key ? { ...r, ...nudged(r, e.key, e.shiftKey, step, size) } : r)));
  };

  const save = async () => {
    if (!page) return;
    const result = await run(() => kaiji.pages.mask({ id: page.id, rects: active.map(({ x, y, width, height }) => ({ x, y, width, height })) }));
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('masking.done', { count: active.length }) });
      setConfirming(false);
      onMasked();
      onClose();
    }
  };

  const d = draft ? spanned(draft.from, draft.to, size) : null;
  return (
    <Modal opened={!!page} onClose={onClose} title={t('masking.title')} size="90%" centered data-testid="mask-editor">
      <Stack gap="sm">
        <Text size="sm">{t('masking.intro')}</Text>
        <Group align="flex-start" wrap="nowrap" gap="md">
          <Box style={{ flex: 1, minWidth: 0 }}>
            {!image ? (
              <Center h={300}>
                <Loader aria-label={t('app.loading')} />
              </Center>
            ) : (
              <ScrollArea.Autosize mah="70vh">
                <Box pos="relative" style={{ lineHeight: 0 }}>
                  <img src={image.url} alt={t('masking.pageAlt')} style={{ width: '100%', height: 'auto', display: 'block' }} draggable={false} />
                  <svg
                    ref={svgRef}
                    data-testid="mask-canvas"
                    data-width={size.width}
                    data-height={size.height}
                    viewBox={`0 0 ${size.width} ${size.height}`}
                    preserveAspectRatio="none"
                    aria-label={t('masking.canvas')}
                    role="img"
                    onPointerDown={down}
                    onPointerMove={move}
                    onPointerUp={up}
                    style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', cursor: 'crosshair', touchAction: 'none' }}
                  >
                    {rects.map((r) => (
                      <rect
                        key={r.key}
                        data-testid="mask-rect"
                        data-on={r.on}
                        x={r.x}
                        y={r.y}
                        width={r.width}
                        height={r.height}
                        fill={r.on ? 'rgba(0,0,0,0.75)' : 'none'}
                        stroke={r.key === selected ? '#fa5252' : r.on ? '#e8590c' : '#868e96'}
                        strokeDasharray={r.on ? undefined : '12 8'}
                        strokeWidth={Math.max(2, size.width / 400)}
                      />
                    ))}
                    {d && <rect x={d.x} y={d.y} width={d.width} height={d.height} fill="rgba(250,82,82,0.3)" stroke="#fa5252" strokeWidth={Math.max(2, size.width / 400)} />}
                  </svg>
                </Box>
              </ScrollArea.Autosize>
            )}
          </Box>
          <Stack gap="xs" w={300} style={{ flexShrink: 0 }}>
            <Title order={5}>{t('masking.list', { count: active.length })}</Title>
            <Text size="xs" c="dimmed">
              {t('masking.keys')}
            </Text>
            {rects.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('masking.none')}
              </Text>
            )}
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="mask-list">
              {rects.map((r, i) => (
                <li key={r.key} data-testid="mask-item" data-on={r.on}>
                  <Group gap={4} wrap="nowrap" align="center">
                    <Checkbox
                      size="xs"
                      checked={r.on}
                      aria-label={t('masking.include', { n: i + 1 })}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setRects((rs) => rs.map((x) => (x.key === r.key ? { ...x, on } : x)));
                      }}
                    />
                    <Button
                      data-testid="mask-select"
                      size="compact-xs"
                      variant={selected === r.key ? 'light' : 'subtle'}
                      color={selected === r.key ? 'red' : 'gray'}
                      onClick={() => setSelected(r.key)}
                      onKeyDown={(e) => keys(e, r.key)}
                      style={{ flex: 1, minWidth: 0 }}
                      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                      aria-pressed={selected === r.key}
                      title={t('masking.keys')}
                    >
                      {i + 1}. {r.reason ? r.reason[lang] : t('masking.drawn')} ({r.width}×{r.height})
                    </Button>
                    <Button data-testid="mask-remove" size="compact-xs" variant="subtle" color="red" onClick={() => remove(r.key)} aria-label={t('masking.remove', { n: i + 1 })}>
                      <IconTrash size={14} />
                    </Button>
                  </Group>
                </li>
              ))}
            </Stack>
            <Button data-testid="mask-add" size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={add} disabled={!image}>
              {t('masking.add')}
            </Button>
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
              {t('masking.irreversibleShort')}
            </Alert>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button data-testid="mask-save" color="red" disabled={active.length === 0 || !image} onClick={() => setConfirming(true)}>
                {t('masking.save', { count: active.length })}
              </Button>
            </Group>
          </Stack>
        </Group>
      </Stack>
      <ConfirmModal opened={confirming} title={t('masking.confirmTitle')} confirmLabel={t('masking.confirmOk')} onClose={() => setConfirming(false)} onConfirm={save}>
        {t('masking.confirmBody', { count: active.length })}
      </ConfirmModal>
    </Modal>
  );
}
