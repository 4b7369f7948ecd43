import type { CaseField } from '@shared/contract';
import { FIELDS, type FieldName, type FormField } from '@shared/domain/application-form';
import { plausibleFieldValue } from '@shared/domain/form-values';

export const isAgentApplication = (applicantType: string | undefined) =>
  applicantType === 'statutory' || applicantType === 'appointed';

/** I3: whether the form needs this field filled, given who applies. */
export const isRequired = (f: FormField, agent: boolean) => f.required === 'always' || (f.required === 'ifAgent' && agent);

/**
 * Fields staff must look at: flagged by the reader, except blanks the form does not require
 * (an agent's address when the person applies for themself is rightly empty). A value read by OCR
 * that its field cannot hold is looked at too, also when it was read before the rule existed
 * (#13 item 9: スプキミホ at 89 %); what staff typed is theirs.
 */
export function fieldsToReview(fields: CaseField[]): Set<string> {
  const agent = isAgentApplication(fields.find((f) => f.field === 'applicant.type')?.value);
  const out = new Set<string>();
  for (const m of fields) {
    const implausible = m.confidence !== null && !plausibleFieldValue(m.field as FieldName, m.value);
    if (!m.needsReview && !implausible) continue;
    const f = FIELDS.find((x) => x.name === m.field);
    if (!f) continue;
    if (m.value.trim() === '' && !isRequired(f, agent)) continue;
    out.add(m.field);
  }
  return out;
}
