import type { CaseField } from '@shared/contract';
import { FIELDS, type FormField } from '@shared/domain/application-form';

export const isAgentApplication = (applicantType: string | undefined) =>
  applicantType === 'statutory' || applicantType === 'appointed';

/** I3: whether the form needs this field filled, given who applies. */
export const isRequired = (f: FormField, agent: boolean) => f.required === 'always' || (f.required === 'ifAgent' && agent);

/**
 * Fields staff must look at: flagged by the reader, except blanks the form does not require
 * (an agent's address when the person applies for themself is rightly empty).
 */
export function fieldsToReview(fields: CaseField[]): Set<string> {
  const agent = isAgentApplication(fields.find((f) => f.field === 'applicant.type')?.value);
  const out = new Set<string>();
  for (const m of fields) {
    if (!m.needsReview) continue;
    const f = FIELDS.find((x) => x.name === m.field);
    if (!f) continue;
    if (m.value.trim() === '' && !isRequired(f, agent)) continue;
    out.add(m.field);
  }
  return out;
}
