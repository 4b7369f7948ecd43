import type { Bilingual } from '../../result';
import { type ChecklistInput, checklistOf } from './checklist';
import type { FieldValues } from './completeness';
import { feeDue, requestedKinds } from './fees';
import type { Checklist, RuleId, RuleResult } from './types';

/**
 * I4 (seed 1.2 ※): after a deficiency the applicant re-sends a WHOLE set. The new set is
 * checked on its own, exactly like a first application: this function takes the new set
 * only, so nothing from the previous set (an ID copy, a money order) can make up for a gap.
 */
export function checkResubmission(newSet: ChecklistInput): Checklist {
  return checklistOf(newSet);
}

/** The complete set the applicant must send (again), for this application's kinds and applicant type. */
export function requiredDocuments(fields?: FieldValues): Bilingual[] {
  const set: Bilingual[] = [
    { ja: '個人情報開示等請求書（全項目を記入し署名したもの）', en: 'The Application for Disclosure, etc. of Personal Information (every item filled in, signed)' },
    {
      ja: '本人確認書類の写し1点（住民票の写し等は請求日前1か月以内に発行されたもの、運転免許証・パスポート・健康保険証・年金手帳は有効期間内のもの）',
      en: "A copy of one ID document (a residence certificate or card issued within one month before the application date, or a driver's license, passport, health insurance certificate or pension book within its validity)",
    },
  ];
  const type = fields?.['applicant.type'];
  if (type === 'statutory') {
    set.push(
      { ja: '法定代理権を証明する書類の写し1点（戸籍謄本、健康保険証又は住民票の写し）', en: "A copy of one document proving the statutory agent's authority (family register transcript, health insurance certificate or residence certificate)" },
      { ja: '代理人の本人確認書類の写し1点', en: "A copy of one of the agent's ID documents" },
    );
  } else if (type === 'appointed') {
    set.push(
      { ja: '委任状1通', en: 'One power of attorney' },
      { ja: '代理人の本人確認書類の写し1点', en: "A copy of one of the agent's ID documents" },
    );
  } else if (type !== 'self') {
    set.push({ ja: '（代理人による請求の場合）代理権を証明する書類又は委任状、及び代理人の本人確認書類の写し', en: "(If an agent applies) proof of authority or a power of attorney, and a copy of the agent's ID" });
  }
  if (!fields) {
    set.push({ ja: '（①②⑥の請求の場合）手数料として定額小為替1,000円分', en: '(For requests 1, 2 or 6) fixed postal money orders for the 1,000-yen fee' });
  } else if (feeDue(requestedKinds(fields)) > 0) {
    set.push({ ja: '手数料として定額小為替1,000円分', en: 'Fixed postal money orders for the 1,000-yen fee' });
  }
  return set;
}

export interface DeficiencyNotice {
  /** Exactly what was missing or wrong (R5), in checklist order, without duplicates. */
  problems: Bilingual[];
  /** The whole set to send again (I4), never just the missing piece. */
  resend: Bilingual[];
  /** The sentence asking for the whole set. */
  instruction: Bilingual;
  /** Rules still waiting for a person's decision: resolve them before sending the notice. */
  pendingReview: RuleId[];
}

export const RESEND_INSTRUCTION: Bilingual = {
  ja: '上記の不備により、ご請求を受け付けることができませんでした。お手数ですが、不備を補正のうえ、下記の書類一式をあらためてご送付ください。前回お送りいただいた書類は使用できません。',
  en: 'Because of the deficiencies above, your application could not be accepted. Please correct them and send the complete set of documents below again; the documents sent previously cannot be used.',
};

/**
 * R5 / I4: the deficiency notice for a checklist, or null when nothing failed. Lists every
 * failing finding (or the result's message when it has no failing finding) and always asks
 * for the whole set (requiredDocuments(fields)).
 */
export function deficiencyList(results: readonly RuleResult[], fields?: FieldValues): DeficiencyNotice | null {
  const failed = results.filter((r) => r.status === 'fail');
  if (failed.length === 0) return null;
  const problems: Bilingual[] = [];
  const seen = new Set<string>();
  for (const r of failed) {
    const items = r.findings?.filter((x) => x.status === 'fail').map((x) => x.message) ?? [];
    for (const m of items.length > 0 ? items : [r.message]) {
      if (seen.has(m.ja)) continue;
      seen.add(m.ja);
      problems.push(m);
    }
  }
  return {
    problems,
    resend: requiredDocuments(fields),
    instruction: RESEND_INSTRUCTION,
    pendingReview: results.filter((r) => r.status === 'needs_review').map((r) => r.ruleId),
  };
}
