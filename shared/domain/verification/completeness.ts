import type { Bilingual } from '../../result';
import { FIELDS, type FieldName, type FormField } from '../application-form';
import { dateText, readDate } from './date-rules';
import { requestedKinds } from './fees';
import type { Finding, RuleResult } from './types';

export type FieldValues = Partial<Record<FieldName, string>>;

const label = (f: FormField): Bilingual => ({ ja: f.label, en: f.labelEn });
const isAgentType = (t: string | undefined) => t === 'statutory' || t === 'appointed';
const blank = (v: string | undefined) => (v ?? '').trim() === '' || v === 'false';

/** Labels that need their section to make sense on their own in a deficiency list. */
const OWN_LABEL: Partial<Record<FieldName, Bilingual>> = {
  'subject.postalCode': { ja: '郵便番号', en: 'Postal code' },
  'agent.postalCode': { ja: '代理人の郵便番号', en: "Agent's postal code" },
  'agent.address': { ja: '代理人の住所', en: "Agent's address" },
};

function fieldLabel(f: FormField): Bilingual {
  return OWN_LABEL[f.name] ?? label(f);
}

function missing(field: FieldName, what: Bilingual): Finding {
  return { code: 'missing', status: 'fail', field, message: { ja: `${what.ja}が記入されていません。`, en: `${what.en} is missing.` } };
}

/**
 * I3: omissions in the application form. Checks, field by field from the form definition:
 *  - every 'always' field filled in (a choice must hold one of its options);
 *  - 'ifAgent' fields when applicant.type is statutory or appointed;
 *  - at least one request kind (request.k1..k6) ticked;
 *  - request.reason when K3, K4 or K5 is asked (the form labels it 「訂正等の内容・理由」 ③–⑤);
 *  - dates (subject.birthDate, application.date) readable and real, and the birth date not
 *    after the application date.
 * The enclosure tick boxes are the applicant's own list: what counts is what is in the
 * envelope (D, D7, F), so they are not required here.
 */
export function checkCompleteness(fields: FieldValues, receivedOn?: string): RuleResult {
  const findings: Finding[] = [];
  const agent = isAgentType(fields['applicant.type']);
  for (const f of FIELDS) {
    const value = fields[f.name];
    const needed = f.required === 'always' || (f.required === 'ifAgent' && agent);
    if (!needed) continue;
    if (f.kind === 'choice') {
      if (blank(value)) findings.push(missing(f.name, fieldLabel(f)));
      else if (!f.options!.some((o) => o.value === value)) {
        findings.push({
          code: 'invalid_choice',
          status: 'fail',
          field: f.name,
          message: { ja: `${f.label}の選択が読み取れません（「${value}」）。`, en: `${f.labelEn}: the choice "${value}" is not one of the options.` },
        });
      }
    } else if (f.kind === 'date') {
      const r = readDate(value, fieldLabel(f));
      if (!r.ok) findings.push({ code: r.code === 'missing' ? 'missing' : 'invalid_date', status: 'fail', field: f.name, message: r.message });
    } else if (blank(value)) findings.push(missing(f.name, fieldLabel(f)));
  }
  const kinds = requestedKinds(fields);
  if (kinds.length === 0) {
    findings.push({
      code: 'no_request_kind',
      status: 'fail',
      field: 'request.k1',
      message: { ja: '請求の種類（①〜⑥）が選択されていません。', en: 'No kind of request (1-6) is ticked.' },
    });
  }
  if (kinds.some((k) => k === 'K3' || k === 'K4' || k === 'K5') && blank(fields['request.reason'])) {
    findings.push({
      code: 'missing',
      status: 'fail',
      field: 'request.reason',
      message: { ja: '訂正等の内容・理由（③〜⑤の請求に必要）が記入されていません。', en: 'Details / reasons (needed for requests 3-5) are missing.' },
    });
  }
  const birth = readDate(fields['subject.birthDate'], { ja: '', en: '' });
  const applied = readDate(fields['application.date'], { ja: '', en: '' });
  if (birth.ok && applied.ok && birth.iso > applied.iso) {
    findings.push({
      code: 'birth_after_application',
      status: 'fail',
      field: 'subject.birthDate',
      message: {
        ja: `生年月日（${dateText(birth.iso).ja}）が請求日（${dateText(applied.iso).ja}）より後です。`,
        en: `The date of birth (${birth.iso}) is after the application date (${applied.iso}).`,
      },
    });
  }
  // A date after the envelope arrived cannot be right (a future date): a person checks it.
  if (applied.ok && receivedOn && applied.iso > receivedOn) {
    findings.push({
      code: 'application_after_arrival',
      status: 'needs_review',
      field: 'application.date',
      message: {
        ja: `請求日（${dateText(applied.iso).ja}）が到着日（${dateText(receivedOn).ja}）より後の日付です。記入を確認してください。`,
        en: `The application date (${applied.iso}) is after the day the envelope arrived (${receivedOn}). Check what was written.`,
      },
    });
  }
  if (findings.length === 0) {
    return { ruleId: 'I3', status: 'pass', message: { ja: '請求書に記入漏れはありません。', en: 'The application form has no omissions.' }, findings };
  }
  if (findings.every((x) => x.status === 'needs_review')) {
    return {
      ruleId: 'I3',
      status: 'needs_review',
      message: { ja: '請求書の記入内容に確認が必要な点があります。', en: 'Something on the application form needs checking.' },
      findings,
      details: { fields: findings.map((x) => x.field) },
    };
  }
  const failed = findings.filter((x) => x.status === 'fail').length;
  return {
    ruleId: 'I3',
    status: 'fail',
    message: { ja: `請求書に記入漏れ・誤りが ${failed} 件あります。`, en: `The application form has ${failed} omission(s) or error(s).` },
    findings,
    details: { fields: findings.map((x) => x.field) },
  };
}
