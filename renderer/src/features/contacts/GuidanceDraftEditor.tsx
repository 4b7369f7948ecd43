import { SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ContactDetail, ContactGuidanceLetter } from '@shared/contract/contacts-types';
import { kaiji } from '../../api';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { useCall } from '../../ui/useCall';
import { draftFieldOf, draftOf, draftValuesOf, type DraftValues } from '../letters/draftForm';
import { DraftWordsFields } from '../letters/DraftWordsFields';

// #13 item 11c: the same text conventions and checks as the case letters' editor, by
// `contacts.updateGuidance`'s own schema.
const updateSchema = contractSchema('contacts.updateGuidance');

/** Staff adjust the guidance letter's words and address before issuing it. */
export function GuidanceDraftEditor({ contactId, letter, onSaved }: { contactId: string; letter: ContactGuidanceLetter; onSaved: (c: ContactDetail) => void }) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const { form, submit } = useContractForm({
    schema: updateSchema,
    initialValues: draftValuesOf(letter.draft, letter.recipient),
    toInput: (v: DraftValues) => ({ id: contactId, recipient: v.recipient, draft: draftOf(v.draft, letter.draft) }),
    fieldOf: draftFieldOf,
  });

  const save = submit(async (input) => {
    const r = await run(() => kaiji.contacts.updateGuidance(input));
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('letters.edit.saved') });
      onSaved(r.value);
    }
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="sm" data-testid="guidance-editor">
        <Title order={6}>{t('letters.edit.title')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('letters.edit.recipientPostalCode')} maxLength={8} {...form.getInputProps('recipient.postalCode')} />
          <TextInput label={t('letters.edit.recipientName')} maxLength={120} {...form.getInputProps('recipient.name')} />
          <Textarea label={t('letters.edit.recipientAddress')} autosize minRows={1} maxLength={300} {...form.getInputProps('recipient.address')} />
        </SimpleGrid>
        <DraftWordsFields form={form} loading={loading} testIds={{ body: 'guidance-body', save: 'guidance-save' }} />
      </Stack>
    </form>
  );
}
