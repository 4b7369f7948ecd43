import { Badge, Button, Center, Divider, Group, List, Loader, Modal, Paper, Select, Stack, Table, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconTrash, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseDocument } from '@shared/contract';
import { contract, type ChannelInput } from '@shared/contract';
import { isCaseState, nextStates, type CaseState } from '@shared/domain/case-state';
import { mayTransition } from '@shared/domain/case-permissions';
import { WITHDRAWAL_WAYS, type WithdrawalWay } from '@shared/domain/obligations';
import { formatEraDate } from '@shared/domain/era';
import { AGENT_PROOF_LABELS } from '@shared/domain/verification/agents';
import { ID_DOCUMENT_LABELS } from '@shared/domain/verification/identity-documents';
import type { RuleResult, RuleStatus } from '@shared/domain/verification/types';
import { allows } from '@shared/roles';
import { kaiji } from '../../../api';
import { useLang } from '../../../i18n';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { contractSchema, useContractForm } from '../../../ui/contractForm';
import { errorText } from '../../../ui/errors';
import { useCall } from '../../../ui/useCall';
import { useLoad } from '../../../ui/useLoad';
import { useVault } from '../../../ui/vault';
import { DeficiencyView } from '../../verification/DeficiencyView';
import { RepeatRefusal } from '../../verification/RepeatRefusal';
import { DocumentForm } from './DocumentForm';
import { SuggestedDocumentModal } from './SuggestedDocument';

const STATUS_COLORS: Record<RuleStatus, string> = { pass: 'green', needs_review: 'orange', fail: 'red' };
const STATUS_ICONS: Record<RuleStatus, typeof IconCheck> = { pass: IconCheck, needs_review: IconAlertTriangle, fail: IconX };
/** Transitions that ask for a written reason first (required for refused; the waiver's reason for closed). */
const transitionSchema = contractSchema('cases.transition');
const REASON_STATES: readonly CaseState[] = ['refused', 'deficient', 'withdrawn', 'closed'];

/**
 * 受付審査 on the case file: the case's status and where it may go, the checklist computed by
 * the services (same rules as shared/domain/verification), and the documents staff recorded.
 */
export function VerificationPanel({ detail, reloadKey, onChanged }: { detail: CaseDetail; reloadKey: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { status } = useVault();
  const role = status.user?.role;
  const canRecord = allows(contract['documents.record'].access, role);
  const id = detail.case.id;
  const [local, setLocal] = useState(0);
  const key = `${id}#${reloadKey}#${local}`;
  const checklist = useLoad(() => kaiji.cases.checklist({ id }), key);
  const documents = useLoad(() => kaiji.documents.list({ caseId: id }), key);
  const deficiency = useLoad(() => kaiji.cases.deficiency({ id }), `${key}#${detail.case.status}`);
  const refresh = useCallback(() => setLocal((v) => v + 1), []);
  // After a document is recorded its result (the documents table, the checklist above it) is
  // brought into view once the reload arrives, not left scrolled away above the form (#13 item 4).
  const recorded = useRef(false);
  const onRecorded = useCallback(() => {
    recorded.current = true;
    refresh();
  }, [refresh]);
  useEffect(() => {
    if (!recorded.current || !documents.data) return;
    recorded.current = false;
    document.querySelector('[data-testid="documents"]')?.scrollIntoView({ block: 'center' });
  }, [documents.data]);
  const r3 = checklist.data?.results.find((r) => r.ruleId === 'R3');
  // #10 item 7: "enclosed but not recorded yet" opens the record form on that page.
  const [recordFrom, setRecordFrom] = useState('');
  const recordFromPage = (kind: 'id_document' | 'money_order') => {
    const page = detail.pages.find((p) => p.kind === kind);
    if (kind === 'id_document') setRecordFrom(page?.id ?? '');
    document.querySelector(`[data-testid="${kind === 'id_document' ? 'document-form' : 'money-order-panel'}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="verification">
      <Stack gap="md">
        <Title order={4}>{t('verification.title')}</Title>
        <StatusActions detail={detail} onChanged={onChanged} />
        {deficiency.data && (
          <>
            <Divider />
            <DeficiencyView deficiency={deficiency.data} />
          </>
        )}
        <Divider />
        <ChecklistView data={checklist.data} failed={checklist.failed} onRecordFrom={canRecord ? recordFromPage : undefined} />
        {role === 'administrator' && r3 && r3.status === 'needs_review' && isCaseState(detail.case.status) && nextStates(detail.case.status).includes('refused') && (
          <RepeatRefusal caseId={id} r3={r3} onRefused={onChanged} />
        )}
        <Divider />
        <DocumentsTable documents={documents.data} editable={canRecord} onRemoved={refresh} />
        {canRecord && (
          <>
            <Divider />
            <div data-testid="document-form">
              <DocumentForm key={`${id}#${recordFrom}`} detail={detail} onRecorded={onRecorded} initialPageId={recordFrom} />
            </div>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function StatusActions({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { status: vault } = useVault();
  const role = vault.user?.role;
  const canTransition = allows(contract['cases.transition'].access, role);
  const isAdmin = role === 'administrator';
  const { run, loading } = useCall();
  const current = detail.case.status;
  const next = isCaseState(current) ? nextStates(current) : [];
  // The role table (shared/domain/case-permissions.ts) decides which moves a role sees (#10).
  const shown = next.filter((s) => mayTransition(role, current as CaseState, s));
  const hidden = next.length > shown.length && !isAdmin;
  const [target, setTarget] = useState<CaseState | null>(null);
  const label = (s: string) => (isCaseState(s) ? t(`cases.statuses.${s}`) : s);
  // #13 item 11c: the reason form is checked by `cases.transition`'s own schema; a refusal (R3 and
  // others) must give its reason (the service's rule).
  const { form, submit } = useContractForm({
    schema: transitionSchema,
    initialValues: { reason: '', ground: 'letter' as WithdrawalWay },
    toInput: (v: { reason: string; ground: WithdrawalWay }) => ({
      id: detail.case.id,
      to: target ?? current,
      ...(v.reason.trim() ? { reason: v.reason } : {}),
      ...(target === 'withdrawn' ? { ground: v.ground } : {}),
    }),
    rules: (v) => ({ reason: target === 'refused' && !v.reason.trim() && t('verification.status.reasonRequired') }),
  });

  const go = async (input: ChannelInput<'cases.transition'>) => {
    const result = await run(() => kaiji.cases.transition(input), { notify: target === null });
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('verification.status.done', { state: label(input.to) }) });
      setTarget(null);
      onChanged();
    } else if (target !== null) {
      form.setFieldError('reason', errorText(result.error, lang));
    }
  };

  const open = (to: CaseState) => {
    if (REASON_STATES.includes(to)) {
      form.reset();
      setTarget(to);
    } else {
      void go({ id: detail.case.id, to });
    }
  };

  const confirm = submit((input) => go(input));

  return (
    <Stack gap="xs" data-testid="status-actions" data-status={current}>
      <Group gap="xs" align="baseline">
        <Title order={5}>{t('verification.status.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('verification.status.current')}: {label(current)}
        </Text>
      </Group>
      {next.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('verification.status.none')}
        </Text>
      ) : (
        canTransition && (
          <Group gap="xs">
            {shown.map((s) => (
              <Button
                key={s}
                data-testid={`to-${s}`}
                size="xs"
                variant={s === 'refused' ? 'outline' : 'light'}
                color={s === 'refused' ? 'red' : s === 'deficient' ? 'orange' : s === 'accepted' ? 'teal' : undefined}
                loading={loading && target === null}
                onClick={() => open(s)}
              >
                {t('verification.status.to', { state: label(s) })}
              </Button>
            ))}
          </Group>
        )
      )}
      {hidden && (
        <Text size="xs" c="dimmed">
          {t('verification.status.adminOnly')}
        </Text>
      )}
      <Modal opened={target !== null} onClose={() => !loading && setTarget(null)} title={target ? t('verification.status.modalTitle', { state: label(target) }) : ''} centered>
        <form onSubmit={confirm} noValidate>
          <Stack gap="md">
            {target === 'withdrawn' && (
              <Select
                data-testid="withdrawal-via"
                label={t('lifecycle.withdrawalVia')}
                allowDeselect={false}
                {...form.getInputProps('ground')}
                data={WITHDRAWAL_WAYS.map((w) => ({ value: w, label: t(`lifecycle.via.${w}`) }))}
              />
            )}
            <Textarea
              data-testid="transition-reason"
              label={t('verification.status.reason')}
              description={target === 'refused' ? t('verification.status.reasonHintRefused') : target === 'closed' ? t('lifecycle.closeReasonHint') : t('verification.status.reasonHintDeficient')}
              required={target === 'refused'}
              {...form.getInputProps('reason')}
              autosize
              minRows={3}
              maxRows={10}
              maxLength={2000}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTarget(null)} disabled={loading}>
                {t('common.cancel')}
              </Button>
              <Button data-testid="transition-confirm" color={target === 'refused' ? 'red' : 'orange'} type="submit" loading={loading}>
                {t('verification.status.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

function StatusBadge({ status, testId }: { status: RuleStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge data-testid={testId} data-status={status} color={STATUS_COLORS[status]} variant="light" radius="sm" tt="none">
      {t(`verification.checklist.statuses.${status}`)}
    </Badge>
  );
}

function ChecklistView({
  data,
  failed,
  onRecordFrom,
}: {
  data: { overall: RuleStatus; results: readonly RuleResult[] } | undefined;
  failed: boolean;
  onRecordFrom?: (kind: 'id_document' | 'money_order') => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="checklist" data-loading={data ? undefined : true}>
      <Group gap="xs" align="center">
        <Title order={5}>{t('verification.checklist.title')}</Title>
        {data && (
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              {t('verification.checklist.overall')}:
            </Text>
            <StatusBadge status={data.overall} testId="checklist-overall" />
          </Group>
        )}
      </Group>
      {!data ? (
        failed ? (
          <Text size="sm" c="dimmed">
            {t('verification.checklist.failed')}
          </Text>
        ) : (
          <Center py="sm">
            <Loader size="sm" aria-label={t('verification.checklist.loading')} />
          </Center>
        )
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.results.map((r, i) => (
            <RuleRow key={`${r.ruleId}:${r.party ?? ''}:${i}`} result={r} onRecordFrom={onRecordFrom} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function RuleRow({ result, onRecordFrom }: { result: RuleResult; onRecordFrom?: (kind: 'id_document' | 'money_order') => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const Icon = STATUS_ICONS[result.status];
  return (
    <li data-testid={`rule-${result.ruleId}`} data-status={result.status} data-party={result.party}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ThemeIcon size="sm" radius="xl" variant="light" color={STATUS_COLORS[result.status]} aria-label={t(`verification.checklist.statuses.${result.status}`)} style={{ flexShrink: 0, marginTop: 2 }}>
          <Icon size={14} />
        </ThemeIcon>
        <Badge size="sm" variant="outline" color="gray" radius="sm" ff="monospace" style={{ flexShrink: 0, marginTop: 2 }}>
          {result.ruleId}
        </Badge>
        <Stack gap={2} miw={0}>
          <Text size="sm" c={result.status === 'pass' ? undefined : `${STATUS_COLORS[result.status]}.9`}>
            {result.party && `${t(`verification.documents.parties.${result.party}`)}: `}
            {result.message[lang]}
          </Text>
          {result.findings && result.findings.length > 0 && (
            <List size="xs" spacing={2}>
              {result.findings.map((f, i) => (
                <List.Item key={`${f.code}:${i}`} c={f.status === 'pass' ? 'dimmed' : `${STATUS_COLORS[f.status]}.9`} data-status={f.status}>
                  {f.message[lang]}
                </List.Item>
              ))}
            </List>
          )}
          {onRecordFrom && result.findings?.some((f) => f.code === 'enclosed_unrecorded') && (
            <Group>
              <Button size="compact-xs" variant="light" color="orange" data-testid={`record-from-page-${result.ruleId}`} onClick={() => onRecordFrom(result.ruleId === 'I4' ? 'id_document' : 'money_order')}>
                {t('lifecycle.recordFromPage')}
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
    </li>
  );
}

function typeLabel(doc: CaseDocument, lang: 'ja' | 'en'): string {
  const labels: Record<string, { ja: string; en: string }> = doc.kind === 'id' ? ID_DOCUMENT_LABELS : AGENT_PROOF_LABELS;
  return labels[doc.type]?.[lang] ?? doc.type;
}

function DocumentsTable({ documents, editable, onRemoved }: { documents: CaseDocument[] | undefined; editable: boolean; onRemoved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run } = useCall();
  const [removing, setRemoving] = useState<CaseDocument | null>(null);
  const [confirming, setConfirming] = useState<CaseDocument | null>(null);
  const date = (iso: string | null) => (iso ? (lang === 'ja' ? formatEraDate(iso) : `${iso} (${formatEraDate(iso)})`) : null);

  const remove = async () => {
    if (!removing) return;
    const result = await run(() => kaiji.documents.remove({ id: removing.id }));
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('verification.documents.removed') });
      setRemoving(null);
      onRemoved();
    }
  };

  return (
    <Stack gap="xs" data-testid="documents">
      <Title order={5}>{t('verification.documents.title')}</Title>
      {!documents || documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('verification.documents.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('verification.documents.party')}</Table.Th>
                <Table.Th>{t('verification.documents.type')}</Table.Th>
                <Table.Th>{t('verification.documents.name')}</Table.Th>
                <Table.Th>{t('verification.documents.address')}</Table.Th>
                <Table.Th>{t('verification.documents.dates')}</Table.Th>
                {editable && <Table.Th aria-label={t('verification.documents.remove')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.map((d, i) => (
                <Table.Tr key={d.id} data-testid={`doc-row-${i}`} data-type={d.type} data-party={d.party} data-suggested={d.suggested ? 'true' : 'false'}>
                  <Table.Td>{t(`verification.documents.parties.${d.party}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{typeLabel(d, lang)}</Text>
                    {d.suggested && (
                      <Badge size="xs" color="orange" variant="light" data-testid="doc-suggested">
                        {t('reading.suggested.badge')}
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed">
                      {t(`verification.documents.kinds.${d.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{d.address}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {d.birthDate && <Text size="xs" className="kaiji-nowrap">{t('verification.documents.birth')}: {date(d.birthDate)}</Text>}
                      {d.issuedOn && <Text size="xs" className="kaiji-nowrap">{t('verification.documents.issued')}: {date(d.issuedOn)}</Text>}
                      {d.validUntil && <Text size="xs" className="kaiji-nowrap">{t('verification.documents.valid')}: {date(d.validUntil)}</Text>}
                    </Stack>
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      {d.suggested && (
                        <Button data-testid="doc-confirm" size="compact-xs" variant="light" color="orange" leftSection={<IconCheck size={14} />} onClick={() => setConfirming(d)} mb={4}>
                          {t('reading.suggested.confirm')}
                        </Button>
                      )}
                      <Button
                        data-testid="doc-remove"
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconTrash size={14} />}
                        onClick={() => setRemoving(d)}
                      >
                        {t('verification.documents.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <SuggestedDocumentModal
        doc={confirming}
        label={confirming ? typeLabel(confirming, lang) : ''}
        onClose={() => setConfirming(null)}
        onConfirmed={() => {
          setConfirming(null);
          onRemoved();
        }}
      />
      <ConfirmModal
        opened={removing !== null}
        title={t('verification.documents.removeTitle')}
        confirmLabel={t('verification.documents.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={remove}
      >
        {removing ? t('verification.documents.removeBody', { type: typeLabel(removing, lang) }) : ''}
      </ConfirmModal>
    </Stack>
  );
}
