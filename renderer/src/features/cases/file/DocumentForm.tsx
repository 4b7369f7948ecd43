import { Alert, Button, Grid, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@shared/contract';
import { parseJapaneseDate } from '@shared/domain/era';
import { EraDateInput } from '../../../ui/EraDateInput';
import { AGENT_PROOF_LABELS, AGENT_PROOF_TYPES, type AgentProofType } from '@shared/domain/verification/agents';
import { ID_DOCUMENT_LABELS, ID_DOCUMENT_TYPES, type IdDocumentType } from '@shared/domain/verification/identity-documents';
import { kaiji } from '../../../api';
import { useLang } from '../../../i18n';
import { errorText } from '../../../ui/errors';
import { useCall } from '../../../ui/useCall';

type Party = 'subject' | 'agent';
type Kind = 'id' | 'agent_proof';

const fieldValue = (detail: CaseDetail, field: string) => detail.fields.find((f) => f.field === field)?.value ?? '';

/** 書類を記録: what staff read off an ID copy or an agent proof (never the document number, D6). */
export function DocumentForm({ detail, onRecorded, initialPageId = '' }: { detail: CaseDetail; onRecorded: () => void; initialPageId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const subjectName = fieldValue(detail, 'subject.name');
  const subjectAddress = fieldValue(detail, 'subject.address');

  const [party, setParty] = useState<Party>('subject');
  const [kind, setKind] = useState<Kind>('id');
  const [type, setType] = useState<string>(ID_DOCUMENT_TYPES[0]);
  const [name, setName] = useState(subjectName);
  const [address, setAddress] = useState(subjectAddress);
  const [birth, setBirth] = useState('');
  const [issued, setIssued] = useState('');
  const [valid, setValid] = useState('');
  const [pageId, setPageId] = useState(initialPageId);
  const [error, setError] = useState<string | null>(null);

  // The form's fields may be saved (or read by OCR) after this form opened: follow them
  // for the data subject unless staff already typed something else.
  const prefill = useRef({ name: subjectName, address: subjectAddress });
  useEffect(() => {
    const before = prefill.current;
    prefill.current = { name: subjectName, address: subjectAddress };
    if (party !== 'subject') return;
    setName((v) => (v === before.name ? subjectName : v));
    setAddress((v) => (v === before.address ? subjectAddress : v));
  }, [subjectName, subjectAddress, party]);

  const pageKinds = kind === 'id' ? ['id_document'] : ['id_document', 'power_of_attorney'];
  const pages = detail.pages.filter((p) => pageKinds.includes(p.kind));

  const changeParty = (next: Party) => {
    setParty(next);
    if (next === 'subject') {
      setKind('id');
      setType(ID_DOCUMENT_TYPES[0]);
      setName(subjectName);
      setAddress(subjectAddress);
    } else {
      setName('');
      setAddress('');
    }
  };

  const changeKind = (next: Kind) => {
    setKind(next);
    setType(next === 'id' ? ID_DOCUMENT_TYPES[0] : AGENT_PROOF_TYPES[0]);
    if (next === 'agent_proof') setParty('agent');
    setPageId('');
  };

  const reset = () => {
    setParty('subject');
    setKind('id');
    setType(ID_DOCUMENT_TYPES[0]);
    setName(subjectName);
    setAddress(subjectAddress);
    setBirth('');
    setIssued('');
    setValid('');
    setPageId('');
  };

  /** Sends the ISO date when it reads, the text as typed otherwise (the server names it, INVALID_DATE). */
  const date = (text: string) => {
    const s = text.trim();
    if (!s) return undefined;
    return parseJapaneseDate(s) ?? s;
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const base = { caseId: detail.case.id, pageId: pageId || undefined };
    const result = await run(
      () =>
        kind === 'id'
          ? kaiji.documents.record({
              ...base,
              party,
              kind: 'id',
              type: type as IdDocumentType,
              name: name.trim(),
              address: address.trim(),
              birthDate: date(birth),
              issuedOn: date(issued),
              validUntil: date(valid),
            })
          : kaiji.documents.record({ ...base, party: 'agent', kind: 'agent_proof', type: type as AgentProofType, issuedOn: date(issued) }),
      { notify: false },
    );
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('verification.form.recorded') });
      reset();
      onRecorded();
    } else {
      setError(errorText(result.error, lang));
    }
  };

  const typeOptions =
    kind === 'id'
      ? ID_DOCUMENT_TYPES.map((v) => ({ value: v, label: ID_DOCUMENT_LABELS[v][lang] }))
      : AGENT_PROOF_TYPES.map((v) => ({ value: v, label: AGENT_PROOF_LABELS[v][lang] }));

  return (
    <form data-testid="doc-form" onSubmit={(e) => void submit(e)} noValidate>
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
              value={party}
              onChange={(e) => changeParty(e.currentTarget.value as Party)}
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
              value={type}
              onChange={(e) => setType(e.currentTarget.value)}
              data={typeOptions}
            />
          </Grid.Col>
          {kind === 'id' && (
            <>
              <Grid.Col span={{ base: 12, sm: 5 }}>
                <TextInput
                  data-testid="doc-name"
                  label={t('verification.form.name')}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  maxLength={120}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 7 }}>
                <TextInput
                  data-testid="doc-address"
                  label={t('verification.form.address')}
                  value={address}
                  onChange={(e) => setAddress(e.currentTarget.value)}
                  maxLength={300}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <EraDateInput testId="doc-birth" label={t('verification.form.birth')} value={birth} onChange={setBirth} />
              </Grid.Col>
            </>
          )}
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <EraDateInput testId="doc-issued" label={t('verification.form.issued')} value={issued} onChange={setIssued} />
          </Grid.Col>
          {kind === 'id' && (
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <EraDateInput testId="doc-valid" label={t('verification.form.valid')} value={valid} onChange={setValid} />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <NativeSelect
              data-testid="doc-page"
              label={t('verification.form.page')}
              value={pageId}
              onChange={(e) => setPageId(e.currentTarget.value)}
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
