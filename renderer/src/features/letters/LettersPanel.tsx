import { Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { ApprovalBadge } from '../approval/ApprovalSection';
import { notifications } from '@mantine/notifications';
import { IconFilePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@shared/contract';
import { contract } from '@shared/contract';
import type { LetterSummary } from '@shared/contract/letters-types';
import type { LetterLang, LetterTemplateId } from '@shared/domain/letters/types';
import { outboundLabels, type OutboundMethod } from '@shared/domain/mail';
import { allows } from '@shared/roles';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { compactDay, formatDay } from '../../ui/dates';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';
import { LetterModal } from './LetterModal';
import { Day } from '../../ui/Timestamp';

/** 書面 on the case file: letters that fit the case, drafts and issued letters, closing by hand. */
export function LettersPanel({ detail, reloadKey, onChanged }: { detail: CaseDetail; reloadKey: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const uiLang = useLang();
  const { status } = useVault();
  const role = status.user?.role;
  const canCreate = allows(contract['letters.create'].access, role);
  const caseId = detail.case.id;
  const [local, setLocal] = useState(0);
  const key = `${caseId}#${reloadKey}#${local}`;
  const suggestions = useLoad(() => kaiji.letters.suggest({ caseId }), key);
  const letters = useLoad(() => kaiji.letters.list({ caseId }), key);
  const { run, loading } = useCall();
  const [openId, setOpenId] = useState<string | null>(null);
  const [lang, setLang] = useState<LetterLang>('ja');
  const [to, setTo] = useState<'subject' | 'agent'>('subject');
  const hasAgent = detail.fields.some((f) => f.field === 'agent.name' && f.value.trim() !== '');
  const changed = () => {
    setLocal((v) => v + 1);
    onChanged();
  };

  const create = async (template: LetterTemplateId) => {
    const result = await run(() => kaiji.letters.create({ caseId, template, lang, to }));
    if (result.ok) {
      changed();
      setOpenId(result.value.id);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="letters-panel">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>{t('letters.panelTitle')}</Title>
          {status.user?.role === 'administrator' && detail.case.status === 'responding' && <CloseByHand caseId={caseId} onClosed={onChanged} />}
        </Group>
        {canCreate && (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('letters.suggested')}
            </Text>
            {suggestions.data && suggestions.data.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('letters.noSuggestions')}
              </Text>
            )}
            {suggestions.data && suggestions.data.length > 0 && (
              <>
                <Group gap="md">
                  <SegmentedControl
                    size="xs"
                    value={lang}
                    onChange={(v) => setLang(v as LetterLang)}
                    data={[
                      { value: 'ja', label: '日本語' },
                      { value: 'en', label: 'English' },
                    ]}
                    aria-label={t('letterLanguage')}
                  />
                  {hasAgent && (
                    <SegmentedControl
                      size="xs"
                      value={to}
                      onChange={(v) => setTo(v as 'subject' | 'agent')}
                      data={[
                        { value: 'subject', label: t('letters.toSubject') },
                        { value: 'agent', label: t('letters.toAgent') },
                      ]}
                      aria-label={t('letters.to')}
                    />
                  )}
                </Group>
                {suggestions.data.map((s) => (
                  <Group key={s.template} justify="space-between" wrap="nowrap">
                    <Stack gap={0}>
                      <Text size="sm" fw={500}>
                        {t(`letters.templates.${s.template}`)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {s.reason[uiLang]}
                      </Text>
                    </Stack>
                    <Button size="xs" variant="light" leftSection={<IconFilePlus size={14} />} loading={loading} onClick={() => void create(s.template)} data-testid={`create-${s.template}`}>
                      {t('letters.create')}
                    </Button>
                  </Group>
                ))}
              </>
            )}
          </Stack>
        )}
        <LetterTable letters={letters.data ?? []} onOpen={setOpenId} />
      </Stack>
      <Modal opened={openId !== null} onClose={() => setOpenId(null)} size="xl" title={t('letters.panelTitle')} data-testid="letter-modal">
        {openId && <LetterModal id={openId} onChanged={changed} onDiscarded={() => setOpenId(null)} />}
      </Modal>
    </Paper>
  );
}

export function LetterTable({ letters, onOpen, showCase = false }: { letters: LetterSummary[]; onOpen: (id: string) => void; showCase?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (letters.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="letters-empty">
        {t('letters.none')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} data-testid="letters-table">
        <Table.Thead>
          <Table.Tr>
            {showCase && <Table.Th>{t('letters.columns.caseNo')}</Table.Th>}
            <Table.Th>{t('letters.columns.letter')}</Table.Th>
            <Table.Th>{t('letters.columns.recipient')}</Table.Th>
            <Table.Th>{t('letters.columns.status')}</Table.Th>
            <Table.Th>{t('letters.columns.mail')}</Table.Th>
            <Table.Th>{t('letters.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {letters.map((l) => (
            <Table.Tr key={l.id} data-testid={`letter-row-${l.template}`} data-status={l.status}>
              {showCase && (
                <Table.Td ff="monospace" fw={600}>
                  {l.caseNo}
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{t(`letters.templates.${l.template}`)}</Text>
                <Text size="xs" c="dimmed">
                  {l.lang === 'en' ? 'English' : '日本語'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{l.recipientName}</Text>
              </Table.Td>
              <Table.Td>
                <Badge color={l.status === 'issued' ? 'teal' : 'gray'} variant="light" tt="none">
                  {t(`letters.statuses.${l.status}`)}
                </Badge>
                {l.status === 'draft' && <ApprovalBadge state={l.approval.state} />}
                {l.issuedOn && (
                  <Text size="xs" c="dimmed">
                    <Day iso={l.issuedOn} />
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs" title={l.mail ? formatDay(l.mail.sentOn, lang) : undefined}>
                  {l.mail ? t('letters.mail.sent', { method: methodLabel(l.mail.method, lang), date: compactDay(l.mail.sentOn, lang) }) : l.status === 'issued' ? t('letters.mail.notLogged') : '—'}</Text>
                {l.mail?.proofReceivedOn && (
                  <Text size="xs" c="teal" title={formatDay(l.mail.proofReceivedOn, lang)}>
                    {t('letters.mail.proofReceived', { date: compactDay(l.mail.proofReceivedOn, lang) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="light" onClick={() => onOpen(l.id)} data-testid={`open-letter-${l.template}`}>
                  {t('letters.open')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const closeSchema = contractSchema('letters.closeCase');

function CloseByHand({ caseId, onClosed }: { caseId: string; onClosed: () => void }) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const [open, setOpen] = useState(false);
  // #13 item 11c: `letters.closeCase`'s own schema (a reason is required).
  const { form, submit } = useContractForm({ schema: closeSchema, initialValues: { reason: '' }, toInput: (v: { reason: string }) => ({ caseId, reason: v.reason }) });
  const close = submit(async (input) => {
    const r = await run(() => kaiji.letters.closeCase(input));
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('letters.closeCase.done') });
      setOpen(false);
      onClosed();
    }
  });
  return (
    <>
      <Button size="xs" variant="outline" onClick={() => setOpen(true)} data-testid="close-by-hand">
        {t('letters.closeCase.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('letters.closeCase.title')} centered>
        <form onSubmit={close} noValidate>
          <Stack>
            <Textarea label={t('letters.closeCase.reason')} autosize minRows={2} maxLength={2000} data-testid="close-reason" data-autofocus {...form.getInputProps('reason')} />
            <Group justify="flex-end">
              <Button type="submit" loading={loading} disabled={!form.values.reason.trim()} data-testid="close-confirm">
                {t('letters.closeCase.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

export const methodLabel = (m: string, lang: 'ja' | 'en'): string => outboundLabels[m as OutboundMethod]?.[lang] ?? m;
