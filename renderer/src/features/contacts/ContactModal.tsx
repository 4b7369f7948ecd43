import { Alert, Badge, Button, Divider, Group, Image, Loader, Modal, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { ContactDetail } from '@shared/contract/contacts-types';
import type { LetterPages } from '@shared/contract/letters-types';
import { isoDateInJapan } from '@shared/domain/dates';
import { outboundLabels, outboundMethods, type OutboundMethod } from '@shared/domain/mail';
import { REQUEST_KIND_LABELS } from '@shared/domain/page-kind';
import { allows } from '@shared/roles';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { formatDay } from '../../ui/dates';
import { EraDateInput, readDate } from '../../ui/EraDateInput';
import { useCall } from '../../ui/useCall';
import { useVault } from '../../ui/vault';
import { printPdf } from '../letters/pdf-files';
import { GuidanceDraftEditor } from './GuidanceDraftEditor';

export const LETTER_STATE_COLORS = { none: 'red', draft: 'orange', issued: 'blue', mailed: 'teal' } as const;

/** One contact: what was asked, then its guidance letter step by step (write, preview, issue, print, mail). */
export function ContactModal({ contact, onClose, onChanged }: { contact: ContactDetail; onClose: () => void; onChanged: (c: ContactDetail) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { status } = useVault();
  const canWrite = allows(contract['contacts.composeGuidance'].access, status.user?.role);
  const { run, loading } = useCall();
  const [pages, setPages] = useState<LetterPages | null>(null);
  const [confirmIssue, setConfirmIssue] = useState(false);
  const [editing, setEditing] = useState(false);
  const c = contact;
  const letter = c.letter;

  const apply = (r: { ok: true; value: ContactDetail } | { ok: false }) => {
    if (r.ok) {
      setPages(null);
      onChanged(r.value);
    }
    return r.ok;
  };
  const compose = async () => apply(await run(() => kaiji.contacts.composeGuidance({ id: c.id })));
  const preview = async () => {
    const r = await run(() => kaiji.contacts.previewGuidance({ id: c.id, dpi: 80 }));
    if (r.ok) setPages(r.value);
  };
  const issue = async () => {
    setConfirmIssue(false);
    if (apply(await run(() => kaiji.contacts.issueGuidance({ id: c.id })))) notifications.show({ color: 'teal', message: t('contacts.detail.issued') });
  };
  const print = async () => {
    const r = await run(() => kaiji.contacts.guidancePdf({ id: c.id }));
    if (r.ok) await printPdf(r.value);
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={<Title order={4}>{t('contacts.detail.title', { no: c.contactNo })}</Title>}>
      <Stack gap="md" data-testid="contact-modal" data-contact-no={c.contactNo}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Text size="sm">
            <b>{c.name}</b>
            <br />〒{c.postalCode} {c.address}
            {c.contactDetail && (
              <>
                <br />
                {c.contactDetail}
              </>
            )}
          </Text>
          <Text size="sm">
            {t(`contacts.channels.${c.channel}`)}・{t('contacts.detail.when', { date: formatDay(c.contactedOn, lang), time: c.contactedTime ?? '' })}
            <br />
            {c.requestedKinds.map((k) => REQUEST_KIND_LABELS[k][lang]).join('、') || '—'}
            <br />
            <Text span size="sm" c="dimmed">
              {c.requestNote || t('contacts.detail.noNote')}
            </Text>
          </Text>
        </SimpleGrid>
        <Divider />
        <Group justify="space-between">
          <Title order={5}>{t('contacts.detail.guidance')}</Title>
          <Badge color={LETTER_STATE_COLORS[c.letterState]} data-testid="contact-letter-state" data-state={c.letterState}>
            {t(`contacts.letterStates.${c.letterState}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('contacts.detail.guidanceHint')}
        </Text>
        <Group gap="sm">
          {canWrite && (!letter || letter.status === 'draft') && (
            <Button size="sm" variant={letter ? 'default' : 'filled'} onClick={() => void compose()} loading={loading} data-testid="contact-compose">
              {letter ? t('contacts.detail.recompose') : t('contacts.detail.compose')}
            </Button>
          )}
          {letter && (
            <Button size="sm" variant="light" onClick={() => void preview()} loading={loading} data-testid="contact-preview">
              {t('contacts.detail.preview')}
            </Button>
          )}
          {canWrite && letter?.status === 'draft' && (
            <Button size="sm" variant="default" onClick={() => setEditing((e) => !e)} data-testid="contact-edit" aria-expanded={editing}>
              {t('contacts.detail.edit')}
            </Button>
          )}
          {canWrite && letter?.status === 'draft' && (
            <Button size="sm" onClick={() => setConfirmIssue(true)} loading={loading} data-testid="contact-issue">
              {t('contacts.detail.issue')}
            </Button>
          )}
          {letter?.status === 'issued' && (
            <Button size="sm" variant="light" onClick={() => void print()} loading={loading} data-testid="contact-print">
              {t('contacts.detail.print')}
            </Button>
          )}
        </Group>
        {editing && letter?.status === 'draft' && (
          <GuidanceDraftEditor
            key={letter.id}
            contactId={c.id}
            letter={letter}
            onSaved={(d) => {
              setEditing(false);
              apply({ ok: true, value: d });
            }}
          />
        )}
        {letter?.status === 'issued' && (
          <Text size="sm" c="dimmed" data-testid="contact-issued-on">
            {t('contacts.detail.issuedOn', { date: formatDay(letter.issuedOn!, lang), pages: letter.pageCount })}
          </Text>
        )}
        {pages && (
          <Stack gap="xs" data-testid="contact-pages">
            {pages.draft && <Badge color="orange">{t('contacts.detail.sample')}</Badge>}
            <Group gap="xs" align="flex-start">
              {pages.pages.map((p, i) => (
                <Image key={i} src={p.dataUrl} w={180} radius="xs" style={{ border: '1px solid var(--mantine-color-gray-4)' }} alt={`${i + 1} / ${pages.pageCount}`} />
              ))}
            </Group>
          </Stack>
        )}
        {loading && !pages && <Loader size="xs" />}
        {c.mailing ? (
          <Alert color="teal" data-testid="contact-mailed">
            {t('contacts.detail.mailedOn', { date: formatDay(c.mailing.sentOn, lang), method: outboundLabels[c.mailing.method][lang] })}
            {c.mailing.trackingNo ? `（${c.mailing.trackingNo}）` : ''}
          </Alert>
        ) : (
          canWrite && letter?.status === 'issued' && <MailingForm contactId={c.id} onLogged={(d) => apply({ ok: true, value: d })} />
        )}
      </Stack>
      <ConfirmModal opened={confirmIssue} title={t('contacts.detail.issueConfirmTitle')} confirmLabel={t('contacts.detail.issue')} color="blue" onClose={() => setConfirmIssue(false)} onConfirm={issue}>
        {t('contacts.detail.issueConfirmBody')}
      </ConfirmModal>
    </Modal>
  );
}

const mailingSchema = contractSchema('contacts.logMailing');
interface MailingValues {
  method: OutboundMethod;
  trackingNumber: string;
  trackingOverrideReason: string;
  /** As typed (era or Western). */
  sentOn: string;
}

/** M2: how the issued guidance letter went out; the tracking number is checked as in the mail log (M1). */
function MailingForm({ contactId, onLogged }: { contactId: string; onLogged: (c: ContactDetail) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [needsReason, setNeedsReason] = useState(false);
  // #13 item 11c: checked by `contacts.logMailing`'s own schema before any call.
  const { form, submit } = useContractForm({
    schema: mailingSchema,
    initialValues: { method: 'futsu', trackingNumber: '', trackingOverrideReason: '', sentOn: isoDateInJapan(new Date()) } as MailingValues,
    toInput: (v: MailingValues) => ({
      id: contactId,
      method: v.method,
      sentOn: readDate(v.sentOn) ?? v.sentOn,
      ...(v.trackingNumber.trim() ? { trackingNumber: v.trackingNumber } : {}),
      ...(v.trackingOverrideReason.trim() ? { trackingOverrideReason: v.trackingOverrideReason } : {}),
    }),
  });

  const onSubmit = submit(async (input) => {
    const r = await run(() => kaiji.contacts.logMailing(input));
    if (!r.ok && r.error.code === 'TRACKING_NUMBER_INVALID') setNeedsReason(true);
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('contacts.detail.mailed') });
      onLogged(r.value);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="contact-mailing-form">
      <Stack gap="sm">
        <Title order={6}>{t('contacts.detail.mailTitle')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            data-testid="contact-mail-method"
            label={t('contacts.detail.method')}
            data={outboundMethods.map((m) => ({ value: m, label: outboundLabels[m][lang] }))}
            allowDeselect={false}
            {...form.getInputProps('method')}
          />
          <TextInput data-testid="contact-mail-tracking" label={t('contacts.detail.trackingNumber')} {...form.getInputProps('trackingNumber')} maxLength={40} />
          <EraDateInput testId="contact-mail-sent" label={t('contacts.detail.sentOn')} required {...form.getInputProps('sentOn')} />
        </SimpleGrid>
        {needsReason && <TextInput data-testid="contact-mail-override" label={t('contacts.detail.trackingOverride')} {...form.getInputProps('trackingOverrideReason')} maxLength={300} />}
        <Group justify="flex-end">
          <Button type="submit" loading={loading} data-testid="contact-mail-submit">
            {t('contacts.detail.logMailing')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
