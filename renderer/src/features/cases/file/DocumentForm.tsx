import { Alert, Button, Grid, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@shared/contract';
import { parseJapaneseDate } from '@shared/domain/era';
import { EraDateInput } from '../../../ui/EraDateInput';
import { AGENT_PROOF_LABELS, AGENT_PROOF_TYPES } from '@shared/domain/verification/agents';
import { ID_DOCUMENT_LABELS, ID_DOCUMENT_TYPES } from '@shared/domain/verification/identity-documents';
import { kaiji } from '../../../api';
import { useLang } from '../../../i18n';
import { contractSchema, useContractForm } from '../../../ui/contractForm';
import { errorText } from '../../../ui/errors';
import { useCall } from '../../../ui/useCall';

type Party = 'subject' | 'agent';
type Kind = 'id' | 'agent_proof';

const fieldValue = (detail: CaseDetail, field: string) => detail.fields.find((f) => f.field === field)?.value ?? '';

// #13 item 11c: checked by `documents.record`'s own schema (by kind) before any call: a birth
// date in the future or an expiry that cannot be is named at its field, in words.
const recordSchema = contractSchema('documents.record');

interface DocumentValues {
  party: Party;
  kind: Kind;
  type: string;
  name: string;
  address: string;
  /** Dates as typed (era or Western). */
  birthDate: string;
  issuedOn: string;
  validUntil: string;
  pageId: string;
}

/** The ISO date when it reads, the text as typed otherwise (the schema names it), nothing when empty. */
const date = (text: string) => {
  const s = text.trim();
  if (!s) return undefined;
  return parseJapaneseDate(s) ?? s;
};

/** 書類を記録: what staff read off an ID copy or an agent proof (never the document number, D6). */
export function DocumentForm({ detail, onRecorded, initialPageId = '' }: { detail: CaseDetail; onRecorded: () => void; initialPageId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const subjectName = fieldValue(detail, 'subject.name');
  const subjectAddress = fieldValue(detail, 'subject.address');
  const caseId = detail.case.id;
  const blank = (): DocumentValues => ({ party: 'subject', kind: 'id', type: ID_DOCUMENT_TYPES[0], name: subjectName, address: subjectAddress, birthDate: '', issuedOn: '', validUntil: '', pageId: '' });
  const { form, submit, showServerError } = useContractForm({
    schema: recordSchema,
    initialValues: { ...blank(), pageId: initialPageId },
    toInput: (v: DocumentValues) => {
      const base = { caseId, ...(v.pageId ? { pageId: v.pageId } : {}), issuedOn: date(v.issuedOn) };
      return v.kind === 'id'
        ? { ...base, party: v.party, kind: 'id', type: v.type, name: v.name, address: v.address, birthDate: date(v.birthDate), validUntil: date(v.validUntil) }
        : { ...base, party: 'agent', kind: 'agent_proof', type: v.type };
    },
  });
  const { party, kind } = form.values;
  const [error, setError] = useState<string | null>(null);

  // The form's fields may be saved (or read by OCR) after this form opened: follow them
  // for the data subject unless staff already typed something else.
  const prefill = useRef({ name: subjectName, address: subjectAddress });
  useEffect(() => {
    const before = prefill.current;
    prefill.current = { name: subjectName, address: subjectAddress };
    if (party !== 'subject') return;
    form.setFieldValue('name', (v: string) => (v === before.name ? subjectName : v));
    form.setFieldValue('address', (v: string) => (v === before.address ? subjectAddress : v));
  }, [subjectName, subjectAddress, party]);

  const pageKinds = kind === 'id' ? ['id_document'] : ['id_document', 'power_of_attorney'];
  const pages = detail.pages.filter((p) => pageKinds.includes(p.kind));

  const changeParty = (next: Party) => {
    if (next === 'subject') form.setValues({ party: next, kind: 'id', type: ID_DOCUMENT_TYPES[0], name: subjectName, address: subjectAddress });
    else form.setValues({ party: next, name: '', address: '' });
  };

  const changeKind = (next: Kind) => {
    form.setValues({ kind: next, type: next === 'id' ? ID_DOCUMENT_TYPES[0] : AGENT_PROOF_TYPES[0], pageId: '', ...(next === 'agent_proof' ? { party: 'agent' as const } : {}) });
  };

  const onSubmit = submit(async (input) => {
    setError(null);
    const result = await run(() => kaiji.documents.record(input), { notify: false });
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('verification.form.recorded') });
      form.setValues(blank());
      onRecorded();
    } else if (!showServerError(result.error, errorText(result.error, lang))) {
      setError(errorText(result.error, lang));
    }
  });

  const typeOptions =
    kind === 'id'
      ? ID_DOCUMENT_TYPES.map((v) => ({ value: v, label: ID_DOCUMENT_LABELS[v][lang] }))
      : AGENT_PROOF_TYPES.map((v) => ({ value: v, label: AGENT_PROOF_LABELS[v][lang] }));

  return (
    <form data-testid="doc-form" onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <div>
          <Title order={5}>{t('verification.form.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('verification.form.hint')}
          </Text>
        </div>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect
              data-testid="doc-party"
              label={t('verification.form.party')}
              data-path="party"
              value={party}
              onChange={(e) => changeParty(e.currentTarget.value as Party)}
              error={form.errors.party}
              data={[
                { value: 'subject', label: t('verification.documents.parties.subject') },
                { value: 'agent', label: t('verification.documents.parties.agent') },
              ]}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect
              data-testid="doc-kind"
              label={t('verification.form.kind')}
              value={kind}
              onChange={(e) => changeKind(e.currentTarget.value as Kind)}
              data={[
                { value: 'id', label: t('verification.documents.kinds.id') },
                { value: 'agent_proof', label: t('verification.documents.kinds.agent_proof') },
              ]}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect
              data-testid="doc-type"
              label={t('verification.form.type')}
              {...form.getInputProps('type')}
              data={typeOptions}
            />
          </Grid.Col>
          {kind === 'id' && (
            <>
              <Grid.Col span={{ base: 12, sm: 5 }}>
                <TextInput
                  data-testid="doc-name"
                  label={t('verification.form.name')}
                  {...form.getInputProps('name')}
                  maxLength={120}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 7 }}>
                <TextInput
                  data-testid="doc-address"
                  label={t('verification.form.address')}
                  {...form.getInputProps('address')}
                  maxLength={300}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <EraDateInput testId="doc-birth" label={t('verification.form.birth')} {...form.getInputProps('birthDate')} />
              </Grid.Col>
            </>
          )}
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <EraDateInput testId="doc-issued" label={t('verification.form.issued')} {...form.getInputProps('issuedOn')} />
          </Grid.Col>
          {kind === 'id' && (
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <EraDateInput testId="doc-valid" label={t('verification.form.valid')} {...form.getInputProps('validUntil')} />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <NativeSelect
              data-testid="doc-page"
              label={t('verification.form.page')}
              {...form.getInputProps('pageId')}
              data={[
                { value: '', label: t('verification.form.noPage') },
                ...pages.map((p) => ({ value: p.id, label: t('verification.form.pageOption', { n: p.position + 1, name: p.sourceName }) })),
              ]}
            />
          </Grid.Col>
        </Grid>
        {error && (
          <Alert color="red" variant="light" role="alert" data-testid="doc-error">
            {error}
          </Alert>
        )}
        <div>
          <Button type="submit" data-testid="doc-submit" loading={loading} leftSection={<IconFileCheck size={16} />}>
            {t('verification.form.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
