import { PDFDocument } from 'pdf-lib';
import type { Settings } from '@shared/contract';
import type { LetterDraft, LetterRecipient } from '@shared/domain/letters';
import { generateApplicationForm } from '../forms';
import { renderLetterPdf } from '../letters/letter-render';

/**
 * The guidance letter as mailed (I1): the letter's pages (the letters renderer, unchanged),
 * then the company's application form, the enclosure the letter names (I3). One PDF, so one
 * print job and one hash in the audit trail cover everything that goes into the envelope.
 * Deterministic like letters: dates come from `issuedOn`, so the same input gives the same bytes.
 */
export async function renderGuidancePdf(input: {
  draft: LetterDraft;
  recipient: LetterRecipient;
  contactNo: string;
  letterId: string;
  issuedOn: string;
  settings: Settings;
  sample: boolean;
}): Promise<{ pdf: Uint8Array; pageCount: number; letterPages: number }> {
  const letter = await renderLetterPdf({
    draft: input.draft,
    recipient: input.recipient,
    // The contact number takes the case number's place (header and QR code).
    caseNo: input.contactNo,
    letterId: input.letterId,
    issuedOn: input.issuedOn,
    settings: input.settings,
    sample: input.sample,
    copy: false,
  });
  const s = input.settings;
  const form = await generateApplicationForm({ name: s.companyName, address: s.companyAddress, contactPoint: s.contactPoint }, { fields: 'none' });
  const doc = await PDFDocument.load(letter.pdf);
  const formDoc = await PDFDocument.load(form);
  for (const page of await doc.copyPages(formDoc, formDoc.getPageIndices())) doc.addPage(page);
  const at = new Date(`${input.issuedOn}T00:00:00+09:00`);
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  const pdf = await doc.save({ useObjectStreams: false });
  return { pdf, pageCount: doc.getPageCount(), letterPages: letter.pageCount };
}
