/**
 * renderLetter: one letter as an A4 PDF (pdf-lib), Noto Sans JP embedded as a HarfBuzz
 * subset of exactly the characters printed (forms/fonts.ts; fontkit's own subsetting drops
 * Japanese glyphs). Deterministic: the same input gives the same bytes (dates in the PDF's
 * metadata come from `issuedOn`), so the hash in the audit trail can be re-checked.
 */
import { createHash } from 'node:crypto';
import { degrees, PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { KaijiError } from '../../../../shared/errors';
import { isValidIsoDate } from '../../../../shared/domain/dates';
import { formatLetterDate, formatPostalCode, letterQrPayload, type LetterCompany, type LetterDraft, type LetterLang, type LetterRecipient } from '../../../../shared/domain/letters';
import { fitSize, GREY, INK, line, RED, textWidth } from '../../forms/draw';
import { charsWithoutGlyph, deflatePageContents, embedJapaneseFont } from '../../forms/fonts';
import { drawQr } from '../../forms/qr';
import { wrapText } from '../../forms/text-layout';
import { flow, type PlacedLine } from './flow';
import { ADDRESS_BLOCK, CASE_NO_TOP, CONTINUATION_TOP, DATE_TOP, BODY_BOTTOM, FOLD_LINES_MM, FOOTER_TOP, HEADER_RIGHT, MARGIN, MM, PAGE, QR_ZONE, SENDER_ZONE, TEXT_WIDTH, TITLE_MIN_TOP } from './geometry';
import { BODY_SIZE, letterBlocks, TITLE_SIZE } from './letter-blocks';

export interface LetterRenderInput {
  letterId: string;
  caseNo: string;
  lang: LetterLang;
  /** YYYY-MM-DD; printed 令和8年11月24日 (ja) or 24 November 2026 (en). */
  issuedOn: string;
  recipient: LetterRecipient;
  sender: LetterCompany;
  draft: LetterDraft;
  /** A reprint: 控 / COPY on every page. */
  copy?: boolean;
}

export interface RenderedPdf {
  pdf: Uint8Array;
  pageCount: number;
  /** Hex SHA-256 of `pdf`. */
  sha256: string;
}

const COPY_MARK = '控　COPY';
const DIGITS = '0123456789 /';

/** Every string the page will print (the font subset is made from it). */
function printedText(input: LetterRenderInput, texts: ReturnType<typeof fixedTexts>): string {
  const d = input.draft;
  return [
    d.title, d.salutation, ...d.body, d.complimentaryClose, d.itemsMarker,
    ...d.sections.flatMap((s) => [s.heading, ...s.items]), ...d.notes, d.closing,
    ...Object.values(input.recipient), ...Object.values(input.sender),
    ...Object.values(texts), input.copy ? COPY_MARK : '', DIGITS, '〒　',
  ].join('\n');
}

function fixedTexts(input: LetterRenderInput) {
  const ja = input.lang === 'ja';
  return {
    caseLabel: ja ? `受付番号 ${input.caseNo}` : `Case No. ${input.caseNo}`,
    date: formatLetterDate(input.issuedOn, input.lang),
    continued: ja ? `${input.draft.title}（続き）` : `${input.draft.title} (continued)`,
    recipientPostal: formatPostalCode(input.recipient.postalCode),
    senderPostal: formatPostalCode(input.sender.postalCode),
  };
}

const rightAligned = (page: PDFPage, text: string, right: number, top: number, size: number, font: PDFFont, color = INK) =>
  line(page, text, right - textWidth(font, text, size), top, size, font, color);

/**
 * 〒, address lines and name + 様 inside ADDRESS_BLOCK. A long address or name shrinks the
 * whole block (down to 60 %, ~6.3 pt; a long name wraps); beyond that the letter
 * is refused (LETTER_ADDRESS_TOO_LONG) rather than printed with part of the address hidden.
 */
function drawRecipient(page: PDFPage, r: LetterRecipient, postal: string, font: PDFFont): void {
  const z = ADDRESS_BLOCK;
  const name = `${r.name.trim()}　${r.honorific}`;
  const layout = (scale: number) => {
    const small = 10.5 * scale;
    const indent = small;
    const address = wrapText(r.address.trim(), (s) => textWidth(font, s, small), z.width - indent);
    // The name shrinks to fit one line, but not below 11 pt × scale: longer names wrap instead.
    const big = Math.max(fitSize(name, font, 14 * scale, z.width - small * 0.5, 4), 11 * scale);
    const names = wrapText(name, (s) => textWidth(font, s, big), z.width - small * 0.5);
    const height = small * 1.35 * ((postal ? 1 : 0) + address.length) + small * 0.6 + big * (1 + 1.25 * (names.length - 1));
    return { small, indent, address, big, names, height };
  };
  let l = layout(1);
  for (let scale = 0.95; l.height > z.height && scale >= 0.6; scale -= 0.05) l = layout(scale);
  let top = z.y;
  if (postal) {
    line(page, postal, z.x, top, l.small, font);
    top += l.small * 1.35;
  }
  // Never drop an address line silently: a letter that cannot show its address is refused.
  if (l.height > z.height) throw new KaijiError('LETTER_ADDRESS_TOO_LONG');
  for (const a of l.address) {
    line(page, a, z.x + l.indent, top, l.small, font);
    top += l.small * 1.35;
  }
  top += l.small * 0.6;
  for (const n of l.names) {
    line(page, n, z.x + l.small * 0.5, top, l.big, font);
    top += l.big * 1.25;
  }
}

/** Company, administrator, address and contact point in the right column; returns its bottom. */
function drawSender(page: PDFPage, s: LetterCompany, postal: string, font: PDFFont): number {
  const z = SENDER_ZONE;
  let top = z.y;
  for (const [text, size] of [[s.name, 10.5], [s.administratorTitle, 10.5]] as const) {
    line(page, text, z.x, top, fitSize(text, font, size, z.width), font);
    top += size * 1.4;
  }
  const small = 8.5;
  for (const text of [postal, s.address, s.contactPoint].filter((t) => t.trim() !== '')) {
    for (const l of wrapText(text, (t) => textWidth(font, t, small), z.width)) {
      line(page, l, z.x, top, small, font, GREY);
      top += small * 1.35;
    }
  }
  return top;
}

function drawCopyMark(page: PDFPage, font: PDFFont): void {
  const size = 11;
  const w = textWidth(font, COPY_MARK, size) + 12;
  const x = (PAGE.width - w) / 2;
  page.drawRectangle({ x, y: PAGE.height - 5 * MM - size - 8, width: w, height: size + 8, borderColor: RED, borderWidth: 1.2 });
  line(page, COPY_MARK, x + 6, 5 * MM + 4, size, font, RED);
  // A faint diagonal 控 across the page: a copy cannot pass for the original, text stays legible.
  page.drawText('控', { x: PAGE.width / 2 - 120, y: PAGE.height / 2 - 150, size: 300, font, color: rgb(0.85, 0.2, 0.2), opacity: 0.08, rotate: degrees(30) });
}

function drawFoldMarks(page: PDFPage): void {
  for (const mm of FOLD_LINES_MM) {
    const y = PAGE.height - mm * MM;
    page.drawLine({ start: { x: 0, y }, end: { x: 4 * MM, y }, thickness: 0.4, color: GREY });
  }
}

/** Tabs become spaces and other control characters go: staff paste text from anywhere. */
const clean = (s: string) => s.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

function cleanDraft(d: LetterDraft): LetterDraft {
  return {
    ...d,
    title: clean(d.title),
    salutation: clean(d.salutation),
    body: d.body.map(clean),
    complimentaryClose: clean(d.complimentaryClose),
    itemsMarker: clean(d.itemsMarker),
    sections: d.sections.map((x) => ({ heading: clean(x.heading), items: x.items.map(clean) })),
    notes: d.notes.map(clean),
    closing: clean(d.closing),
  };
}

/** `fullOutlines`: the font's outlines as drawn (tests compare the compact ones against them). */
export async function renderLetter(raw: LetterRenderInput, opts: { fullOutlines?: boolean } = {}): Promise<RenderedPdf> {
  const input = { ...raw, draft: cleanDraft(raw.draft) };
  if (!isValidIsoDate(input.issuedOn)) throw new KaijiError('INVALID_INPUT', { field: 'issuedOn' });
  const qr = letterQrPayload(input.caseNo, input.letterId);
  const texts = fixedTexts(input);
  const all = printedText(input, texts);
  const noGlyph = await charsWithoutGlyph(all);
  if (noGlyph.length > 0) throw new KaijiError('LETTER_GLYPH_MISSING', { chars: noGlyph.join(' ') });

  const doc = await PDFDocument.create();
  const at = new Date(`${input.issuedOn}T00:00:00+09:00`);
  doc.setTitle(input.draft.title);
  doc.setCreator('Kaiji');
  doc.setProducer('Kaiji (pdf-lib)');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  doc.setLanguage(input.lang === 'ja' ? 'ja-JP' : 'en');
  // Compact outlines (forms/compact-font.ts): the largest letter 39 -> 29 KB, drawn the same (#14).
  const font = await embedJapaneseFont(doc, 'regular', all, { compact: !opts.fullOutlines });
  const widthOf = (s: string, size: number) => textWidth(font, s, size);

  // Page 1 header, to know where the title goes.
  const first = doc.addPage([PAGE.width, PAGE.height]);
  rightAligned(first, texts.caseLabel, HEADER_RIGHT, CASE_NO_TOP, 9, font);
  rightAligned(first, texts.date, HEADER_RIGHT, DATE_TOP, 10.5, font);
  drawRecipient(first, input.recipient, texts.recipientPostal, font);
  const senderBottom = drawSender(first, input.sender, texts.senderPostal, font);

  let top = Math.max(TITLE_MIN_TOP, senderBottom + 6 * MM);
  for (const t of wrapText(input.draft.title, (s) => widthOf(s, TITLE_SIZE), TEXT_WIDTH)) {
    const x = MARGIN.left + (TEXT_WIDTH - widthOf(t, TITLE_SIZE)) / 2;
    // One weight only: a second (bold) subset would cost another HarfBuzz pass and ~6 KB.
    line(first, t, x, top, TITLE_SIZE, font);
    top += TITLE_SIZE * 1.5;
  }

  const leading = input.lang === 'ja' ? 1.7 : 1.5;
  const { lines, pageCount } = flow(
    letterBlocks(input.draft, input.sender),
    { left: MARGIN.left, width: TEXT_WIDTH, firstTop: top + BODY_SIZE, nextTop: CONTINUATION_TOP, bottom: BODY_BOTTOM, leading },
    widthOf,
  );
  const pages = [first];
  while (pages.length < pageCount) pages.push(doc.addPage([PAGE.width, PAGE.height]));
  for (const l of lines as PlacedLine[]) line(pages[l.page]!, l.text, l.x, l.top, l.size, font);

  pages.forEach((page, i) => {
    drawQr(page, qr, QR_ZONE);
    drawFoldMarks(page);
    if (i > 0) line(page, texts.continued, MARGIN.left, 16 * MM, 9, font, GREY);
    const pageNo = `${i + 1} / ${pageCount}`;
    line(page, pageNo, (PAGE.width - widthOf(pageNo, 10)) / 2, FOOTER_TOP, 10, font);
    rightAligned(page, texts.caseLabel, PAGE.width - MARGIN.right, FOOTER_TOP, 9, font);
    if (input.copy) drawCopyMark(page, font);
  });

  deflatePageContents(doc);
  const pdf = await doc.save({ useObjectStreams: true });
  return { pdf, pageCount, sha256: createHash('sha256').update(pdf).digest('hex') };
}
