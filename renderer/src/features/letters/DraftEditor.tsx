import { Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterDetail } from '@shared/contract/letters-types';
import { kaiji } from '../../api';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { useCall } from '../../ui/useCall';
import { draftFieldOf, draftOf, draftValuesOf, type DraftValues } from './draftForm';
import { DraftWordsFields } from './DraftWordsFields';

// #13 item 11c: the words and the address are checked by `letters.update`'s own schema.
const updateSchema = contractSchema('letters.update');

/** Staff edit a draft's words and address before issuing (issue #6 item 2). */
export function DraftEditor({ letter, onSaved }: { letter: LetterDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  // #16 item 3: the version the text here was typed on; after a conflict, the reloaded one
  // (the text typed here stays for a deliberate second save).
  const base = useRef({ version: letter.version ?? 1, rebase: false });
  if (base.current.rebase && (letter.version ?? 1) > base.current.version) base.current = { version: letter.version ?? 1, rebase: false };
  const { form, submit } = useContractForm({
    schema: updateSchema,
    initialValues: draftValuesOf(letter.draft, letter.recipient),
    toInput: (v: DraftValues) => ({ id: letter.id, draft: draftOf(v.draft, letter.draft), recipient: v.recipient, version: base.current.version }),
    fieldOf: draftFieldOf,
  });

  const save = submit(async (input) => {
    const r = await run(() => kaiji.letters.update(input));
    if (!r.ok && r.error.code === 'CONFLICT') {
      // useCall showed the message; the reload brings the other desk's version.
      base.current = { version: Math.max(base.current.version, letter.version ?? 1), rebase: true };
      onSaved();
    }
    if (r.ok) {
      base.current = { version: r.value.version ?? base.current.version + 1, rebase: false };
      notifications.show({ color: 'teal', message: t('letters.edit.saved') });
      onSaved();
    }
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="sm" data-testid="draft-editor">
        <Title order={5}>{t('letters.edit.title')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput label={t('letters.edit.recipientPostalCode')} maxLength={8} {...form.getInputProps('recipient.postalCode')} />
          <TextInput label={t('letters.edit.recipientName')} maxLength={120} {...form.getInputProps('recipient.name')} data-testid="draft-recipient-name" />
          <Select label={t('letters.edit.honorific')} data={['様', '御中']} allowDeselect={false} {...form.getInputProps('recipient.honorific')} />
        </SimpleGrid>
        <Textarea label={t('letters.edit.recipientAddress')} autosize minRows={1} maxLength={300} {...form.getInputProps('recipient.address')} />
        <DraftWordsFields form={form} loading={loading} withSalutation testIds={{ title: 'draft-title', body: 'draft-body', sections: 'draft-sections', save: 'draft-save' }} />
      </Stack>
    </form>
  );
}
