import { Button, Group, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDetail, ContactGuidanceLetter } from '@shared/contract/contacts-types';
import type { LetterRecipient } from '@shared/contract/letters-types';
import type { LetterSection } from '@shared/domain/letters';
import { kaiji } from '../../api';
import { useCall } from '../../ui/useCall';

// The same text conventions as the case letters' editor: paragraphs split by blank lines;
// a section is its heading line followed by one line per item.
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const sectionsToText = (sections: readonly LetterSection[]) => sections.map((s) => [s.heading, ...s.items].join('\n')).join('\n\n');
const textToSections = (text: string): LetterSection[] =>
  paragraphs(text).map((block) => {
    const [heading = '', ...items] = block.split('\n').map((l) => l.trimEnd());
    return { heading, items: items.filter((l) => l.trim() !== '') };
  });

/** Staff adjust the guidance letter's words and address before issuing it. */
export function GuidanceDraftEditor({ contactId, letter, onSaved }: { contactId: string; letter: ContactGuidanceLetter; onSaved: (c: ContactDetail) => void }) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const d = letter.draft;
  const [recipient, setRecipient] = useState<LetterRecipient>(letter.recipient);
  const [title, setTitle] = useState(d.title);
  const [body, setBody] = useState(d.body.join('\n\n'));
  const [sections, setSections] = useState(sectionsToText(d.sections));
  const [notes, setNotes] = useState(d.notes.join('\n\n'));

  const save = async () => {
    const r = await run(() =>
      kaiji.contacts.updateGuidance({
        id: contactId,
        recipient,
        draft: {
          title,
          salutation: d.salutation,
          body: paragraphs(body),
          complimentaryClose: d.complimentaryClose,
          itemsMarker: d.itemsMarker,
          sections: textToSections(sections),
          notes: paragraphs(notes),
          closing: d.closing,
        },
      }),
    );
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('letters.edit.saved') });
      onSaved(r.value);
    }
  };

  return (
    <Stack gap="sm" data-testid="guidance-editor">
      <Title order={6}>{t('letters.edit.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('letters.edit.recipientPostalCode')} value={recipient.postalCode} onChange={(e) => setRecipient({ ...recipient, postalCode: e.currentTarget.value })} />
        <TextInput label={t('letters.edit.recipientName')} value={recipient.name} onChange={(e) => setRecipient({ ...recipient, name: e.currentTarget.value })} />
        <Textarea label={t('letters.edit.recipientAddress')} value={recipient.address} autosize minRows={1} onChange={(e) => setRecipient({ ...recipient, address: e.currentTarget.value })} />
      </SimpleGrid>
      <TextInput label={t('letters.edit.heading')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Textarea label={t('letters.edit.body')} value={body} autosize minRows={3} maxRows={12} onChange={(e) => setBody(e.currentTarget.value)} data-testid="guidance-body" />
      <Textarea label={t('letters.edit.sections')} value={sections} autosize minRows={3} maxRows={14} onChange={(e) => setSections(e.currentTarget.value)} />
      <Textarea label={t('letters.edit.notes')} value={notes} autosize minRows={2} maxRows={6} onChange={(e) => setNotes(e.currentTarget.value)} />
      <Group justify="flex-end">
        <Button size="xs" variant="light" onClick={() => void save()} loading={loading} data-testid="guidance-save">
          {t('letters.edit.save')}
        </Button>
      </Group>
    </Stack>
  );
}
