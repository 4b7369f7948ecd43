import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  CloseButton,
  Grid,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconInfoCircle } from '@tabler/icons-react';
import { getHotkeyHandler } from '@mantine/hooks';
import { Fragment, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { PostcodeChoices } from '../../reading/PostcodeChoices';
import { usePostcodeAddress } from '../../reading/usePostcodeAddress';
import { useTranslation } from 'react-i18next';
import type { CaseField } from '@shared/contract';
import { FIELDS, SECTIONS, type FieldName, type FormField } from '@shared/domain/application-form';
import { formatEraDate, parseJapaneseDate } from '@shared/domain/era';
import { kaiji } from '../../../api';
import { useLang, type Lang } from '../../../i18n';
import { useCall } from '../../../ui/useCall';
import { contractSchema, contractValidate } from '../../../ui/contractForm';
import { errorText } from '../../../ui/errors';
import { hotkeyOf } from '../../../ui/shortcuts';
import { FieldCrop } from './FieldCrop';
import { FieldPageView } from './FieldPageView';
import { FIELD_ORDER as ORDER, stepField } from './fieldSteps';
import { fieldsToReview, isAgentApplication, isRequired } from './fieldReview';
import { usePageImages } from './pageImages';

/** Below this an OCR value needs a second look (same threshold as the service). */
const REVIEW_BELOW = 75;

/** The paper form's sections, by field name prefix. */
const GROUPS: { section: number; fields: FieldName[] }[] = [
  { section: 0, fields: FIELDS.filter((f) => f.name.startsWith('subject.')).map((f) => f.name) },
  { section: 1, fields: FIELDS.filter((f) => f.name === 'applicant.type' || f.name.startsWith('agent.')).map((f) => f.name) },
  { section: 2, fields: FIELDS.filter((f) => f.name.startsWith('request.')).map((f) => f.name) },
  { section: 3, fields: FIELDS.filter((f) => f.name.startsWith('enclosure.')).map((f) => f.name) },
  { section: 4, fields: FIELDS.filter((f) => f.name === 'application.date' || f.name === 'signature').map((f) => f.name) },
];
const byName = new Map(FIELDS.map((f) => [f.name, f] as const));
/** Puts the caret in a field's input (or its first option) and scrolls it into the list's view. */
function focusField(name: string) {
  const row = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
  const input = row?.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea');
  if (!row || !input) return;
  input.focus();
  row.scrollIntoView({ block: 'nearest' });
}

type Values = Record<string, string>;

/**
 * #13 item 11c: the changed values are checked by `cases.setFields`'s own schema before the call,
 * each refusal shown at its field. (Field names hold dots — `subject.name` — which @mantine/form
 * would read as nested paths, so this form keeps its own values and uses the schema directly.)
 */
const checkFields = contractValidate(contractSchema('cases.setFields'));
const refusedFields = (sent: { field: string }[], errors: Record<string, string>): Values =>
  Object.fromEntries(
    Object.entries(errors).flatMap(([path, message]) => {
      const at = /^fields\.(\d+)\./.exec(path);
      const field = at ? sent[Number(at[1])]?.field : undefined;
      return field ? [[field, message]] : [];
    }),
  );

/** What the input shows for a stored value: tick boxes are 'true' or 'false', never empty. */
const normal = (f: FormField, value: string | undefined) =>
  f.kind === 'checkbox' ? (value === 'true' ? 'true' : 'false') : (value ?? '');

const valuesOf = (fields: CaseField[]): Values => {
  const stored = new Map(fields.map((f) => [f.field, f.value]));
  return Object.fromEntries(FIELDS.map((f) => [f.name, normal(f, stored.get(f.name))]));
};

export const fieldLabel = (f: FormField, lang: Lang) => (lang === 'ja' ? f.label : f.labelEn);
const otherLabel = (f: FormField, lang: Lang) => (lang === 'ja' ? f.labelEn : f.label);

interface Props {
  caseId: string;
  /** #16 item 3: the case's version these fields were read at; sent back with a save. */
  version: number;
  fields: CaseField[];
  editable: boolean;
  onSaved: () => void;
}

/** The application's fields grouped like the paper form, each beside the crop it was read from. */
export function FieldsPanel({ caseId, version, fields, editable, onSaved }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const initial = useMemo(() => valuesOf(fields), [fields]);
  const [draft, setDraft] = useState<Values>(initial);
  const previous = useRef(initial);
  const [conflict, setConflict] = useState<string | null>(null);

  // A reload (after an import or a save) brings new values: take them for untouched fields only.
  useEffect(() => {
    const old = previous.current;
    previous.current = initial;
    setDraft((d) => Object.fromEntries(FIELDS.map((f) => [f.name, d[f.name] === old[f.name] ? initial[f.name]! : d[f.name]!])));
  }, [initial]);

  const meta = useMemo(() => new Map(fields.map((f) => [f.field, f])), [fields]);
  const images = usePageImages(fields.map((f) => f.sourcePageId).filter((id): id is string => !!id));
  const changed = FIELDS.filter((f) => draft[f.name] !== initial[f.name]).map((f) => f.name);
  // #16 item 3: the version a save is based on. While nothing is typed it follows what is shown
  // (another desk's change arriving by notice included); once typing starts it stays at the
  // version the typing began on, so a save over a change that arrived meanwhile is refused
  // (CONFLICT) rather than overwriting what the user never saw. After a conflict it takes the
  // reloaded version, and the text typed here stays for a deliberate second save.
  const base = useRef({ caseId, version, rebase: false });
  if (base.current.caseId !== caseId) base.current = { caseId, version, rebase: false };
  else if ((changed.length === 0 || base.current.rebase) && version > base.current.version) base.current = { caseId, version, rebase: false };
  const toReview = useMemo(() => fieldsToReview(fields), [fields]);
  const review = toReview.size;
  const isAgent = isAgentApplication(draft['applicant.type']);
  const recognised = fields.some((f) => f.confidence !== null);
  // The field being worked on: its box is outlined on the page beside the list (#13 item 4).
  const [current, setCurrent] = useState<FieldName | null>(() => ORDER.find((n) => toReview.has(n)) ?? null);
  const sourceOf = (name: string | null) => (name ? meta.get(name)?.sourcePageId : undefined) ?? undefined;
  // The form page: the current field's source, else the page most fields were read from.
  const formPage = sourceOf(current) ?? fields.find((f) => f.sourcePageId)?.sourcePageId ?? undefined;
  const currentMeta = current ? meta.get(current) : undefined;
  const workbench = fields.some((f) => f.sourcePageId);
  // Still to review: flagged by reading and not yet changed here.
  const open = useMemo(() => new Set([...toReview].filter((n) => draft[n] === initial[n])), [toReview, draft, initial]);
  const step = (direction: 1 | -1) => {
    const next = stepField(current, open, direction);
    setCurrent(next);
    focusField(next);
  };

  const [refused, setRefused] = useState<Values>({});
  const set = (name: string, value: string) => {
    setDraft((d) => ({ ...d, [name]: value }));
    setRefused((r) => (r[name] ? Object.fromEntries(Object.entries(r).filter(([k]) => k !== name)) : r));
  };
  // 〒 typed -> address filled from Japan Post's data, still editable (issue 12 item 6).
  const postcodes: Record<string, ReturnType<typeof usePostcodeAddress>> = {
    'subject.postalCode': usePostcodeAddress(draft['subject.postalCode'] ?? '', draft['subject.address'] ?? '', (v) => set('subject.address', v)),
    'agent.postalCode': usePostcodeAddress(draft['agent.postalCode'] ?? '', draft['agent.address'] ?? '', (v) => set('agent.address', v)),
  };

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    // Enter in a field saves and moves on to the next one to review (#13 item 5).
    const onward = e ? stepField(current, new Set([...open].filter((n) => n !== current)), 1) : null;
    if (changed.length === 0 || !editable) {
      if (onward) step(1);
      return;
    }
    const values = changed.map((field) => ({ field, value: draft[field]!.trim() }));
    const wrong = refusedFields(values, checkFields({ id: caseId, version: base.current.version, fields: values }));
    setRefused(wrong);
    const firstWrong = ORDER.find((n) => wrong[n]);
    if (firstWrong) {
      setCurrent(firstWrong);
      focusField(firstWrong);
      return;
    }
    const result = await run(() => kaiji.cases.setFields({ id: caseId, version: base.current.version, fields: values }), { notify: false });
    if (!result.ok) {
      // Another desk changed the case since it was shown: say so where the user looks, and
      // reload. The reload keeps what was typed here in the fields it was typed in.
      if (result.error.code === 'CONFLICT') {
        setConflict(errorText(result.error, lang));
        base.current = { caseId, version: Math.max(base.current.version, version), rebase: true };
        onSaved();
      } else notifications.show({ color: 'red', message: errorText(result.error, lang) });
      return;
    }
    setConflict(null);
    base.current = { caseId, version: result.value.version, rebase: false };
    if (result.ok) {
      // What was sent is what the reload will bring back (trimmed).
      setDraft((d) => ({ ...d, ...Object.fromEntries(values.map((v) => [v.field, v.value])) }));
      notifications.show({ color: 'teal', message: t('caseFile.fields.saved', { count: changed.length }) });
      onSaved();
      if (onward) {
        setCurrent(onward);
        focusField(onward);
      }
    }
  };

  return (
    <form
      onSubmit={(e) => void save(e)}
      onKeyDown={getHotkeyHandler([
        ['mod+S', () => void save()],
        ['mod+Enter', () => void save()],
        [hotkeyOf('nextField'), () => step(1)],
        [hotkeyOf('prevField'), () => step(-1)],
      ])}
      noValidate
      data-testid="fields-form"
    >
      <div className={workbench ? 'kaiji-workbench' : undefined} data-testid={workbench ? 'workbench' : undefined}>
      <Stack gap="md" className={workbench ? 'kaiji-workbench-fields' : undefined} data-testid="workbench-fields">
        {conflict ? (
          <Alert data-testid="fields-conflict" color="red" variant="light" icon={<IconAlertTriangle />} withCloseButton onClose={() => setConflict(null)}>
            {conflict}
          </Alert>
        ) : null}
        {fields.length === 0 ? (
          <Alert data-testid="fields-none" color="blue" variant="light" icon={<IconInfoCircle />} title={t('caseFile.fields.noneTitle')}>
            {t('caseFile.fields.none')}
          </Alert>
        ) : review > 0 ? (
          <Alert data-testid="fields-review" color="orange" variant="light" icon={<IconAlertTriangle />}>
            {t('caseFile.fields.reviewCount', { count: review })}
          </Alert>
        ) : recognised ? (
          <Alert color="teal" variant="light" icon={<IconInfoCircle />}>
            {t('caseFile.fields.allGood')}
          </Alert>
        ) : null}
        {GROUPS.map((group) => {
          const section = SECTIONS[group.section]!;
          return (
            <Paper key={group.section} withBorder radius="md" p="md" data-testid={`fields-group-${group.section + 1}`}>
              <Group gap="xs" align="baseline" mb="sm">
                <Title order={5}>{lang === 'ja' ? section.title : `${group.section + 1}. ${section.titleEn}`}</Title>
                <Text size="xs" c="dimmed">
                  {lang === 'ja' ? section.titleEn : section.title}
                </Text>
              </Group>
              <Stack gap={0} className="kaiji-field-list">
                {group.fields.map((name) => {
                  const f = byName.get(name)!;
                  const m = meta.get(name);
                  const required = isRequired(f, isAgent);
                  const postcode = editable ? postcodes[name] : undefined;
                  return (
                    <Fragment key={name}>
                    <FieldRow
                      current={current === name}
                      onCurrent={() => setCurrent(name)}
                      field={f}
                      meta={m}
                      value={draft[name] ?? ''}
                      dirty={draft[name] !== initial[name]}
                      attention={toReview.has(name)}
                      required={required}
                      editable={editable}
                      onChange={(v) => set(name, v)}
                      error={refused[name]}
                      crop={
                        <FieldCrop
                          name={name}
                          label={fieldLabel(f, lang)}
                          field={f}
                          value={m?.value}
                          zone={m?.zone ?? null}
                          image={m?.sourcePageId ? images[m.sourcePageId] : undefined}
                          pending={!!m?.sourcePageId}
                        />
                      }
                    />
                    {postcode && <PostcodeChoices choices={postcode.choices} unknown={postcode.unknown} onChoose={postcode.choose} />}
                    </Fragment>
                  );
                })}
              </Stack>
            </Paper>
          );
        })}
        {editable && (
          <Paper withBorder radius="md" p="sm" className="kaiji-savebar" data-dirty={changed.length > 0 || undefined}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" c={changed.length > 0 ? 'orange.8' : 'dimmed'} data-testid="fields-unsaved" aria-live="polite">
                {changed.length > 0 ? t('caseFile.fields.unsaved', { count: changed.length }) : t('caseFile.fields.allSaved')}
              </Text>
              <Group gap="xs" wrap="nowrap">
                {changed.length > 0 && (
                  <Button variant="default" onClick={() => setDraft(initial)} disabled={loading}>
                    {t('caseFile.fields.discard')}
                  </Button>
                )}
                <Button
                  data-testid="fields-save"
                  type="submit"
                  leftSection={<IconDeviceFloppy size={16} stroke={1.6} />}
                  loading={loading}
                  disabled={changed.length === 0}
                >
                  {t('caseFile.fields.save')}
                </Button>
              </Group>
            </Group>
          </Paper>
        )}
      </Stack>
      {workbench && (
        <div className="kaiji-workbench-side">
          <FieldPageView
            image={formPage ? images[formPage] : undefined}
            zone={currentMeta?.sourcePageId === formPage ? (currentMeta?.zone ?? null) : null}
            label={current ? fieldLabel(byName.get(current)!, lang) : null}
            pending={!!formPage}
          />
        </div>
      )}
      </div>
    </form>
  );
}

interface RowProps {
  current?: boolean;
  onCurrent?: () => void;
  field: FormField;
  meta: CaseField | undefined;
  value: string;
  dirty: boolean;
  attention: boolean;
  required: boolean;
  editable: boolean;
  onChange: (value: string) => void;
  /** What `cases.setFields`'s schema says of the value typed here (#13 item 11c). */
  error?: string;
  crop: ReactNode;
}

function FieldRow({ current, onCurrent, field: f, meta, value, dirty, attention, required, editable, onChange, error, crop }: RowProps) {
  const review = attention && !dirty;
  return (
    <Box
      className="kaiji-field-row"
      data-review={review || undefined}
      data-dirty={dirty || undefined}
      data-current={current || undefined}
      data-field={f.name}
      onFocusCapture={onCurrent}
      onClick={onCurrent}
    >
      <Grid gap="md" align="center">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <FieldInput field={f} value={value} required={required} editable={editable} onChange={onChange} error={error} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Group gap="sm" wrap="nowrap" align="center" justify="space-between">
            <Box style={{ flex: 1, minWidth: 0 }}>{crop}</Box>
            <ConfidenceBadge name={f.name} meta={meta} dirty={dirty} attention={attention} />
          </Group>
        </Grid.Col>
      </Grid>
    </Box>
  );
}

function FieldLabel({ f, bilingual = true }: { f: FormField; bilingual?: boolean }) {
  const lang = useLang();
  const { t } = useTranslation();
  return (
    <Group gap={6} component="span" wrap="nowrap" style={{ display: 'inline-flex' }}>
      <span>{fieldLabel(f, lang)}</span>
      {bilingual && (
        <Text span size="xs" c="dimmed" fw={400}>
          {otherLabel(f, lang)}
        </Text>
      )}
      {f.fee && (
        <Badge size="xs" variant="outline" color="grape" radius="sm" tt="none">
          {t('caseFile.fields.fee')}
        </Badge>
      )}
    </Group>
  );
}

function FieldInput({ field: f, value, required, editable, onChange, error }: Omit<RowProps, 'meta' | 'dirty' | 'attention' | 'crop' | 'current' | 'onCurrent'>) {
  const { t } = useTranslation();
  const lang = useLang();
  const testid = `field-${f.name}`;
  if (f.kind === 'checkbox') {
    return (
      <Checkbox
        data-testid={testid}
        label={<FieldLabel f={f} bilingual={false} />}
        description={otherLabel(f, lang)}
        checked={value === 'true'}
        onChange={(e) => onChange(e.currentTarget.checked ? 'true' : 'false')}
        disabled={!editable}
        error={error}
      />
    );
  }
  if (f.kind === 'choice') {
    return (
      <div data-testid={testid} data-value={value}>
        <Radio.Group
          label={<FieldLabel f={f} />}
          value={value || null}
          onChange={onChange}
          withAsterisk={required}
          readOnly={!editable}
          error={error}
        >
          <Group gap="md" mt={6} wrap="wrap">
            {f.options!.map((o) => (
              <Radio
                key={o.value}
                value={o.value}
                label={lang === 'ja' ? o.label : o.labelEn}
                title={lang === 'ja' ? o.labelEn : o.label}
                disabled={!editable}
                data-testid={`${testid}-${o.value}`}
              />
            ))}
            {value && editable && (
              <Tooltip label={t('caseFile.fields.clearChoice')}>
                <CloseButton size="sm" aria-label={t('caseFile.fields.clearChoice')} onClick={() => onChange('')} />
              </Tooltip>
            )}
          </Group>
        </Radio.Group>
      </div>
    );
  }
  if (f.kind === 'date') {
    const parsed = value.trim() ? parseJapaneseDate(value) : null;
    return (
      <TextInput
        data-testid={testid}
        label={<FieldLabel f={f} />}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        withAsterisk={required}
        readOnly={!editable}
        placeholder={t('caseFile.fields.datePlaceholder')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        description={
          parsed ? (
            <Text span size="xs" c="teal.8" data-testid={`${testid}-parsed`}>
              {t('caseFile.fields.dateRead', { era: formatEraDate(parsed), iso: parsed })}
            </Text>
          ) : undefined
        }
        error={error ?? (value.trim() && !parsed ? t('caseFile.fields.dateUnreadable') : undefined)}
        maxLength={40}
      />
    );
  }
  const common = {
    'data-testid': testid,
    label: <FieldLabel f={f} />,
    value,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.currentTarget.value),
    withAsterisk: required,
    readOnly: !editable,
    maxLength: 2000,
    error,
  };
  return f.multiline ? <Textarea {...common} autosize minRows={2} maxRows={6} /> : <TextInput {...common} />;
}

function ConfidenceBadge({ name, meta, dirty, attention }: { name: string; meta: CaseField | undefined; dirty: boolean; attention: boolean }) {
  const { t } = useTranslation();
  const testid = `field-confidence-${name}`;
  if (dirty) {
    return (
      <Badge data-testid={testid} data-kind="edited" size="sm" variant="light" color="indigo" radius="sm" tt="none" miw={72}>
        {t('caseFile.fields.edited')}
      </Badge>
    );
  }
  if (!meta) {
    return (
      <Badge data-testid={testid} data-kind="empty" size="sm" variant="outline" color="gray" radius="sm" tt="none" miw={72}>
        {t('caseFile.fields.notRead')}
      </Badge>
    );
  }
  if (meta.confidence === null) {
    return (
      <Badge data-testid={testid} data-kind="staff" size="sm" variant="light" color="gray" radius="sm" tt="none" miw={72}>
        {t('caseFile.fields.byStaff')}
      </Badge>
    );
  }
  if (meta.value.trim() === '') {
    return (
      <Tooltip label={attention ? t('caseFile.fields.blankRequired') : t('caseFile.fields.blankHint')} multiline maw={260}>
        <Badge
          data-testid={testid}
          data-kind="blank"
          data-confidence={meta.confidence}
          data-review={attention || undefined}
          size="sm"
          variant={attention ? 'filled' : 'outline'}
          color={attention ? 'orange' : 'gray'}
          radius="sm"
          tt="none"
          miw={72}
          tabIndex={0}
        >
          {attention ? t('caseFile.fields.blankReview') : t('caseFile.fields.blank')}
        </Badge>
      </Tooltip>
    );
  }
  const low = attention || meta.confidence < REVIEW_BELOW;
  return (
    <Tooltip label={low ? t('caseFile.fields.reviewHint') : t('caseFile.fields.confidenceHint')} multiline maw={260}>
      <Badge
        data-testid={testid}
        data-kind="ocr"
        data-confidence={meta.confidence}
        data-review={low || undefined}
        size="sm"
        variant={low ? 'filled' : 'light'}
        color={low ? 'orange' : meta.confidence >= 90 ? 'teal' : 'lime'}
        radius="sm"
        tt="none"
        miw={72}
        tabIndex={0}
      >
        {low ? t('caseFile.fields.review', { pct: meta.confidence }) : `${meta.confidence}%`}
      </Badge>
    </Tooltip>
  );
}
