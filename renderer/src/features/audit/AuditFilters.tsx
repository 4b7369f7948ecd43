import { Button, Group, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface AuditFilter {
  action: string;
  text: string;
  from: string;
  to: string;
}

export const emptyFilter: AuditFilter = { action: '', text: '', from: '', to: '' };

interface Props {
  onApply: (filter: AuditFilter) => void;
}

/** Edited locally and applied on submit (Enter), so typing does not query per keystroke. */
export function AuditFilters({ onApply }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilter>(emptyFilter);

  const set = (field: keyof AuditFilter) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [field]: value }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };

  const clear = () => {
    setDraft(emptyFilter);
    onApply(emptyFilter);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          data-testid="audit-filter-action"
          label={t('audit.action')}
          placeholder="envelope.logged"
          value={draft.action}
          onChange={set('action')}
          maxLength={64}
          w={180}
          spellCheck={false}
        />
        <TextInput
          data-testid="audit-filter-text"
          label={t('audit.text')}
          value={draft.text}
          onChange={set('text')}
          maxLength={100}
          w={200}
        />
        <TextInput
          data-testid="audit-filter-from"
          type="date"
          label={t('audit.from')}
          value={draft.from}
          onChange={set('from')}
          w={160}
        />
        <TextInput
          data-testid="audit-filter-to"
          type="date"
          label={t('audit.to')}
          value={draft.to}
          onChange={set('to')}
          w={160}
        />
        <Button data-testid="audit-filter-apply" type="submit" leftSection={<IconSearch size={16} />}>
          {t('common.apply')}
        </Button>
        <Button variant="subtle" color="gray" onClick={clear}>
          {t('common.clear')}
        </Button>
      </Group>
    </form>
  );
}
