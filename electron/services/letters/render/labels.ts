/**
 * Address labels: the alternative to window envelopes. A4 sheet of 12 labels (2 × 6),
 * 86.4 × 42.3 mm each, no gaps, 18.6 mm side and 21.6 mm top margins - the common 12面
 * label stock (e.g. A-one 72212 and compatible sheets).
 */
import { createHash } from 'node:crypto';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { KaijiError } from '../../../../shared/errors';
import { formatPostalCode, type LetterRecipient } from '../../../../shared/domain/letters';
import { fitSize, GREY, line, textWidth } from '../../forms/draw';
import { charsWithoutGlyph, embedJapaneseFont } from '../../forms/fonts';
import { wrapText } from '../../forms/text-layout';
import { MM, PAGE } from './geometry';
import type { RenderedPdf } from './render-letter';

export const LABEL_SHEET = { columns: 2, rows: 6, width: 86.4, height: 42.3, left: 18.6, top: 21.6, padding: 5 } as const;

export interface LabelRecipient extends LetterRecipient {
  /** Printed small in the label's corner so staff can match envelope and letter. */
  caseNo?: string;
}

export interface LabelOptions {
  /** Labels already used on the first sheet (0-11): printing starts after them. */
  skip?: number;
  /** Outline every label (for a test print on plain paper). */
  outlines?: boolean;
}

/** Top-left corner (pt, top-left origin) of label `index` on its sheet. */
export function labelOrigin(index: number): { x: number; y: number } {
  const col = index % LABEL_SHEET.columns;
  const row = Math.floor(index / LABEL_SHEET.columns) % LABEL_SHEET.rows;
  return { x: (LABEL_SHEET.left + col * LABEL_SHEET.width) * MM, y: (LABEL_SHEET.top + row * LABEL_SHEET.height) * MM };
}

function drawLabel(page: PDFPage, r: LabelRecipient, index: number, font: PDFFont, outlines: boolean): void {
  const { x, y } = labelOrigin(index);
  const pad = LABEL_SHEET.padding * MM;
  const width = LABEL_SHEET.width * MM - 2 * pad;
  if (outlines) page.drawRectangle({ x, y: PAGE.height - y - LABEL_SHEET.height * MM, width: LABEL_SHEET.width * MM, height: LABEL_SHEET.height * MM, borderColor: GREY, borderWidth: 0.3 });
  const height = LABEL_SHEET.height * MM - 2 * pad;
  const name = `${r.name.trim()}　${r.honorific}`;
  const postal = formatPostalCode(r.postalCode);
  // Shrink the whole label until it fits (down to 70 %); never cut an address line.
  let fit: { small: number; address: string[]; big: number; names: string[] } | undefined;
  for (let scale = 1; scale >= 0.7 && !fit; scale -= 0.05) {
    const small = 10 * scale;
    const address = wrapText(r.address.trim(), (s) => textWidth(font, s, small), width - small);
    // Long names wrap rather than shrink below 10 pt × scale.
    const big = Math.max(fitSize(name, font, 13 * scale, width - small * 0.5, 4), 10 * scale);
    const names = wrapText(name, (s) => textWidth(font, s, big), width - small * 0.5);
    if (small * 1.3 * ((postal ? 1 : 0) + address.length) + 3 + big * (1 + 1.2 * (names.length - 1)) <= height - 6) fit = { small, address, big, names };
  }
  if (!fit) throw new KaijiError('LETTER_ADDRESS_TOO_LONG');
  let top = y + pad;
  if (postal) {
    line(page, postal, x + pad, top, fit.small, font);
    top += fit.small * 1.3;
  }
  for (const a of fit.address) {
    line(page, a, x + pad + fit.small, top, fit.small, font);
    top += fit.small * 1.3;
  }
  top += 3;
  for (const n of fit.names) {
    line(page, n, x + pad + fit.small * 0.5, top, fit.big, font);
    top += fit.big * 1.2;
  }
  if (r.caseNo) {
    const size = 6.5;
    const w = textWidth(font, r.caseNo, size);
    line(page, r.caseNo, x + LABEL_SHEET.width * MM - pad - w, y + LABEL_SHEET.height * MM - pad * 0.6 - size, size, font, GREY);
  }
}

export async function renderAddressLabels(recipients: readonly LabelRecipient[], options: LabelOptions = {}): Promise<RenderedPdf> {
  const perSheet = LABEL_SHEET.columns * LABEL_SHEET.rows;
  const skip = Math.max(0, Math.min(perSheet - 1, Math.floor(options.skip ?? 0)));
  if (recipients.length === 0) throw new KaijiError('INVALID_INPUT', { field: 'recipients' });
  const all = recipients.flatMap((r) => [formatPostalCode(r.postalCode), r.address, r.name, r.honorific, r.caseNo ?? '']).join('\n') + '　';
  const noGlyph = await charsWithoutGlyph(all);
  if (noGlyph.length > 0) throw new KaijiError('LETTER_GLYPH_MISSING', { chars: noGlyph.join(' ') });
  const doc = await PDFDocument.create();
  doc.setTitle('宛名ラベル');
  doc.setCreator('Kaiji');
  doc.setProducer('Kaiji (pdf-lib)');
  const fixed = new Date(0);
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  const font = await embedJapaneseFont(doc, 'regular', all);
  let page: PDFPage | undefined;
  recipients.forEach((r, i) => {
    const slot = skip + i;
    if (!page || slot % perSheet === 0) page = doc.addPage([PAGE.width, PAGE.height]);
    drawLabel(page, r, slot % perSheet, font, options.outlines ?? false);
  });
  const pdf = await doc.save({ useObjectStreams: true });
  return { pdf, pageCount: doc.getPageCount(), sha256: createHash('sha256').update(pdf).digest('hex') };
}
