/** How typed values look inside their boxes; shared by form generation and filling. */
import type { FormField } from '../../../shared/domain/application-form';

/** Widgets sit inside the printed box so their appearance never paints over its border. */
export const WIDGET_INSET = 1.5;

/** Font size (pt) for a text or date field: large enough to read back from a 200 dpi scan. */
export function fieldFontSize(field: FormField): number {
  if (field.multiline) return 9;
  if (field.name === 'subject.name' || field.name === 'agent.name') return 13;
  if (field.zone.height <= 18) return 9;
  return 10.5;
}
