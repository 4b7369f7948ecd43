import { degrees, PDFDocument, rgb } from 'pdf-lib';
import type { Settings } from '@shared/contract';
import type { LetterCompany, LetterDraft, LetterRecipient } from '@shared/domain/letters';
import { embedJapaneseFont } from '../forms/fonts';
import { renderAddressLabels, renderLetter } from './render';

const SAMPLE_MARK = '見本　SAMPLE';

/**
 * The one place the letter service meets the PDF renderer (render/README.md). A draft's
 * preview is stamped 見本 on every page, so a printed preview cannot pass for an issued letter.
 */
export async function renderLetterPdf(input: {
  draft: LetterDraft;
  recipient: LetterRecipient;
  caseNo: string;
  letterId: string;
  issuedOn: string;
  settings: Settings;
  sample: boolean;
  copy: boolean;
}): Promise<{ pdf: Uint8Array; pageCount: number }> {
  const r = await renderLetter({
    draft: input.draft,
    lang: input.draft.lang,
    recipient: input.recipient,
    caseNo: input.caseNo,
    letterId: input.letterId,
    issuedOn: input.issuedOn,
    sender: companyOf(input.settings),
    copy: input.copy,
  });
  return { pdf: input.sample ? await stampSample(r.pdf) : r.pdf, pageCount: r.pageCount };
}

export async function renderAddressLabelSheet(items: { recipient: LetterRecipient; caseNo: string }[]): Promise<Uint8Array> {
  return (await renderAddressLabels(items.map((i) => ({ ...i.recipient, caseNo: i.caseNo })))).pdf;
}

export function companyOf(s: Settings): LetterCompany {
  return { name: s.companyName, postalCode: s.companyPostalCode, address: s.companyAddress, contactPoint: s.contactPoint, administratorTitle: s.administratorTitle };
}

async function stampSample(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const font = await embedJapaneseFont(doc, 'bold', SAMPLE_MARK);
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const size = 64;
    const w = font.widthOfTextAtSize(SAMPLE_MARK, size);
    // Diagonal, light red: the text underneath stays readable for checking.
    page.drawText(SAMPLE_MARK, {
      x: width / 2 - (w / 2) * Math.cos(Math.PI / 4),
      y: height / 2 - (w / 2) * Math.sin(Math.PI / 4),
      size,
      font,
      color: rgb(0.85, 0.2, 0.2),
      opacity: 0.25,
      rotate: degrees(45),
    });
  }
  return doc.save({ useObjectStreams: false });
}
