import { ActionIcon, Button, Checkbox, Group, Modal, MultiSelect, Select, Stack, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignee, SavedFilter } from '@shared/contract';
import { CASE_SORTS, DEFAULT_DIRECTION, type CaseListFilter, type CaseSort, type SortDirection } from '@shared/domain/case-list';
import { CASE_STATES, type CaseState } from '@shared/domain/case-state';
import { REQUEST_KINDS, REQUEST_KIND_LABELS, type RequestKind } from '@shared/domain/page-kind';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';

export interface ListView {
  filter: CaseListFilter;
  sort: CaseSort;
  dir: SortDirection;
}

const saveSchema = contractSchema('savedFilters.save');

/** The yes/no filters, one tick box each (needs-my-action only for those who can act). */
const FLAGS = [
  { key: 'open', testId: 'filter-open', label: 'worklists.open' },
  { key: 'overdue', testId: 'filter-overdue', label: 'worklists.overdue' },
  { key: 'answersOwed', testId: 'filter-owed', label: 'worklists.answersOwed' },
  { key: 'needsMyAction', testId: 'filter-my-action', label: 'worklists.needsMyAction' },
] as const satisfies readonly { key: keyof CaseListFilter; testId: string; label: string }[];

const isEmpty = (f: CaseListFilter) => !f.states?.length && !f.open && !f.kinds?.length && !f.assignee && !f.overdue && !f.answersOwed && !f.needsMyAction;

/**
 * The case list's filters (#13 item 1): state, kind, person in charge, overdue, answers owed,
 * needs my action; the sort; and the person's saved filters (name, save, pick, delete).
 */
export function CaseFilters({ view, onChange, canAct }: { view: ListView; onChange: (v: ListView) => void; canAct: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [saving, setSaving] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const [savedVersion, setSavedVersion] = useState(0);
  const assignees = useLoad(() => kaiji.cases.assignees({}), 'assignees');
  const saved = useLoad(() => kaiji.savedFilters.list({ list: 'cases' }), `saved#${savedVersion}`);
  const f = view.filter;
  const set = (patch: Partial<CaseListFilter>) => {
    const next: CaseListFilter = { ...f, ...patch };
    for (const k of Object.keys(next) as (keyof CaseListFilter)[]) {
      const v = next[k];
      if (v === undefined || v === false || (Array.isArray(v) && v.length === 0)) delete next[k];
    }
    setPicked(null);
    onChange({ ...view, filter: next });
  };
  const people: Assignee[] = assignees.data ?? [];
  const savedList: SavedFilter[] = saved.data ?? [];

  // #13 item 11c: naming a saved filter is a form checked by `savedFilters.save`'s own schema.
  const { form, submit } = useContractForm({ schema: saveSchema, initialValues: { name: '' }, toInput: (v: { name: string }) => ({ list: 'cases', name: v.name, filter: f }) });
  const save = submit(async (input) => {
    const result = await run(() => kaiji.savedFilters.save(input));
    if (!result.ok) return;
    notifications.show({ color: 'teal', message: t('worklists.savedDone', { name: result.value.name }) });
    setSaving(false);
    setSavedVersion((v) => v + 1);
    setPicked(result.value.id);
  });
  const remove = async () => {
    const target = savedList.find((s) => s.id === picked);
    if (!target) return;
    const result = await run(() => kaiji.savedFilters.delete({ id: target.id }));
    if (!result.ok) return;
    notifications.show({ color: 'teal', message: t('worklists.deletedDone', { name: target.name }) });
    setPicked(null);
    setSavedVersion((v) => v + 1);
  };

  return (
    <Stack gap="xs" data-testid="case-filters" aria-label={t('worklists.filters')} role="group">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <MultiSelect
          data-testid="filter-states"
          label={t('worklists.states')}
          data={CASE_STATES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))}
          value={f.states ?? []}
          onChange={(v) => set({ states: v as CaseState[] })}
          clearable
          w={220}
          size="xs"
        />
        <MultiSelect
          data-testid="filter-kinds"
          label={t('worklists.kinds')}
          data={REQUEST_KINDS.map((k) => ({ value: k, label: `${k} ${REQUEST_KIND_LABELS[k][lang]}` }))}
          value={f.kinds ?? []}
          onChange={(v) => set({ kinds: v as RequestKind[] })}
          clearable
          w={200}
          size="xs"
        />
        <Select
          data-testid="filter-assignee"
          label={t('worklists.assignee')}
          data={[
            { value: '', label: t('worklists.anyone') },
            { value: 'me', label: t('worklists.me') },
            { value: 'none', label: t('worklists.unassigned') },
            ...people.map((p) => ({ value: p.id, label: p.displayName })),
          ]}
          value={f.assignee ?? ''}
          onChange={(v) => set({ assignee: v || undefined })}
          allowDeselect={false}
          w={170}
          size="xs"
        />
        <Select
          data-testid="cases-sort"
          label={t('worklists.sort')}
          data={CASE_SORTS.map((s) => ({ value: s, label: t(`worklists.sorts.${s}`) }))}
          value={view.sort}
          onChange={(v) => v && onChange({ ...view, sort: v as CaseSort, dir: DEFAULT_DIRECTION[v as CaseSort] })}
          allowDeselect={false}
          w={130}
          size="xs"
        />
        <Tooltip label={view.dir === 'asc' ? t('worklists.asc') : t('worklists.desc')}>
          <ActionIcon
            data-testid="cases-dir"
            variant="default"
            size="md"
            aria-label={`${t('worklists.sort')}: ${view.dir === 'asc' ? t('worklists.asc') : t('worklists.desc')}`}
            onClick={() => onChange({ ...view, dir: view.dir === 'asc' ? 'desc' : 'asc' })}
          >
            {view.dir === 'asc' ? <IconArrowUp size={16} /> : <IconArrowDown size={16} />}
          </ActionIcon>
        </Tooltip>
      </Group>
      <Group gap="md" wrap="wrap">
        {FLAGS.filter((flag) => canAct || flag.key !== 'needsMyAction').map((flag) => (
          <Checkbox key={flag.key} data-testid={flag.testId} size="xs" label={t(flag.label)} checked={!!f[flag.key]} onChange={(e) => set({ [flag.key]: e.currentTarget.checked } as Partial<CaseListFilter>)} />
        ))}
        <Select
          data-testid="saved-filters"
          aria-label={t('worklists.saved')}
          placeholder={t('worklists.saved')}
          data={savedList.map((s) => ({ value: s.id, label: s.name }))}
          value={picked}
          onChange={(id) => {
            const s = savedList.find((x) => x.id === id);
            setPicked(id);
            if (s) onChange({ ...view, filter: s.filter });
          }}
          disabled={savedList.length === 0}
          w={180}
          size="xs"
        />
        <Tooltip label={t('worklists.save')}>
          <ActionIcon data-testid="save-filter" variant="default" aria-label={t('worklists.save')} onClick={() => setSaving(true)} disabled={isEmpty(f)}>
            <IconDeviceFloppy size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('worklists.deleteSaved')}>
          <ActionIcon data-testid="delete-filter" variant="default" aria-label={t('worklists.deleteSaved')} onClick={() => void remove()} disabled={!picked} loading={loading}>
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
        {!isEmpty(f) && (
          <Button data-testid="filter-clear" size="compact-xs" variant="subtle" leftSection={<IconX size={12} />} onClick={() => set({ states: [], open: false, kinds: [], assignee: undefined, overdue: false, answersOwed: false, needsMyAction: false })}>
            {t('worklists.clear')}
          </Button>
        )}
      </Group>
      <Modal opened={saving} onClose={() => setSaving(false)} title={t('worklists.save')} size="sm">
        <form onSubmit={save} noValidate>
          <Stack gap="sm">
            <TextInput data-testid="save-filter-name" label={t('worklists.saveName')} description={t('worklists.saveNameHint')} maxLength={60} data-autofocus {...form.getInputProps('name')} />
            <Group justify="flex-end">
              <Button data-testid="save-filter-submit" type="submit" loading={loading} disabled={!form.values.name.trim()}>
                {t('worklists.saveSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
