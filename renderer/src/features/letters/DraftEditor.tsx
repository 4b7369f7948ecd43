import { Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterDetail, LetterRecipient } from '@shared/contract/letters-types';
import type { LetterSection } from '@shared/domain/letters/types';
import { kaiji } from '../../api';
import { useCall } from '../../ui/useCall';

/** Paragraphs separated by blank lines <-> string[] (a paragraph may not contain a blank line). */
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const joinParagraphs = (items: readonly string[]) => items.join('\n\n');

/** Sections as text: heading line, item lines; blank line between sections. */
function sectionsToText(sections: readonly LetterSection[]): string {
  return sections.map((s) => [s.heading, ...s.items].join('\n')).join('\n\n');
}
function textToSections(text: string): LetterSection[] {
  return paragraphs(text).map((block) => {
    const [heading = '', ...items] = block.split('\n').map((l) => l.trimEnd());
    return { heading, items: items.filter((l) => l.trim() !== '') };
  });
}

/** Staff edit a draft's words and address before issuing (issue #6 item 2). */
export function DraftEditor({ letter, onSaved }: { letter: LetterDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const d = letter.draft;
  const [title, setTitle] = useState(d.title);
  const [salutation, setSalutation] = useState(d.salutation);
  const [body, setBody] = useState(joinParagraphs(d.body));
  const [sections, setSections] = useState(sectionsToText(d.sections));
  const [notes, setNotes] = useState(joinParagraphs(d.notes));
  const [recipient, setRecipient] = useState<LetterRecipient>(letter.recipient);
  // #16 item 3: the version the text here was typed on; after a conflict, the reloaded one
  // (the text typed here stays for a deliberate second save).
  const base = useRef({ version: letter.version ?? 1, rebase: false });
  if (base.current.rebase && (letter.version ?? 1) > base.current.version) base.current = { version: letter.version ?? 1, rebase: false };

  const save = async () => {
    const r = await run(() =>
      kaiji.letters.update({
        id: letter.id,
        draft: {
          title,
          salutation,
          body: paragraphs(body),
          complimentaryClose: d.complimentaryClose,
          itemsMarker: d.itemsMarker,
          sections: textToSections(sections),
          notes: paragraphs(notes),
          closing: d.closing,
        },
        recipient,
        version: base.current.version,
      }),
    );
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
  };

  return (
    <Stack gap="sm" data-testid="draft-editor">
      <Title order={5}>{t('letters.edit.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput label={t('letters.edit.recipientPostalCode')} value={recipient.postalCode} onChange={(e) => setRecipient({ ...recipient, postalCode: e.currentTarget.value })} />
        <TextInput label={t('letters.edit.recipientName')} value={recipient.name} onChange={(e) => setRecipient({ ...recipient, name: e.currentTarget.value })} data-testid="draft-recipient-name" />
        <Select
          label={t('letters.edit.honorific')}
          data={['様', '御中']}
          value={recipient.honorific}
          allowDeselect={false}
          onChange={(v) => v && setRecipient({ ...recipient, honorific: v as LetterRecipient['honorific'] })}
        />
      </SimpleGrid>
      <Textarea label={t('letters.edit.recipientAddress')} value={recipient.address} autosize minRows={1} onChange={(e) => setRecipient({ ...recipient, address: e.currentTarget.value })} />
      <TextInput label={t('letters.edit.heading')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="draft-title" />
      <TextInput label={t('letters.edit.salutation')} value={salutation} onChange={(e) => setSalutation(e.currentTarget.value)} />
      <Textarea label={t('letters.edit.body')} value={body} autosize minRows={4} maxRows={16} onChange={(e) => setBody(e.currentTarget.value)} data-testid="draft-body" />
      <Textarea label={t('letters.edit.sections')} value={sections} autosize minRows={3} maxRows={16} onChange={(e) => setSections(e.currentTarget.value)} data-testid="draft-sections" />
      <Textarea label={t('letters.edit.notes')} value={notes} autosize minRows={2} maxRows={8} onChange={(e) => setNotes(e.currentTarget.value)} />
      <Group justify="flex-end">
        <Button size="xs" variant="light" onClick={() => void save()} loading={loading} data-testid="draft-save">
          {t('letters.edit.save')}
        </Button>
      </Group>
    </Stack>
  );
}
