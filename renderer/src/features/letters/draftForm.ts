import type { LetterRecipient } from '@shared/contract/letters-types';
import type { LetterDraft, LetterSection } from '@shared/domain/letters/types';

/**
 * A letter draft as staff edit it (the case letters' editor and the contacts' guidance editor):
 * paragraphs separated by blank lines (a paragraph may not contain a blank line); a section is
 * its heading line followed by one line per item, sections separated by blank lines.
 */
export const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
export const joinParagraphs = (items: readonly string[]) => items.join('\n\n');

export function sectionsToText(sections: readonly LetterSection[]): string {
  return sections.map((s) => [s.heading, ...s.items].join('\n')).join('\n\n');
}
export function textToSections(text: string): LetterSection[] {
  return paragraphs(text).map((block) => {
    const [heading = '', ...items] = block.split('\n').map((l) => l.trimEnd());
    return { heading, items: items.filter((l) => l.trim() !== '') };
  });
}

/** The editor's fields: the address as stored, the words as text boxes. */
export interface DraftValues {
  recipient: LetterRecipient;
  draft: { title: string; salutation: string; body: string; sections: string; notes: string };
}

export const draftValuesOf = (draft: DraftText, recipient: LetterRecipient): DraftValues => ({
  recipient,
  draft: { title: draft.title, salutation: draft.salutation, body: joinParagraphs(draft.body), sections: sectionsToText(draft.sections), notes: joinParagraphs(draft.notes) },
});

/** The draft's editable words as `letters.update` / `contacts.updateGuidance` take them (draftText). */
export type DraftText = Pick<LetterDraft, 'title' | 'salutation' | 'body' | 'complimentaryClose' | 'itemsMarker' | 'sections' | 'notes' | 'closing'>;

/** The draft sent back: the edited words, the parts not edited here as they were. */
export const draftOf = (v: DraftValues['draft'], original: DraftText): DraftText => ({
  complimentaryClose: original.complimentaryClose,
  itemsMarker: original.itemsMarker,
  closing: original.closing,
  title: v.title,
  salutation: v.salutation,
  body: paragraphs(v.body),
  sections: textToSections(v.sections),
  notes: paragraphs(v.notes),
});

/** #13 item 11c: a schema issue inside a paragraph, section or note is shown at its text box. */
export const draftFieldOf = (path: string) => path.replace(/^draft\.(body|sections|notes)\..*$/, 'draft.$1');
