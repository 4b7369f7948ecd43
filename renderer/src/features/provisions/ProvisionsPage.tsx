import { Alert, Badge, Button, FileInput, Group, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { ProvisionCheckResult, ProvisionImportPreview, ProvisionImportResult, ProvisionRecord } from '@shared/contract/provisions-types';
import { formatEraDate } from '@shared/domain/era';
import {
  PROVISION_BASES,
  PROVISION_BASIS_LABELS,
  PROVISION_FIELDS,
  PROVISION_FIELD_LABELS,
  REQUIRED_PROVISION_FIELDS,
  validateProvisionEntry,
  type ColumnMapping,
  type ProvisionBasis,
  type ProvisionField,
} from '@shared/domain/provisions';
import { allows } from '@shared/roles';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { EraDateInput, readDate } from '../../ui/EraDateInput';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { errorText } from '../../ui/errors';
import { fileToBase64 } from '../../ui/files';
import { FormModal } from '../../ui/FormModal';
import { PageHeader } from '../../ui/PageHeader';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';
import { caseHref } from '../shell/routes';
import { Day } from '../../ui/Timestamp';

/** 第三者提供記録 `#/provisions`: the register (T1), its import, the do-not-provide list and the check (T2). */
export function ProvisionsPage() {
  const { t } = useTranslation();
  const { status } = useVault();
  const canEdit = allows(contract['provisions.import'].access, status.user?.role);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return (
    <Stack data-testid="provisions-page" gap="lg">
      <PageHeader title={t('provisions.title')} description={t('provisions.description')} />
      <Tabs defaultValue="register" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="register" data-testid="provisions-tab-register">
            {t('provisions.tabs.register')}
          </Tabs.Tab>
          {canEdit && (
            <Tabs.Tab value="import" data-testid="provisions-tab-import">
              {t('provisions.tabs.import')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="blockList" data-testid="provisions-tab-block">
            {t('provisions.tabs.blockList')}
          </Tabs.Tab>
          <Tabs.Tab value="check" data-testid="provisions-tab-check">
            {t('provisions.tabs.check')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="register" pt="md">
          <Register canEdit={canEdit} version={version} onChanged={reload} />
        </Tabs.Panel>
        {canEdit && (
          <Tabs.Panel value="import" pt="md">
            <Import onImported={reload} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="blockList" pt="md">
          <BlockList />
        </Tabs.Panel>
        <Tabs.Panel value="check" pt="md">
          <Check />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

const dateText = (iso: string | null, lang: 'ja' | 'en') => (iso ? (lang === 'ja' ? formatEraDate(iso) : iso) : '');

function Register({ canEdit, version, onChanged }: { canEdit: boolean; version: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const { data } = useLoad(() => kaiji.provisions.list({ query: query.trim() || undefined, limit: 200 }), `${query}#${version}`);
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <TextInput data-testid="provisions-search" data-kaiji-search aria-label={t('provisions.search')} placeholder={t('provisions.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={320} />
          <Group gap="sm">
            {data && <Text size="sm" c="dimmed" data-testid="provisions-total">{t('provisions.total', { count: data.total })}</Text>}
            {canEdit && (
              <Button data-testid="provisions-add" onClick={() => setAdding(true)}>
                {t('provisions.add')}
              </Button>
            )}
          </Group>
        </Group>
        {data && data.records.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('provisions.empty')}
          </Text>
        ) : (
          <RecordsTable records={data?.records ?? []} lang={lang} />
        )}
      </Stack>
      {adding && (
        <AddModal
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}

export function RecordsTable({ records, lang, select }: { records: readonly ProvisionRecord[]; lang: 'ja' | 'en'; select?: { selected: ReadonlySet<string>; toggle: (id: string) => void } }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="provisions-table">
        <Table.Thead>
          <Table.Tr>
            {select && <Table.Th />}
            <Table.Th>{t('provisions.columns.providedOn')}</Table.Th>
            <Table.Th>{t('provisions.columns.recipient')}</Table.Th>
            <Table.Th>{t('provisions.columns.person')}</Table.Th>
            <Table.Th>{t('provisions.columns.birthDate')}</Table.Th>
            <Table.Th>{t('provisions.columns.items')}</Table.Th>
            <Table.Th>{t('provisions.columns.basis')}</Table.Th>
            <Table.Th>{t('provisions.columns.keepUntil')}</Table.Th>
            <Table.Th>{t('provisions.columns.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id} data-testid="provisions-row">
              {select && (
                <Table.Td>
                  <input type="checkbox" aria-label={r.recipient} checked={select.selected.has(r.id)} onChange={() => select.toggle(r.id)} data-testid="provisions-select" />
                </Table.Td>
              )}
              <Table.Td className="kaiji-nowrap">{r.providedOn && <Day iso={r.providedOn} />}</Table.Td>
              <Table.Td>{r.recipient}</Table.Td>
              <Table.Td>
                <Text size="sm">{r.name}</Text>
                <Text size="xs" c="dimmed">
                  {r.kana}
                </Text>
              </Table.Td>
              <Table.Td className="kaiji-nowrap">{r.birthDate && <Day iso={r.birthDate} />}</Table.Td>
              <Table.Td>{r.items}</Table.Td>
              <Table.Td>
                <Badge variant="light" tt="none">
                  {PROVISION_BASIS_LABELS[r.basis][lang]}
                </Badge>
              </Table.Td>
              <Table.Td className="kaiji-nowrap">{r.keepUntil && <Day iso={r.keepUntil} />}</Table.Td>
              <Table.Td>{r.source === 'import' ? t('provisions.sources.import', { row: r.sourceRow }) : t('provisions.sources.manual')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// #13 item 11c: `provisions.add`'s own schema, plus the register's entry rule the service runs
// (validateProvisionEntry: the fields T1 requires), each message at its field before any call.
const addSchema = contractSchema('provisions.add');
type AddValues = Record<ProvisionField, string> & { basis: ProvisionBasis };

function AddModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const { form, submit } = useContractForm({
    schema: addSchema,
    initialValues: { providedOn: '', recipient: '', name: '', kana: '', birthDate: '', address: '', items: '', basis: 'consent' } as AddValues,
    rules: (v: AddValues) => {
      const read = validateProvisionEntry(v);
      return read.ok ? {} : Object.fromEntries(read.problems.map((p) => [p.field, p.message[lang]]));
    },
  });
  const [error, setError] = useState<string | null>(null);
  const onSubmit = submit(async (input) => {
    const result = await run(() => kaiji.provisions.add(input), { notify: false });
    if (!result.ok) return setError(errorText(result.error, lang));
    notifications.show({ color: 'teal', message: t('provisions.saved') });
    onSaved();
  });
  const label = (f: (typeof PROVISION_FIELDS)[number]) => PROVISION_FIELD_LABELS[f][lang];
  return (
    <FormModal opened onClose={onClose} title={t('provisions.addTitle')} onSubmit={onSubmit} loading={loading} submitTestId="provisions-add-submit" submitLabel={t('provisions.save')}>
      <EraDateInput testId="provisions-add-date" label={label('providedOn')} required {...form.getInputProps('providedOn')} />
      <TextInput data-testid="provisions-add-recipient" label={label('recipient')} required {...form.getInputProps('recipient')} />
      <SimpleGrid cols={2}>
        <TextInput data-testid="provisions-add-name" label={label('name')} required {...form.getInputProps('name')} />
        <TextInput data-testid="provisions-add-kana" label={label('kana')} {...form.getInputProps('kana')} />
      </SimpleGrid>
      <EraDateInput testId="provisions-add-birth" label={label('birthDate')} {...form.getInputProps('birthDate')} />
      <TextInput data-testid="provisions-add-address" label={label('address')} {...form.getInputProps('address')} />
      <TextInput data-testid="provisions-add-items" label={label('items')} required {...form.getInputProps('items')} />
      <Select
        data-testid="provisions-add-basis"
        label={label('basis')}
        allowDeselect={false}
        {...form.getInputProps('basis')}
        data={PROVISION_BASES.map((b) => ({ value: b, label: PROVISION_BASIS_LABELS[b][lang] }))}
      />
      {error && (
        <Text size="sm" c="red.8" role="alert" data-testid="provisions-add-error">
          {error}
        </Text>
      )}
    </FormModal>
  );
}

function Import({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [data, setData] = useState<string | null>(null);
  const [preview, setPreview] = useState<ProvisionImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [result, setResult] = useState<ProvisionImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (file: File | null) => {
    setPreview(null);
    setResult(null);
    setError(null);
    if (!file) return setData(null);
    const base64 = await fileToBase64(file);
    setData(base64);
    const r = await run(() => kaiji.provisions.previewImport({ file: { data: base64 } }), { notify: false });
    if (!r.ok) return setError(errorText(r.error, lang));
    setPreview(r.value);
    setMapping(r.value.suggestedMapping);
  };
  const remap = async (next: ColumnMapping) => {
    setMapping(next);
    if (!data) return;
    const r = await run(() => kaiji.provisions.previewImport({ file: { data }, mapping: next }), { notify: false });
    if (r.ok) setPreview(r.value);
  };
  const importNow = async () => {
    if (!data) return;
    const r = await run(() => kaiji.provisions.import({ file: { data }, mapping }), { notify: false });
    if (!r.ok) return setError(errorText(r.error, lang));
    setResult(r.value);
    notifications.show({ color: 'teal', message: t('provisions.import.done', { ...r.value }) });
    onImported();
  };
  const complete = REQUIRED_PROVISION_FIELDS.every((f) => mapping[f] !== undefined);
  const errors = result?.errors ?? preview?.errors ?? [];

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('provisions.import.oneTransaction')}
        </Text>
        <FileInput data-testid="provisions-file" label={t('provisions.import.file')} placeholder={t('provisions.import.filePlaceholder')} accept=".csv,.txt,.xlsx" onChange={(f) => void load(f)} clearable maw={420} />
        {error && (
          <Alert color="red" data-testid="provisions-import-error">
            {error}
          </Alert>
        )}
        {preview && (
          <>
            <Text fw={600}>{t('provisions.import.mapping')}</Text>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              {PROVISION_FIELDS.map((f) => (
                <Select
                  key={f}
                  data-testid={`provisions-map-${f}`}
                  label={`${PROVISION_FIELD_LABELS[f][lang]}${REQUIRED_PROVISION_FIELDS.includes(f) ? ` (${t('provisions.import.required')})` : ''}`}
                  value={mapping[f] === undefined ? '' : String(mapping[f])}
                  onChange={(col) => void remap({ ...mapping, [f]: col === '' || col === null ? undefined : Number(col) })}
                  data={[{ value: '', label: t('provisions.import.none') }, ...preview.headers.map((h, i) => ({ value: String(i), label: `${i + 1}: ${h}` }))]}
                  allowDeselect={false}
                />
              ))}
            </SimpleGrid>
            <Text size="sm" data-testid="provisions-import-summary">
              {t('provisions.import.summary', { rows: preview.rowCount, valid: preview.valid, duplicates: preview.duplicates, errors: preview.errorCount })}
            </Text>
            {preview.sample.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  {t('provisions.import.preview', { count: preview.sample.length })}
                </Text>
                <RecordsTable lang={lang} records={preview.sample.map((s) => ({ ...s.entry, id: String(s.row), source: 'import', sourceRow: s.row, keepUntil: '', createdAt: '' }))} />
              </>
            )}
            <Group>
              <Button data-testid="provisions-import-run" disabled={!complete || preview.valid === 0} loading={loading} onClick={() => void importNow()}>
                {t('provisions.import.run')}
              </Button>
              {result && (
                <Text size="sm" c="teal.8" data-testid="provisions-import-result">
                  {t('provisions.import.done', { ...result })}
                </Text>
              )}
            </Group>
          </>
        )}
        {errors.length > 0 && (
          <Stack gap={4} data-testid="provisions-import-errors">
            <Text size="sm" fw={600}>
              {t('provisions.import.errors')}
            </Text>
            {errors.map((e) => (
              <Text key={`${e.row}:${e.field}`} size="sm" c="red.8">
                {t('provisions.import.row', { row: e.row })}：{e.message[lang]}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function BlockList() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data } = useLoad(() => kaiji.provisions.blockList({}), 'block');
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('provisions.blockList.description')}
        </Text>
        {data && data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('provisions.blockList.empty')}
          </Text>
        ) : (
          <Table data-testid="provisions-block-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('provisions.blockList.columns.person')}</Table.Th>
                <Table.Th>{t('provisions.blockList.columns.birthDate')}</Table.Th>
                <Table.Th>{t('provisions.blockList.columns.recipient')}</Table.Th>
                <Table.Th>{t('provisions.blockList.columns.fromDate')}</Table.Th>
                <Table.Th>{t('provisions.blockList.columns.caseNo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data ?? []).map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    {b.name}
                    <Text size="xs" c="dimmed">
                      {b.kana}
                    </Text>
                  </Table.Td>
                  <Table.Td className="kaiji-nowrap">{b.birthDate && <Day iso={b.birthDate} />}</Table.Td>
                  <Table.Td>{b.recipient ?? t('provisions.blockList.allRecipients')}</Table.Td>
                  <Table.Td className="kaiji-nowrap">{b.fromDate && <Day iso={b.fromDate} />}</Table.Td>
                  <Table.Td>{b.caseId && b.caseNo ? <a href={caseHref(b.caseId)}>{b.caseNo}</a> : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

// #13 item 11c: `provisions.check`'s own schema (dates as typed, read to ISO).
const checkSchema = contractSchema('provisions.check');
interface CheckValues {
  name: string;
  kana: string;
  birthDate: string;
  recipient: string;
  date: string;
}

function Check() {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const { form, submit } = useContractForm({
    schema: checkSchema,
    initialValues: { name: '', kana: '', birthDate: '', recipient: '', date: '' } as CheckValues,
    toInput: (v: CheckValues) => ({
      name: v.name,
      kana: v.kana,
      recipient: v.recipient,
      date: readDate(v.date) ?? v.date,
      ...(v.birthDate.trim() ? { birthDate: readDate(v.birthDate) ?? v.birthDate } : {}),
    }),
  });
  const [answer, setAnswer] = useState<ProvisionCheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = submit(async (input) => {
    setAnswer(null);
    setError(null);
    const r = await run(() => kaiji.provisions.check(input), { notify: false });
    if (!r.ok) return setError(errorText(r.error, lang));
    setAnswer(r.value);
  });
  const label = (f: 'name' | 'kana' | 'birthDate' | 'recipient' | 'providedOn') => PROVISION_FIELD_LABELS[f][lang];
  const first = answer?.blockedBy[0];
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={onSubmit} noValidate>
      <Stack gap="sm" maw={640}>
        <Text size="sm" c="dimmed">
          {t('provisions.check.description')}
        </Text>
        <SimpleGrid cols={2}>
          <TextInput data-testid="provisions-check-name" label={label('name')} required {...form.getInputProps('name')} />
          <TextInput data-testid="provisions-check-kana" label={label('kana')} {...form.getInputProps('kana')} />
        </SimpleGrid>
        <EraDateInput testId="provisions-check-birth" label={label('birthDate')} {...form.getInputProps('birthDate')} />
        <TextInput data-testid="provisions-check-recipient" label={label('recipient')} required {...form.getInputProps('recipient')} />
        <EraDateInput testId="provisions-check-date" label={label('providedOn')} required {...form.getInputProps('date')} />
        <Group>
          <Button type="submit" data-testid="provisions-check-run" loading={loading}>
            {t('provisions.check.run')}
          </Button>
        </Group>
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
        {answer && (
          <Alert color={answer.allowed ? 'teal' : 'red'} data-testid="provisions-check-answer">
            {answer.allowed ? t('provisions.check.allowed') : t('provisions.check.refused', { caseNo: first?.caseNo ?? '—', fromDate: first ? dateText(first.fromDate, lang) : '' })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
