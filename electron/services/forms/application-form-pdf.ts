/**
 * Generates the company's blank application form 「個人情報開示等請求書」 as a fillable A4 PDF.
 *
 * Fonts (see fonts.ts): two HarfBuzz subsets of Noto Sans JP embedded whole.
 *  - Bold: only the characters printed in bold (title, labels) - a few KB.
 *  - Regular: the printed text plus, for the fillable variant, all of JIS X 0208 + NEC/IBM
 *    extensions (~7,500 characters). It is the fields' default-appearance font (AcroForm
 *    /DR), so a viewer that redraws a field while someone types has a glyph and a width for
 *    every kana and JIS kanji. Without it, typed Japanese shows as tofu in many viewers.
 *    Cost: ~1.4 MB. The alternatives were worse: NeedAppearances with no embedded font
 *    leaves the look to the viewer (Japanese often missing, and scans no longer match the
 *    zones); JIS level 1 only (~0.6 MB) misses many name kanji (e.g. 﨑, 彅, 嶋's variants).
 *    `fields: 'none'` gives a print-only form of ~40 KB for handwriting.
 */
import { PDFDocument } from 'pdf-lib';
import { fieldCharset } from './charset';
import type { CompanyInfo } from './company';
import { embedJapaneseFont } from './fonts';
import { addFormFields } from './form-fields';
import { drawForm, staticText } from './form-layout';
import { FORM_ID, FORM_VERSION, PAGE } from '../../../shared/domain/application-form';
import { TITLE, TITLE_EN } from './form-texts';

export type { CompanyInfo } from './company';

export interface FormPdfOptions {
  /** 'fillable' (default): AcroForm fields + full JIS font. 'none': print-only, tiny. */
  fields?: 'fillable' | 'none';
}

export async function generateApplicationForm(company: CompanyInfo, options: FormPdfOptions = {}): Promise<Uint8Array> {
  const fillable = (options.fields ?? 'fillable') === 'fillable';
  const printed = staticText(company);
  const doc = await PDFDocument.create();
  const [regular, bold] = await Promise.all([
    embedJapaneseFont(doc, 'regular', fillable ? printed + fieldCharset() : printed),
    embedJapaneseFont(doc, 'bold', printed),
  ]);
  doc.setTitle(`${TITLE} / ${TITLE_EN}`, { showInWindowTitleBar: true });
  doc.setSubject(`${FORM_ID} version ${FORM_VERSION}`);
  doc.setAuthor(company.name);
  doc.setCreator('Kaiji');
  doc.setProducer('Kaiji (pdf-lib)');
  doc.setLanguage('ja-JP');
  doc.setKeywords([FORM_ID, `v${FORM_VERSION}`]);
  const page = doc.addPage([PAGE.width, PAGE.height]);
  drawForm(page, { regular, bold }, company);
  if (fillable) addFormFields(doc, page, regular);
  return doc.save({ updateFieldAppearances: false });
}
