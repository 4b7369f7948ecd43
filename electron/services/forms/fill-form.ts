/**
 * Fills the blank application form (from generateApplicationForm) and flattens it: the
 * result is what "filled in on a computer, then printed" looks like, so tests and demos can
 * produce realistic scans.
 *
 * The blank form's field font cannot be reused for new appearances (pdf-lib cannot draw
 * with a font it loaded from a file), so the values are drawn with a fresh HarfBuzz subset
 * of exactly their characters: a few KB, and every glyph is really there.
 */
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { FIELD_NAMES, fieldByName, type FieldName, type FormField } from '../../../shared/domain/application-form';
import { WIDGET_INSET, fieldFontSize } from './field-style';
import { charsWithoutGlyph, embedJapaneseFont } from './fonts';
import { wrapText } from './text-layout';

export type FormValues = Partial<Record<FieldName, string | boolean>>;

const MIN_SIZE = 5;
/** pdf-lib keeps ~2 pt between a widget's edge and its text. */
const TEXT_PADDING = 2;

export async function fillApplicationForm(pdf: Uint8Array, values: FormValues): Promise<Uint8Array> {
  const entries = Object.entries(values) as [FieldName, string | boolean][];
  for (const [name] of entries) {
    if (!(FIELD_NAMES as readonly string[]).includes(name)) throw new Error(`unknown form field "${name}"`);
  }
  const text = entries.flatMap(([, v]) => (typeof v === 'string' ? [v] : [])).join('');
  const missing = await charsWithoutGlyph(text);
  if (missing.length > 0) throw new Error(`no glyph for ${missing.map((c) => `U+${c.codePointAt(0)?.toString(16)}`).join(', ')}`);

  const doc = await PDFDocument.load(pdf);
  const form = doc.getForm();
  const font = await embedJapaneseFont(doc, 'regular', text || ' ');
  for (const [name, value] of entries) {
    const field = fieldByName(name);
    switch (field.kind) {
      case 'text':
      case 'date': {
        if (typeof value !== 'string') throw new Error(`${name} takes text`);
        const tf = form.getTextField(name);
        const { size, lines } = fit(field, value, font);
        tf.setFontSize(size);
        tf.setText(lines.join('\n'));
        tf.updateAppearances(font);
        break;
      }
      case 'checkbox': {
        if (typeof value !== 'boolean') throw new Error(`${name} takes true/false`);
        const cb = form.getCheckBox(name);
        if (value) cb.check();
        else cb.uncheck();
        break;
      }
      case 'choice': {
        // Accept the export value ('self') or the printed label ('本人').
        const option = field.options?.find((o) => o.value === value || o.label === value);
        if (!option) throw new Error(`${name}: not one of ${field.options?.map((o) => o.value).join(', ')}`);
        form.getRadioGroup(name).select(option.value);
        break;
      }
    }
  }
  // Our appearances are final; pdf-lib's default refresh would redraw them in Helvetica.
  form.flatten({ updateFieldAppearances: false });
  return doc.save();
}

/** The largest size <= the field's own at which the value fits its box (wrapped if multi-line). */
function fit(field: FormField, value: string, font: PDFFont): { size: number; lines: string[] } {
  const width = field.zone.width - 2 * (WIDGET_INSET + TEXT_PADDING);
  const height = field.zone.height - 2 * (WIDGET_INSET + TEXT_PADDING);
  for (let size = fieldFontSize(field); ; size -= 0.5) {
    const widthOf = (s: string) => font.widthOfTextAtSize(s, size);
    const lines = field.multiline ? wrapText(value, widthOf, width) : [value.replace(/\s*\n\s*/g, ' ')];
    const fits = lines.every((l) => widthOf(l) <= width) && lines.length * font.heightAtSize(size) <= height;
    if (fits || size - 0.5 < MIN_SIZE) return { size, lines };
  }
}
