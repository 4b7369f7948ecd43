import { FIELDS, type FieldName } from '@shared/domain/application-form';

/**
 * Field names in the order the case file shows them: the paper form's five sections (subject,
 * applicant and agent, request, enclosures, date and signature), each in the form's own order.
 */
export const FIELD_ORDER: FieldName[] = [
  (f: FieldName) => f.startsWith('subject.'),
  (f: FieldName) => f === 'applicant.type' || f.startsWith('agent.'),
  (f: FieldName) => f.startsWith('request.'),
  (f: FieldName) => f.startsWith('enclosure.'),
  (f: FieldName) => f === 'application.date' || f === 'signature',
].flatMap((inSection) => FIELDS.map((f) => f.name).filter(inSection));

/**
 * Where Ctrl/⌘+↓ (or ↑) goes from `from`: the next field still to review, wrapping round; when
 * nothing is left to review, simply the next field. Pure, so the order is tested without a browser.
 */
export function stepField(from: string | null, toReview: ReadonlySet<string>, direction: 1 | -1): FieldName {
  const n = FIELD_ORDER.length;
  const start = from ? FIELD_ORDER.indexOf(from as FieldName) : -1;
  const at = (i: number) => FIELD_ORDER[(((start + direction * i) % n) + n) % n]!;
  if (toReview.size > 0) {
    for (let i = 1; i <= n; i++) {
      // From nowhere, forward starts at the first field itself.
      const name = start < 0 ? FIELD_ORDER[(direction === 1 ? i - 1 : n - i)]! : at(i);
      if (toReview.has(name)) return name;
    }
  }
  return start < 0 ? FIELD_ORDER[direction === 1 ? 0 : n - 1]! : at(1);
}

