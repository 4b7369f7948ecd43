import { Alert, Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterDetail } from '@shared/contract/letters-types';
import { outboundLabels, outboundMethods, outboundTracked, proofAvailable, type OutboundMethod } from '@shared/domain/mail';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { errorText } from '../../ui/errors';
import { isoDateInJapan } from '@shared/domain/dates';
import { formatDay } from '../../ui/dates';
import { useCall } from '../../ui/useCall';
import { methodLabel } from './LettersPanel';

/** After printing (M2): how the letter went, then its delivery and proof of delivery. */
export function MailSection({ letter, onChanged }: { letter: LetterDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="letter-mail">
      <Title order={5}>{t('letters.mail.title')}</Title>
      {letter.finalResponse && (
        <Text size="xs" c="dimmed">
          {t('letters.mail.closesCase')}
        </Text>
      )}
      {letter.mail ? <DeliveryForm letter={letter} onChanged={onChanged} /> : <OutboundForm letter={letter} onChanged={onChanged} />}
    </Stack>
  );
}

// #13 item 11c: both forms are checked by their channel's own schema before any call.
const outboundSchema = contractSchema('mail.logOutbound');
const deliverySchema = contractSchema('mail.recordDelivery');
interface OutboundValues {
  method: OutboundMethod;
  proofRequested: boolean;
  trackingNumber: string;
  trackingOverrideReason: string;
  sentOn: string;
}

function OutboundForm({ letter, onChanged }: { letter: LetterDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const { form, submit } = useContractForm({
    schema: outboundSchema,
    initialValues: { method: 'ippan_kakitome', proofRequested: true, trackingNumber: '', trackingOverrideReason: '', sentOn: todayInJapan() } as OutboundValues,
    toInput: (v: OutboundValues) => ({
      caseId: letter.caseId,
      letterId: letter.id,
      method: v.method,
      ...(outboundTracked.has(v.method) && v.trackingNumber.trim() ? { trackingNumber: v.trackingNumber } : {}),
      ...(v.trackingOverrideReason.trim() ? { trackingOverrideReason: v.trackingOverrideReason } : {}),
      proofRequested: proofAvailable(v.method) && v.proofRequested,
      sentOn: v.sentOn,
      closesCase: letter.finalResponse,
    }),
  });
  const method = form.values.method;
  const [error, setError] = useState<string | null>(null);
  const [needsOverride, setNeedsOverride] = useState(false);

  const save = submit(async (input) => {
    setError(null);
    const r = await run(() => kaiji.mail.logOutbound(input), { notify: false });
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('letters.mail.logged') });
      onChanged();
    } else {
      if (r.error.code === 'TRACKING_NUMBER_INVALID') setNeedsOverride(true);
      setError(errorText(r.error, lang));
    }
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="xs" data-testid="mail-outbound-form">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('letters.mail.method')}
            data={outboundMethods.map((m) => ({ value: m, label: outboundLabels[m][lang] }))}
            allowDeselect={false}
            {...form.getInputProps('method')}
            data-testid="mail-method"
          />
          {outboundTracked.has(method) && (
            <TextInput label={t('letters.mail.tracking')} maxLength={40} {...form.getInputProps('trackingNumber')} data-testid="mail-tracking" />
          )}
          <TextInput label={t('letters.mail.sentOn')} type="date" {...form.getInputProps('sentOn')} data-testid="mail-sent-on" />
        </SimpleGrid>
        {proofAvailable(method) && <Checkbox label={t('letters.mail.proof')} {...form.getInputProps('proofRequested', { type: 'checkbox' })} data-testid="mail-proof" />}
        {needsOverride && <TextInput label={t('letters.mail.trackingOverride')} maxLength={300} {...form.getInputProps('trackingOverrideReason')} />}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button size="xs" type="submit" loading={loading} data-testid="mail-log">
            {t('letters.mail.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeliveryForm({ letter, onChanged }: { letter: LetterDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const mail = letter.mail!;
  const { form, submit } = useContractForm({
    schema: deliverySchema,
    initialValues: { deliveredOn: mail.deliveredOn ?? todayInJapan(), proofReceivedOn: mail.proofReceivedOn ?? todayInJapan() },
    toInput: (v: { deliveredOn: string; proofReceivedOn: string }) => ({
      id: mail.id,
      ...(mail.deliveredOn ? {} : { deliveredOn: v.deliveredOn }),
      ...(mail.proofRequested ? { proofReceivedOn: v.proofReceivedOn } : {}),
    }),
  });
  const done = mail.proofRequested ? mail.proofReceivedOn !== null : mail.deliveredOn !== null;

  const save = submit(async (input) => {
    const r = await run(() => kaiji.mail.recordDelivery(input));
    if (r.ok) {
      notifications.show({ color: 'teal', message: r.value.caseClosed ? t('letters.mail.closed') : t('letters.mail.deliveryRecorded') });
      onChanged();
    }
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="xs" data-testid="mail-delivery" data-done={done}>
        <Text size="sm" data-testid="mail-sent">
          {t('letters.mail.sent', { method: methodLabel(mail.method, lang), date: formatDay(mail.sentOn, lang) })}
          {mail.trackingNumber ? ` · ${mail.trackingNumber}` : ''}
        </Text>
        {mail.deliveredOn && <Text size="sm">{t('letters.mail.delivered', { date: formatDay(mail.deliveredOn, lang) })}</Text>}
        {mail.proofReceivedOn && (
          <Text size="sm" c="teal">
            {t('letters.mail.proofReceived', { date: formatDay(mail.proofReceivedOn, lang) })}
          </Text>
        )}
        {!done && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {!mail.deliveredOn && (
                <TextInput label={t('letters.mail.deliveredOn')} type="date" {...form.getInputProps('deliveredOn')} data-testid="mail-delivered-on" />
              )}
              {mail.proofRequested && (
                <TextInput label={t('letters.mail.proofReceivedOn')} type="date" {...form.getInputProps('proofReceivedOn')} data-testid="mail-proof-on" />
              )}
            </SimpleGrid>
            <Group justify="flex-end">
              <Button size="xs" type="submit" loading={loading} data-testid="mail-record-delivery">
                {t('letters.mail.recordDelivery')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </form>
  );
}

/** Dates of the mail log are Japanese calendar days (as the services check them), not the browser's. */
const todayInJapan = () => isoDateInJapan(new Date());
