/**
 * AcroForm fields of the application form, one widget per zone (choice: one per option),
 * named exactly as FIELD_NAMES so the filled PDF and later scans speak the same names.
 */
import { PDFName, PDFString, rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { FIELDS } from '../../../shared/domain/application-form';
import { pdfRect } from './draw';
import { WIDGET_INSET, fieldFontSize } from './field-style';

// Transparent, borderless widgets: the printed boxes underneath are the form's look, so a
// blank print, a computer-filled print and a viewer all show the same page.
const NO_CHROME = { borderWidth: 0, backgroundColor: undefined, borderColor: undefined, textColor: rgb(0, 0, 0) };

export function addFormFields(doc: PDFDocument, page: PDFPage, font: PDFFont): void {
  const form = doc.getForm();
  for (const f of FIELDS) {
    switch (f.kind) {
      case 'text':
      case 'date': {
        const tf = form.createTextField(f.name);
        if (f.multiline) tf.enableMultiline();
        tf.disableRichFormatting();
        tf.addToPage(page, { ...pdfRect(f.zone, WIDGET_INSET), ...NO_CHROME, font });
        tf.setFontSize(fieldFontSize(f));
        break;
      }
      case 'checkbox':
        form.createCheckBox(f.name).addToPage(page, { ...pdfRect(f.zone, 0.8), ...NO_CHROME });
        break;
      case 'choice': {
        const rg = form.createRadioGroup(f.name);
        for (const o of f.options ?? []) rg.addOptionToPage(o.value, page, { ...pdfRect(o.zone, 0.8), ...NO_CHROME });
        break;
      }
    }
  }
  // Appearances for the blank fields, drawn with the embedded Japanese font (pdf-lib would
  // otherwise fall back to Helvetica, which has no Japanese glyphs).
  form.updateFieldAppearances(font);
  // The font named in every field's /DA must be in the AcroForm's /DR: that is where a
  // viewer looks it up when it redraws a field while someone types. pdf-lib only puts it in
  // each widget's own appearance resources. NeedAppearances stays unset: every widget
  // already has an appearance, so viewers do not rebuild them on open.
  const acro = form.acroForm.dict;
  acro.set(PDFName.of('DR'), doc.context.obj({ Font: { [font.name]: font.ref } }));
  acro.set(PDFName.of('DA'), PDFString.of(`/${font.name} 10 Tf 0 g`));
}
