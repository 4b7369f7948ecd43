import type { z } from 'zod';
import { FIELD_NAMES, fieldByName, type FieldName } from '../domain/application-form';
import { readsAsPlausibleDate, type DateMeaning } from './input-text';

const NAMES: ReadonlySet<string> = new Set(FIELD_NAMES);
/** Unknown field names are refused: they would be stored and never shown (issue 11, finding 8). */
export const isFieldName = (field: string): field is FieldName => NAMES.has(field);

/** Date fields of the application form and what their dates mean (issue 11, finding 8). */
const DATE_FIELDS: Partial<Record<FieldName, DateMeaning>> = {
  'subject.birthDate': 'birth',
  'application.date': 'event',
};

/**
 * One value of `cases.setFields`, checked for its field: a date field holds a real date in
 * range (as typed: ISO or 和暦) or nothing; only multi-line fields keep line breaks.
 */
export function caseFieldValue(v: { field: string; value: string }, ctx: z.RefinementCtx): void {
  if (!isFieldName(v.field)) return; // reported by the field's own check
  const meaning = DATE_FIELDS[v.field] ?? (fieldByName(v.field).kind === 'date' ? 'event' : undefined);
  if (meaning && v.value !== '' && !readsAsPlausibleDate(v.value, meaning)) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'date' });
  }
  if (v.value.includes('\n') && !fieldByName(v.field).multiline) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'text' });
  }
}
