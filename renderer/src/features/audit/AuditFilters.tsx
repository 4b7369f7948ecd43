import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditActor } from '@shared/contract';
import { useLang } from '../../i18n';
import { knownActions } from './actions';
import { actionWords } from './wording';

export interface AuditFilter {
  action: string;
  actorId: string;
  text: string;
  from: string;
  to: string;
}

export const emptyFilter: AuditFilter = { action: '', actorId: '', text: '', from: '', to: '' };

interface Props {
  actors: AuditActor[];
  onApply: (filter: AuditFilter) => void;
}

/** Edited locally and applied on submit (Enter), so typing does not query per keystroke. */
export function AuditFilters({ actors, onApply }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [draft, setDraft] = useState<AuditFilter>(emptyFilter);

  // Actions by their words (#13 item 7): nobody should need the internal codes.
  const actionOptions = useMemo(
    () =>
      knownActions
        .map((a) => ({ value: a, label: actionWords(a, lang) }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
    [lang],
  );
  const actorOptions = useMemo(() => actors.map((a) => ({ value: a.id, label: a.name })), [actors]);

  const set = (field: keyof AuditFilter) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [field]: value }));
  };
  const choose = (field: 'action' | 'actorId') => (value: string | null) => {
    const next = { ...draft, [field]: value ?? '' };
    setDraft(next);
    onApply(next); // a choice from a list applies at once
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
        <Select
          data-testid="audit-filter-action"
          label={t('audit.action')}
          placeholder={t('audit.anyAction')}
          data={actionOptions}
          value={draft.action || null}
          onChange={choose('action')}
          searchable
          clearable
          nothingFoundMessage={t('audit.empty')}
          w={240}
        />
        <Select
          data-testid="audit-filter-actor"
          label={t('audit.actor')}
          placeholder={t('audit.anyone')}
          data={actorOptions}
          value={draft.actorId || null}
          onChange={choose('actorId')}
          searchable
          clearable
          w={180}
        />
        <TextInput
          data-testid="audit-filter-text"
          data-kaiji-search
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
