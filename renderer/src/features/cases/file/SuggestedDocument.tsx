import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDocument } from '@shared/contract';
import { formatEraDate } from '@shared/domain/era';
import { kaiji } from '../../../api';
import { useLang } from '../../../i18n';
import { errorText } from '../../../ui/errors';
import { useCall } from '../../../ui/useCall';

type Key = 'name' | 'address' | 'birthDate' | 'issuedOn' | 'validUntil';

/**
 * Confirming a document Kaiji read from a scanned copy (issue 12 item 3): every value read is
 * pre-filled; Enter accepts it and moves to the next, so confirming takes one keystroke per
 * value; Enter on the last one records. A corrected value replaces the one read.
 */
export function SuggestedDocumentModal({ doc, label, onClose, onConfirmed }: { doc: CaseDocument | null; label: string; onClose: () => void; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const era = (iso: string | null) => (iso ? formatEraDate(iso) : '');
  const keys: Key[] = doc?.kind === 'agent_proof' ? ['issuedOn'] : ['name', 'address', 'birthDate', 'issuedOn', 'validUntil'];
  const initial = (d: CaseDocument): Record<Key, string> => ({ name: d.name, address: d.address, birthDate: era(d.birthDate), issuedOn: era(d.issuedOn), validUntil: era(d.validUntil) });
  const [values, setValues] = useState<Record<Key, string>>({ name: '', address: '', birthDate: '', issuedOn: '', validUntil: '' });
  const [error, setError] = useState<string | null>(null);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);

  useEffect(() => {
    if (!doc) return;
    setValues(initial(doc));
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc?.id]);

  const save = async () => {
    if (!doc) return;
    const start = initial(doc);
    const changed = Object.fromEntries(keys.filter((k) => values[k].trim() !== start[k]).map((k) => [k, values[k].trim()]));
    const result = await run(() => kaiji.documents.confirm({ id: doc.id, values: changed }));
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('reading.suggested.confirmed') });
      onConfirmed();
    } else setError(errorText(result.error, lang));
  };

  const labels: Record<Key, string> = {
    name: t('verification.documents.name'),
    address: t('verification.documents.address'),
    birthDate: t('verification.documents.birth'),
    issuedOn: t('verification.documents.issued'),
    validUntil: t('verification.documents.valid'),
  };

  return (
    <Modal opened={doc !== null} onClose={onClose} title={t('reading.suggested.confirmTitle')} size="lg">
      <Stack gap="sm" data-testid="suggested-confirm">
        <Text size="sm">
          {t('reading.suggested.type')}: {label}
        </Text>
        <Text size="xs" c="dimmed">
          {t('reading.suggested.hint')}
        </Text>
        {keys.map((k, i) => (
          <TextInput
            key={k}
            data-testid={`suggested-${k}`}
            // The modal's focus trap starts on the first value, so Enter works at once.
            data-autofocus={i === 0 ? true : undefined}
            ref={(el) => {
              inputs.current[i] = el;
            }}
            label={labels[k]}
            value={values[k]}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setValues((x) => ({ ...x, [k]: v }));
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
              e.preventDefault();
              if (i + 1 < keys.length) inputs.current[i + 1]?.focus();
              else void save();
            }}
          />
        ))}
        {error && (
          <Text size="sm" c="red" data-testid="suggested-error">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button data-testid="suggested-accept" loading={loading} onClick={() => void save()}>
            {t('reading.suggested.accept')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
