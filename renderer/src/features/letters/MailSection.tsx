import { Alert, Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterDetail } from '@shared/contract/letters-types';
import { outboundLabels, outboundMethods, outboundTracked, proofAvailable, type OutboundMethod } from '@shared/domain/mail';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
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

function OutboundForm({ letter, onChanged }: { letter: LetterDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [method, setMethod] = useState<OutboundMethod>('ippan_kakitome');
  const [proof, setProof] = useState(true);
  const [tracking, setTracking] = useState('');
  const [override, setOverride] = useState('');
  const [sentOn, setSentOn] = useState(todayInJapan());
  const [error, setError] = useState<string | null>(null);
  const [needsOverride, setNeedsOverride] = useState(false);

  const save = async () => {
    setError(null);
    const r = await run(
      () =>
        kaiji.mail.logOutbound({
          caseId: letter.caseId,
          letterId: letter.id,
          method,
          trackingNumber: outboundTracked.has(method) && tracking.trim() ? tracking : undefined,
          trackingOverrideReason: override.trim() || undefined,
          proofRequested: proofAvailable(method) && proof,
          sentOn,
          closesCase: letter.finalResponse,
        }),
      { notify: false },
    );
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('letters.mail.logged') });
      onChanged();
    } else {
      if (r.error.code === 'TRACKING_NUMBER_INVALID') setNeedsOverride(true);
      setError(errorText(r.error, lang));
    }
  };

  return (
    <Stack gap="xs" data-testid="mail-outbound-form">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('letters.mail.method')}
          data={outboundMethods.map((m) => ({ value: m, label: outboundLabels[m][lang] }))}
          value={method}
          allowDeselect={false}
          onChange={(v) => v && setMethod(v as OutboundMethod)}
          data-testid="mail-method"
        />
        {outboundTracked.has(method) && (
          <TextInput label={t('letters.mail.tracking')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} data-testid="mail-tracking" />
        )}
        <TextInput label={t('letters.mail.sentOn')} type="date" value={sentOn} onChange={(e) => setSentOn(e.currentTarget.value)} data-testid="mail-sent-on" />
      </SimpleGrid>
      {proofAvailable(method) && <Checkbox label={t('letters.mail.proof')} checked={proof} onChange={(e) => setProof(e.currentTarget.checked)} data-testid="mail-proof" />}
      {needsOverride && <TextInput label={t('letters.mail.trackingOverride')} value={override} onChange={(e) => setOverride(e.currentTarget.value)} />}
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button size="xs" onClick={() => void save()} loading={loading} data-testid="mail-log">
          {t('letters.mail.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function DeliveryForm({ letter, onChanged }: { letter: LetterDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const mail = letter.mail!;
  const [deliveredOn, setDeliveredOn] = useState(mail.deliveredOn ?? todayInJapan());
  const [proofOn, setProofOn] = useState(mail.proofReceivedOn ?? todayInJapan());
  const done = mail.proofRequested ? mail.proofReceivedOn !== null : mail.deliveredOn !== null;

  const save = async () => {
    const r = await run(() =>
      kaiji.mail.recordDelivery({
        id: mail.id,
        ...(mail.deliveredOn ? {} : { deliveredOn }),
        ...(mail.proofRequested ? { proofReceivedOn: proofOn } : {}),
      }),
    );
    if (r.ok) {
      notifications.show({ color: 'teal', message: r.value.caseClosed ? t('letters.mail.closed') : t('letters.mail.deliveryRecorded') });
      onChanged();
    }
  };

  return (
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
              <TextInput label={t('letters.mail.deliveredOn')} type="date" value={deliveredOn} onChange={(e) => setDeliveredOn(e.currentTarget.value)} data-testid="mail-delivered-on" />
            )}
            {mail.proofRequested && (
              <TextInput label={t('letters.mail.proofReceivedOn')} type="date" value={proofOn} onChange={(e) => setProofOn(e.currentTarget.value)} data-testid="mail-proof-on" />
            )}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button size="xs" onClick={() => void save()} loading={loading} data-testid="mail-record-delivery">
              {t('letters.mail.recordDelivery')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

/** Dates of the mail log are Japanese calendar days (as the services check them), not the browser's. */
const todayInJapan = () => isoDateInJapan(new Date());
