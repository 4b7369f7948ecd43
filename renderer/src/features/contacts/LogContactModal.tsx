import { Checkbox, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '@shared/contract';
import type { ContactDetail } from '@shared/contract/contacts-types';
import { isoDateInJapan } from '@shared/domain/dates';
import { CONTACT_CHANNELS } from '@shared/domain/letters/templates-guidance';
import { REQUEST_KINDS, REQUEST_KIND_LABELS } from '@shared/domain/page-kind';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { EraDateInput, readDate } from '../../ui/EraDateInput';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { FormModal } from '../../ui/FormModal';
import { useCall } from '../../ui/useCall';

// #13 item 11c: checked by `contacts.log`'s own schema before any call.
const logSchema = contractSchema('contacts.log');

/** The channel's input as the fields hold it (every key present; the date as typed, era or Western). */
type ContactValues = Required<ChannelInput<'contacts.log'>>;

/** The channel's input: the date read to ISO, a time only when given, the postal code's digits half-width (IME). */
const contactInput = ({ contactedOn, contactedTime, postalCode, ...rest }: ContactValues) => ({
  ...rest,
  contactedOn: readDate(contactedOn) ?? contactedOn,
  ...(contactedTime.trim() ? { contactedTime: contactedTime.normalize('NFKC').trim() } : {}),
  postalCode: postalCode.normalize('NFKC').trim(),
});

/** I1: who, when, how, what was asked, and where to write (the guidance letter's address). */
export function LogContactModal({ opened, onClose, onLogged }: { opened: boolean; onClose: () => void; onLogged: (c: ContactDetail) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const { form, submit } = useContractForm({
    schema: logSchema,
    initialValues: {
      channel: 'phone',
      contactedOn: isoDateInJapan(new Date()),
      contactedTime: '',
      name: '',
      postalCode: '',
      address: '',
      contactDetail: '',
      requestedKinds: [],
      requestNote: '',
      lang: 'ja',
    } as ContactValues,
    toInput: contactInput,
  });

  const onSubmit = submit(async (input) => {
    const r = await run(() => kaiji.contacts.log(input));
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('contacts.logged', { no: r.value.contactNo }) });
      // Channel, day and letter language stay for the next call of the day.
      form.setValues({ contactedTime: '', name: '', postalCode: '', address: '', contactDetail: '', requestedKinds: [], requestNote: '' });
      form.clearErrors();
      onLogged(r.value);
    }
  });

  return (
    <FormModal opened={opened} onClose={onClose} title={t('contacts.logTitle')} onSubmit={onSubmit} loading={loading} submitTestId="contact-submit" submitLabel={t('contacts.log')}>
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} mb={4} id="contact-channel-label">
            {t('contacts.fields.channel')}
          </Text>
          <SegmentedControl
            data-testid="contact-channel"
            aria-labelledby="contact-channel-label"
            fullWidth
            {...form.getInputProps('channel')}
            data={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`contacts.channels.${c}`) }))}
          />
        </div>
        <SimpleGrid cols={2}>
          <EraDateInput testId="contact-date" label={t('contacts.fields.contactedOn')} required {...form.getInputProps('contactedOn')} />
          <TextInput data-testid="contact-time" label={t('contacts.fields.contactedTime')} placeholder="10:15" {...form.getInputProps('contactedTime')} maxLength={5} />
        </SimpleGrid>
        <TextInput data-testid="contact-name" label={t('contacts.fields.name')} required {...form.getInputProps('name')} maxLength={120} data-autofocus />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput data-testid="contact-postal" label={t('contacts.fields.postalCode')} required placeholder="169-0051" {...form.getInputProps('postalCode')} maxLength={10} />
          <Textarea
            data-testid="contact-address"
            label={t('contacts.fields.address')}
            required
            autosize
            minRows={1}
            {...form.getInputProps('address')}
            maxLength={300}
            style={{ gridColumn: 'span 2' }}
          />
        </SimpleGrid>
        <TextInput data-testid="contact-detail" label={t('contacts.fields.contactDetail')} {...form.getInputProps('contactDetail')} maxLength={200} />
        <Checkbox.Group label={t('contacts.fields.kinds')} {...form.getInputProps('requestedKinds')}>
          <Group gap="md" mt={4}>
            {REQUEST_KINDS.map((k) => (
              <Checkbox key={k} value={k} data-testid={`contact-kind-${k}`} label={REQUEST_KIND_LABELS[k][lang]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea data-testid="contact-note" label={t('contacts.fields.requestNote')} autosize minRows={2} {...form.getInputProps('requestNote')} maxLength={2000} />
        <Group gap="sm" align="center">
          <Text size="sm" fw={500} id="contact-lang-label">
            {t('contacts.fields.lang')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="contact-lang-label"
            {...form.getInputProps('lang')}
            data={(['ja', 'en'] as const).map((l) => ({ value: l, label: t(`contacts.langs.${l}`) }))}
          />
        </Group>
      </Stack>
    </FormModal>
  );
}
