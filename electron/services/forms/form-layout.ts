/**
 * Draws the static part of the application form (everything except the AcroForm fields)
 * from the zones in shared/domain/application-form.ts.
 */
import type { PDFFont, PDFPage } from 'pdf-lib';
import {
  ALIGNMENT_MARKS,
  CONTENT,
  FIELDS,
  FORM_ID,
  FORM_QR_PAYLOAD,
  FORM_VERSION,
  GROUP_LABELS,
  NOTES_ZONE,
  PAGE,
  QR_QUIET_ZONE,
  QR_ZONE,
  SECTIONS,
  type Zone,
} from '../../../shared/domain/application-form';
import type { CompanyInfo } from './company';
import { BAR, BLACK, CELL, GREY, INK, RED, RULE, box, fitSize, line, paragraph, paragraphHeight } from './draw';
import * as T from './form-texts';
import { drawQr } from './qr';

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export function drawForm(page: PDFPage, fonts: Fonts, company: CompanyInfo): void {
  for (const m of ALIGNMENT_MARKS) box(page, m.zone, { fill: BLACK });
  drawQr(page, FORM_QR_PAYLOAD, QR_ZONE);
  drawHeader(page, fonts, company);
  for (const s of SECTIONS) drawSection(page, fonts, s.title, s.titleEn, s.zone);
  for (const g of GROUP_LABELS) labelCell(page, fonts, g.label, g.labelEn, g.zone);
  for (const f of FIELDS) {
    if (f.labelStyle === 'cell') labelCell(page, fonts, f.label, f.labelEn, f.labelZone);
    else tickLabel(page, fonts, f.label, f.labelEn, f.labelZone);
    if (f.kind === 'checkbox') {
      box(page, f.zone, { border: BLACK, borderWidth: 0.8 });
      continue;
    }
    box(page, f.zone, { border: RULE });
    for (const o of f.options ?? []) {
      box(page, o.zone, { border: BLACK, borderWidth: 0.8 });
      tickLabel(page, fonts, o.label, o.labelEn, o.labelZone);
    }
  }
  // Checkbox rows get one frame around the whole row (like the other rows).
  for (const g of GROUP_LABELS) {
    const x = g.zone.x + g.zone.width;
    box(page, { ...g.zone, x, width: CONTENT.x + CONTENT.width - x }, { border: RULE });
  }
  drawNotes(page, fonts, company);
  drawFooter(page, fonts, 1, 1);
}

function drawHeader(page: PDFPage, { regular, bold }: Fonts, company: CompanyInfo): void {
  const x = CONTENT.x;
  const width = QR_QUIET_ZONE.x - x - 8;
  line(page, T.TITLE, x, 50, fitSize(T.TITLE, bold, 20, width), bold);
  line(page, T.TITLE_EN, x, 74, fitSize(T.TITLE_EN, regular, 9, width), regular, GREY);
  const to = T.addressee(company);
  line(page, to, x, 89, fitSize(to, regular, 10.5, width), regular);
  line(page, T.LEAD, x, 105, fitSize(T.LEAD, regular, 8, width), regular);
  line(page, T.LEAD_EN, x, 115, fitSize(T.LEAD_EN, regular, 5.8, width), regular, GREY);
}

function drawSection(page: PDFPage, { regular, bold }: Fonts, title: string, titleEn: string, zone: Zone): void {
  box(page, zone, { fill: BAR, border: RULE });
  const top = zone.y + (zone.height - 8.5) / 2;
  line(page, title, zone.x + 4, top, 8.5, bold);
  line(page, titleEn, zone.x + 8 + bold.widthOfTextAtSize(title, 8.5), top + 1.6, 6.5, regular, GREY);
}

/**
 * Grey cell: Japanese label on top, English sub-label below (wrapped onto a second line in
 * tall cells, else shrunk to fit).
 */
function labelCell(page: PDFPage, { regular, bold }: Fonts, label: string, labelEn: string, zone: Zone): void {
  box(page, zone, { fill: CELL, border: RULE });
  const w = zone.width - 6;
  const ja = fitSize(label, bold, 8, w);
  const en = 5.6;
  const wraps = regular.widthOfTextAtSize(labelEn, en) > w && zone.height >= 30;
  const enSize = wraps ? en : fitSize(labelEn, regular, en, w, 4.2);
  const enHeight = wraps ? paragraphHeight(labelEn, w, en, regular, 1.15) : enSize;
  const top = zone.y + Math.min(4, (zone.height - (ja + 2 + enHeight)) / 2);
  line(page, label, zone.x + 3, top, ja, bold);
  if (wraps) paragraph(page, labelEn, zone.x + 3, top + ja + 2, w, en, regular, GREY, 1.15);
  else line(page, labelEn, zone.x + 3, top + ja + 2, enSize, regular, GREY);
}

/** Text right of a tick box: Japanese and English on two lines, vertically centred. */
function tickLabel(page: PDFPage, { regular }: Fonts, label: string, labelEn: string, zone: Zone): void {
  const ja = fitSize(label, regular, 7.8, zone.width);
  const en = fitSize(labelEn, regular, 5.6, zone.width, 4.2);
  const top = zone.y + (zone.height - (ja + 1.5 + en)) / 2;
  line(page, label, zone.x, top, ja, regular);
  line(page, labelEn, zone.x, top + ja + 1.5, en, regular, GREY);
}

/** Notes for the applicant and the mailing address; font sizes shrink if they would overflow. */
function drawNotes(page: PDFPage, fonts: Fonts, company: CompanyInfo): void {
  let scale = 1;
  while (scale > 0.7 && notes(null, fonts, company, scale) > NOTES_ZONE.y + NOTES_ZONE.height - 4) scale -= 0.03;
  box(page, NOTES_ZONE, { border: RULE });
  notes(page, fonts, company, scale);
  drawEnvelopeSample(page, fonts);
}

const STAMP_W = 92;

/** Lays out (page === null: only measures) the notes; returns the y below the last line. */
function notes(page: PDFPage | null, { regular, bold }: Fonts, company: CompanyInfo, k: number): number {
  const z = NOTES_ZONE;
  const x = z.x + 6;
  const width = z.width - 12 - STAMP_W - 6;
  const put = (text: string, px: number, top: number, w: number, size: number, font: PDFFont, color = INK, lead = 1.2) =>
    page ? paragraph(page, text, px, top, w, size, font, color, lead) : top + paragraphHeight(text, w, size, font, lead);
  let y = z.y + 5;
  put(T.NOTES_TITLE, x, y, width, 8, bold);
  put(T.NOTES_TITLE_EN, x + bold.widthOfTextAtSize(T.NOTES_TITLE, 8) + 5, y + 1.5, width, 6, regular, GREY);
  y += 11;
  for (const n of T.NOTES) {
    put('・', x, y, 8, 6.6 * k, regular);
    y = put(n.ja, x + 7, y, width - 7, 6.6 * k, regular);
    y = put(n.en, x + 7, y, width - 7, 5.2 * k, regular, GREY, 1.18) + 1.2 * k;
  }
  // Mail-to strip across the full width, under a thin rule.
  y += 2;
  if (page) page.drawLine({ start: { x, y: PAGE.height - y }, end: { x: z.x + z.width - 6, y: PAGE.height - y }, thickness: 0.4, color: RULE });
  y += 3;
  const label = `${T.MAIL_TO} ${T.MAIL_TO_EN}`;
  const size = 7.5 * k;
  const mx = x + bold.widthOfTextAtSize(label, size) + 8;
  put(label, x, y, mx - x, size, bold);
  return put(T.mailTo(company), mx, y, z.x + z.width - 6 - mx, size, bold);
}

/** Sample of the red envelope marking (I2), right of the notes. */
function drawEnvelopeSample(page: PDFPage, { regular, bold }: Fonts): void {
  const sx = NOTES_ZONE.x + NOTES_ZONE.width - 6 - STAMP_W;
  const sy = NOTES_ZONE.y + 16;
  box(page, { x: sx, y: sy, width: STAMP_W, height: 22 }, { border: RED, borderWidth: 1 });
  const size = fitSize(T.ENVELOPE_MARK, bold, 10, STAMP_W - 8);
  line(page, T.ENVELOPE_MARK, sx + (STAMP_W - bold.widthOfTextAtSize(T.ENVELOPE_MARK, size)) / 2, sy + (22 - size) / 2, size, bold, RED);
  line(page, T.ENVELOPE_CAPTION, sx, sy + 25, 6.5, regular, RED);
  line(page, T.ENVELOPE_CAPTION_EN, sx, sy + 33, 5.2, regular, GREY);
  line(page, T.FEE_NOTE, sx, sy + 44, fitSize(T.FEE_NOTE, regular, 6.5, STAMP_W), regular);
}

function drawFooter(page: PDFPage, { regular }: Fonts, n: number, of: number): void {
  const text = T.footer(FORM_ID, FORM_VERSION, n, of);
  const size = 6.5;
  line(page, text, (PAGE.width - regular.widthOfTextAtSize(text, size)) / 2, PAGE.height - 28, size, regular, GREY);
}

/** Every character the static layout prints (for the font subset). */
export function staticText(company: CompanyInfo): string {
  const printed = [
    T.TITLE,
    T.TITLE_EN,
    T.LEAD,
    T.LEAD_EN,
    T.addressee(company),
    T.NOTES_TITLE,
    T.NOTES_TITLE_EN,
    ...T.NOTES.flatMap((n) => [n.ja, n.en]),
    '・',
    T.MAIL_TO,
    T.MAIL_TO_EN,
    T.mailTo(company),
    T.ENVELOPE_MARK,
    T.ENVELOPE_CAPTION,
    T.ENVELOPE_CAPTION_EN,
    T.FEE_NOTE,
    T.footer(FORM_ID, FORM_VERSION, 1, 1),
    '0123456789', // page numbers of other page counts
  ];
  const labels = [
    ...SECTIONS.flatMap((s) => [s.title, s.titleEn]),
    ...GROUP_LABELS.flatMap((g) => [g.label, g.labelEn]),
    ...FIELDS.flatMap((f) => [f.label, f.labelEn, ...(f.options ?? []).flatMap((o) => [o.label, o.labelEn])]),
  ];
  return [...printed, ...labels].join('');
}
