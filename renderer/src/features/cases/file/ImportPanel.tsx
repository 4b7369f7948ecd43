import { Badge, Box, Button, Group, Paper, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCloudUpload, IconFileCheck, IconFileX, IconLoader2 } from '@tabler/icons-react';
import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { errorText } from '../../../ui/errors';
import { SCAN_ACCEPT } from '../../../ui/files';
import { useImport, type ImportRow } from './useImport';
import { AttachedNotice } from '../../letters/AttachedNotice';

const stateColor = { waiting: 'gray', processing: 'indigo', done: 'teal', failed: 'red', cancelled: 'gray' } as const;

interface Props {
  caseId?: string;
  /** Called once every file of an import is settled. */
  onImported: () => void;
}

/** 「スキャンを取り込む」: drop zone and file picker, then per-file progress of the import job. */
export function ImportPanel({ caseId, onImported }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const { rows, busy, start, clear } = useImport(caseId, onImported);

  const pick = () => input.current?.click();
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (busy) return;
    void start([...e.dataTransfer.files]);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      pick();
    }
  };

  const settled = rows.length > 0 && rows.every((r) => r.state !== 'waiting' && r.state !== 'processing');
  return (
    <Stack gap="sm">
      <Box
        data-testid="import-drop"
        role="button"
        tabIndex={0}
        aria-label={t('importScan.pick')}
        aria-disabled={busy}
        onClick={busy ? undefined : pick}
        onKeyDown={busy ? undefined : onKey}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className="kaiji-dropzone"
        data-over={over || undefined}
        data-busy={busy || undefined}
      >
        <Group gap="md" wrap="nowrap" justify="center">
          <ThemeIcon size={44} radius="xl" variant="light" color="indigo">
            <IconCloudUpload size={24} stroke={1.6} />
          </ThemeIcon>
          <div>
            <Text fw={600}>{t('importScan.title')}</Text>
            <Text size="sm" c="dimmed">
              {t('importScan.hint')}
            </Text>
          </div>
        </Group>
        <input
          ref={input}
          data-testid="import-input"
          type="file"
          accept={SCAN_ACCEPT}
          multiple
          hidden
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            void start(files);
          }}
        />
      </Box>
      {rows.length > 0 && (
        <Paper withBorder radius="md" p="sm" data-testid="import-progress" data-done={settled || undefined} aria-live="polite">
          <Group justify="space-between" mb="xs">
            <Title order={6}>{busy ? t('importScan.running') : t('importScan.finished')}</Title>
            {settled && (
              <Button size="compact-xs" variant="subtle" color="gray" onClick={clear}>
                {t('common.close')}
              </Button>
            )}
          </Group>
          <Stack gap={8}>
            {rows.map((row, i) => (
              <ImportFileRow key={`${i}:${row.name}`} row={row} index={i} />
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

export function ImportFileRow({ row, index }: { row: ImportRow; index: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pct = row.pagesTotal > 0 ? Math.round((row.pagesDone / row.pagesTotal) * 100) : row.state === 'done' ? 100 : 0;
  const Icon = row.state === 'done' ? IconFileCheck : row.state === 'failed' ? IconFileX : IconLoader2;
  const label =
    row.state === 'waiting' && row.phase ? t(`importScan.phase.${row.phase}`) : t(`importScan.state.${row.state}`);
  const message = row.tooLarge
    ? t('importScan.tooLarge')
    : row.error
      ? errorText(row.error, lang)
      : row.duplicate
        ? t('importScan.duplicate')
        : row.restoredFromTrash
          ? t('trash.restoredFromTrash', { count: row.restoredFromTrash })
          : row.state === 'done'
          ? t('importScan.pages', { count: row.pageIds.length || row.pagesDone })
          : row.pagesTotal > 0
            ? t('importScan.progress', { done: row.pagesDone, total: row.pagesTotal })
            : '';
  return (
    <Box data-testid={`import-file-${index}`} data-state={row.state} data-duplicate={row.duplicate || undefined} data-restored={row.restoredFromTrash || undefined}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Group gap={6} wrap="nowrap" miw={0}>
          <Icon size={16} stroke={1.6} color={`var(--mantine-color-${stateColor[row.state]}-6)`} />
          <Text size="sm" truncate title={row.name}>
            {row.name}
          </Text>
        </Group>
        <Badge size="sm" variant="light" radius="sm" tt="none" color={row.duplicate ? 'yellow' : stateColor[row.state]}>
          {row.duplicate ? t('importScan.duplicateBadge') : row.restoredFromTrash ? t('trash.restoredBadge') : label}
        </Badge>
      </Group>
      {(row.state === 'waiting' || row.state === 'processing') && (
        <Progress
          mt={4}
          size="sm"
          value={row.state === 'waiting' ? 100 : Math.max(pct, 4)}
          striped
          animated
          color={row.state === 'waiting' ? 'gray.4' : 'indigo'}
          aria-label={row.name}
        />
      )}
      {message && (
        <Text size="xs" mt={2} c={row.state === 'failed' ? 'red.7' : row.duplicate ? 'yellow.9' : 'dimmed'}>
          {message}
        </Text>
      )}
      {row.attachedToCase && <AttachedNotice attached={row.attachedToCase} />}
    </Box>
  );
}
