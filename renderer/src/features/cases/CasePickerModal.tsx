import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '@shared/contract';
import { kaiji } from '../../api';
import { useLoad } from '../../ui/useLoad';

interface Props {
  opened: boolean;
  title: string;
  description?: string;
  confirmLabel: string;
  /** The case the item is in now: not offered. */
  excludeId?: string | null;
  onClose: () => void;
  /** Resolves when done; the modal shows a loading button meanwhile. */
  onPick: (target: CaseSummary) => Promise<void>;
}

/** Choose a case by its number (or the subject's name) to move or assign pages to. */
export function CasePickerModal({ opened, title, description, confirmLabel, excludeId, onClose, onPick }: Props) {
  const { t } = useTranslation();
  const { data } = useLoad(() => (opened ? kaiji.cases.list({ limit: 500 }) : Promise.resolve({ ok: true as const, value: null })), String(opened));
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const cases = (data?.cases ?? []).filter((c) => c.id !== excludeId);
  const options = cases.map((c) => ({
    value: c.id,
    label: c.subjectName ? `${c.caseNo}　${c.subjectName}` : c.caseNo,
  }));

  const close = () => {
    if (busy) return;
    setValue(null);
    onClose();
  };
  const confirm = async () => {
    const target = cases.find((c) => c.id === value);
    if (!target) return;
    setBusy(true);
    try {
      await onPick(target);
      setValue(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <Stack gap="md">
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        <Select
          data-testid="case-picker"
          label={t('casePicker.label')}
          placeholder={t('casePicker.placeholder')}
          data={options}
          value={value}
          onChange={setValue}
          searchable
          nothingFoundMessage={t('casePicker.none')}
          data-autofocus
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button data-testid="case-picker-ok" onClick={() => void confirm()} disabled={!value} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
