import { Checkbox, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDetail } from '@shared/contract/contacts-types';
import { isoDateInJapan } from '@shared/domain/dates';
import { CONTACT_CHANNELS, type ContactChannel } from '@shared/domain/letters/templates-guidance';
import { REQUEST_KINDS, REQUEST_KIND_LABELS, type RequestKind } from '@shared/domain/page-kind';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { EraDateInput, readDate } from '../../ui/EraDateInput';
import { FormModal } from '../../ui/FormModal';
import { useCall } from '../../ui/useCall';

const POSTAL = /^\d{3}-?\d{4}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** I1: who, when, how, what was asked, and where to write (the guidance letter's address). */
export function LogContactModal({ opened, onClose, onLogged }: { opened: boolean; onClose: () => void; onLogged: (c: ContactDetail) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [channel, setChannel] = useState<ContactChannel>('phone');
  const [date, setDate] = useState(() => isoDateInJapan(new Date()));
  const [time, setTime] = useState('');
  const [name, setName] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [address, setAddress] = useState('');
  const [contactDetail, setContactDetail] = useState('');
  const [kinds, setKinds] = useState<RequestKind[]>([]);
  const [note, setNote] = useState('');
  const [letterLang, setLetterLang] = useState<'ja' | 'en'>('ja');
  const [tried, setTried] = useState(false);

  const iso = readDate(date);
  const errors = {
    date: !iso ? t('contacts.errors.date') : null,
    time: time.trim() && !TIME.test(time.trim()) ? t('contacts.errors.time') : null,
    name: !name.trim() ? t('contacts.errors.required') : null,
    postalCode: !POSTAL.test(postalCode.normalize('NFKC').trim()) ? t('contacts.errors.postalCode') : null,
    address: !address.trim() ? t('contacts.errors.required') : null,
  };
  const shown = (k: keyof typeof errors) => (tried ? errors[k] : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean) || !iso) return;
    const r = await run(() =>
      kaiji.contacts.log({
        channel,
        contactedOn: iso,
        ...(time.trim() ? { contactedTime: time.trim() } : {}),
        name: name.trim(),
        postalCode: postalCode.normalize('NFKC').trim(),
        address: address.trim(),
        contactDetail: contactDetail.trim(),
        requestedKinds: kinds,
        requestNote: note.trim(),
        lang: letterLang,
      }),
    );
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('contacts.logged', { no: r.value.contactNo }) });
      setTried(false);
      setName('');
      setPostalCode('');
      setAddress('');
      setContactDetail('');
      setKinds([]);
      setNote('');
      setTime('');
      onLogged(r.value);
    }
  };

  return (
    <FormModal opened={opened} onClose={onClose} title={t('contacts.logTitle')} onSubmit={(e) => void submit(e)} loading={loading} submitTestId="contact-submit" submitLabel={t('contacts.log')}>
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} mb={4} id="contact-channel-label">
            {t('contacts.fields.channel')}
          </Text>
          <SegmentedControl
            data-testid="contact-channel"
            aria-labelledby="contact-channel-label"
            fullWidth
            value={channel}
            onChange={(v) => setChannel(v as ContactChannel)}
            data={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`contacts.channels.${c}`) }))}
          />
        </div>
        <SimpleGrid cols={2}>
          <EraDateInput testId="contact-date" label={t('contacts.fields.contactedOn')} value={date} onChange={setDate} required />
          <TextInput data-testid="contact-time" label={t('contacts.fields.contactedTime')} placeholder="10:15" value={time} onChange={(e) => setTime(e.currentTarget.value)} error={shown('time')} maxLength={5} />
        </SimpleGrid>
        <TextInput data-testid="contact-name" label={t('contacts.fields.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={shown('name')} maxLength={120} data-autofocus />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput data-testid="contact-postal" label={t('contacts.fields.postalCode')} required placeholder="169-0051" value={postalCode} onChange={(e) => setPostalCode(e.currentTarget.value)} error={shown('postalCode')} maxLength={10} />
          <Textarea
            data-testid="contact-address"
            label={t('contacts.fields.address')}
            required
            autosize
            minRows={1}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            error={shown('address')}
            maxLength={300}
            style={{ gridColumn: 'span 2' }}
          />
        </SimpleGrid>
        <TextInput data-testid="contact-detail" label={t('contacts.fields.contactDetail')} value={contactDetail} onChange={(e) => setContactDetail(e.currentTarget.value)} maxLength={200} />
        <Checkbox.Group label={t('contacts.fields.kinds')} value={kinds} onChange={(v) => setKinds(v as RequestKind[])}>
          <Group gap="md" mt={4}>
            {REQUEST_KINDS.map((k) => (
              <Checkbox key={k} value={k} data-testid={`contact-kind-${k}`} label={REQUEST_KIND_LABELS[k][lang]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea data-testid="contact-note" label={t('contacts.fields.requestNote')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} />
        <Group gap="sm" align="center">
          <Text size="sm" fw={500} id="contact-lang-label">
            {t('contacts.fields.lang')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="contact-lang-label"
            value={letterLang}
            onChange={(v) => setLetterLang(v as 'ja' | 'en')}
            data={(['ja', 'en'] as const).map((l) => ({ value: l, label: t(`contacts.langs.${l}`) }))}
          />
        </Group>
        {tried && errors.date && (
          <Text size="sm" c="red">
            {errors.date}
          </Text>
        )}
      </Stack>
    </FormModal>
  );
}
