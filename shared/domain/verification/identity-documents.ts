import type { Bilingual } from '../../result';
import { dateText, oneMonthBefore, readDate } from './date-rules';
import { matchAddress, matchName } from './matching';
import { best, type Finding, type Party, type RuleId, type RuleResult, type RuleStatus, worst } from './types';

/** D1-D5: the identity documents the guidance accepts (a copy of one of them). */
export const ID_DOCUMENT_TYPES = [
  'residence_certificate',
  'residence_card',
  'drivers_license',
  'passport',
  'health_insurance',
  'pension_book',
] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

export const ID_DOCUMENT_RULE: Record<IdDocumentType, RuleId> = {
  residence_certificate: 'D1',
  residence_card: 'D1',
  drivers_license: 'D2',
  passport: 'D3',
  health_insurance: 'D4',
  pension_book: 'D5',
};

export const ID_DOCUMENT_LABELS: Record<IdDocumentType, Bilingual> = {
  residence_certificate: { ja: '住民票の写し', en: 'residence certificate' },
  residence_card: { ja: '在留カード', en: 'residence card' },
  drivers_license: { ja: '運転免許証', en: "driver's license" },
  passport: { ja: 'パスポート', en: 'passport' },
  health_insurance: { ja: '健康保険証', en: 'health insurance certificate' },
  pension_book: { ja: '年金手帳', en: 'pension book' },
};

/** What staff record from the enclosed copy. Dates: ISO or anything parseJapaneseDate reads. */
export interface IdDocument {
  type: IdDocumentType;
  name: string;
  address: string;
  birthDate?: string;
  issuedOn?: string;
  validUntil?: string;
  /** Read from the scan by Kaiji and not yet confirmed: its results need a person's confirmation. */
  suggested?: boolean;
}

/** The person the document must identify, as written on the application. */
export interface Person {
  name: string;
  /** フリガナ from the form. */
  kana?: string;
  address: string;
  birthDate?: string;
}

const f = (code: string, status: RuleStatus, message: Bilingual): Finding => ({ code, status, message });

/**
 * Is the document valid on the application date (D1-D5)? `applicationDate` is ISO.
 *  - D1 (residence certificate / card): issued within one month before, see oneMonthBefore;
 *    a residence card's own validUntil, when recorded, must also cover the application date.
 *  - D2-D5: validUntil on or after the application date (expiring that very day is valid).
 *    Without a recorded validUntil: D5 (pension books carry no expiry) passes, D2-D4 need review.
 *  - Any document issued after the application date fails (a copy cannot predate its original).
 */
export function checkValidity(doc: IdDocument, applicationDate: string): Finding[] {
  const label = ID_DOCUMENT_LABELS[doc.type];
  const out: Finding[] = [];
  const app = dateText(applicationDate);
  let issued: string | undefined;
  if (doc.issuedOn?.trim()) {
    const r = readDate(doc.issuedOn, { ja: `${label.ja}の発行日`, en: `The issue date of the ${label.en}` });
    if (!r.ok) out.push(f(`issued_${r.code}`, 'fail', r.message));
    else {
      issued = r.iso;
      if (issued > applicationDate) {
        out.push(
          f('issued_after_application', 'fail', {
            ja: `${label.ja}の発行日（${dateText(issued).ja}）が請求日（${app.ja}）より後です。`,
            en: `The ${label.en} was issued (${issued}) after the application date (${applicationDate}).`,
          }),
        );
      }
    }
  }
  let until: string | undefined;
  if (doc.validUntil?.trim()) {
    const r = readDate(doc.validUntil, { ja: `${label.ja}の有効期限`, en: `The expiry date of the ${label.en}` });
    if (!r.ok) out.push(f(`valid_until_${r.code}`, 'fail', r.message));
    else {
      until = r.iso;
      if (until < applicationDate) {
        out.push(
          f('expired', 'fail', {
            ja: `${label.ja}の有効期限（${dateText(until).ja}）が請求日（${app.ja}）より前に切れています。`,
            en: `The ${label.en} expired (${until}) before the application date (${applicationDate}).`,
          }),
        );
      } else out.push(f('within_validity', 'pass', { ja: `${label.ja}は請求日に有効期間内です。`, en: `The ${label.en} is valid on the application date.` }));
      if (issued && until < issued) {
        out.push(f('expiry_before_issue', 'needs_review', { ja: `${label.ja}の有効期限が発行日より前です。記録を確認してください。`, en: `The ${label.en} expires before it was issued: check what was recorded.` }));
      }
    }
  }
  const rule = ID_DOCUMENT_RULE[doc.type];
  if (rule === 'D1') {
    if (!doc.issuedOn?.trim()) {
      out.push(f('issued_missing', 'needs_review', { ja: `${label.ja}の発行日を記録してください（請求日前1か月以内の発行が必要です）。`, en: `Record the issue date of the ${label.en} (it must be issued within one month before the application date).` }));
    } else if (issued && issued <= applicationDate) {
      const earliest = oneMonthBefore(applicationDate);
      if (issued < earliest) {
        out.push(
          f('issued_over_one_month', 'fail', {
            ja: `${label.ja}の発行日（${dateText(issued).ja}）が請求日（${app.ja}）前1か月以内ではありません（${dateText(earliest).ja}以降の発行が必要です）。`,
            en: `The ${label.en} was issued on ${issued}, more than one month before the application date ${applicationDate} (issued on or after ${earliest} required).`,
          }),
        );
      } else out.push(f('issued_within_one_month', 'pass', { ja: `${label.ja}は請求日前1か月以内に発行されています。`, en: `The ${label.en} was issued within one month before the application date.` }));
    }
  } else if (until === undefined && !doc.validUntil?.trim()) {
    if (rule === 'D5') out.push(f('no_expiry', 'pass', { ja: `${label.ja}には有効期限がありません。`, en: `A ${label.en} has no expiry date.` }));
    else out.push(f('valid_until_missing', 'needs_review', { ja: `${label.ja}の有効期限を記録してください。`, en: `Record the expiry date of the ${label.en}.` }));
  }
  return out;
}

/** D1-D5 for one document: validity on the application date, name, address and birth date. */
export function checkIdDocument(doc: IdDocument, person: Person, applicationDate: string, party: Party = 'subject'): RuleResult {
  const label = ID_DOCUMENT_LABELS[doc.type];
  const findings: Finding[] = [...checkValidity(doc, applicationDate)];
  if (doc.suggested) {
    findings.push(
      f('suggested', 'needs_review', {
        ja: `${label.ja}の内容はKaijiが写しから読み取った候補です。確認してください。`,
        en: `The ${label.en} was read from the copy by Kaiji: confirm its values.`,
      }),
    );
  }
  // On a suggested record the name, address and birth date are OCR readings: a difference may be
  // a misread character (郎/朗), so it asks a person instead of failing the application.
  const read = (status: RuleStatus): RuleStatus => (doc.suggested && status === 'fail' ? 'needs_review' : status);
  const name = matchName(person.name, doc.name, person.kana);
  findings.push(f(`name_${name.code}`, read(name.status), name.message));
  const address = matchAddress(person.address, doc.address);
  findings.push(f(`address_${address.code}`, read(address.status), address.message));
  if (doc.birthDate?.trim() && person.birthDate?.trim()) {
    const d = readDate(doc.birthDate, { ja: `${label.ja}の生年月日`, en: `The date of birth on the ${label.en}` });
    const p = readDate(person.birthDate, { ja: '請求書の生年月日', en: 'The date of birth on the application' });
    if (!d.ok) findings.push(f(`birth_${d.code}`, 'fail', d.message));
    else if (p.ok) {
      findings.push(
        d.iso === p.iso
          ? f('birth_equal', 'pass', { ja: '生年月日が一致します。', en: 'The date of birth matches.' })
          : f('birth_different', read('fail'), {
              ja: `生年月日が一致しません（請求書 ${dateText(p.iso).ja}、${label.ja} ${dateText(d.iso).ja}）。`,
              en: `The dates of birth differ (application ${p.iso}, ${label.en} ${d.iso}).`,
            }),
      );
    }
  }
  const status = worst(findings.map((x) => x.status));
  const who: Bilingual = party === 'agent' ? { ja: '代理人の', en: "agent's " } : { ja: '', en: '' };
  const message: Bilingual =
    status === 'pass'
      ? { ja: `${who.ja}本人確認書類（${label.ja}）を確認しました。`, en: `The ${who.en}ID document (${label.en}) is in order.` }
      : status === 'needs_review'
        ? { ja: `${who.ja}本人確認書類（${label.ja}）に確認が必要な点があります。`, en: `The ${who.en}ID document (${label.en}) needs review.` }
        : { ja: `${who.ja}本人確認書類（${label.ja}）に不備があります。`, en: `The ${who.en}ID document (${label.en}) is not acceptable.` };
  return { ruleId: ID_DOCUMENT_RULE[doc.type], status, message, party, findings, details: { documentType: doc.type } };
}

/**
 * "One of" D1-D5: the application needs one acceptable document. Every enclosed document is
 * checked; the result is the best one (an expired license beside a valid passport is fine).
 * No document at all is an I4 failure (insufficient verification documents).
 * `applicationDate` null (unreadable; I3 reports it) makes the result needs_review.
 */
export function checkIdentity(docs: readonly IdDocument[], person: Person, applicationDate: string | null, party: Party = 'subject'): RuleResult {
  const who: Bilingual = party === 'agent' ? { ja: '代理人の', en: "the agent's " } : { ja: '', en: '' };
  if (docs.length === 0) {
    return {
      ruleId: 'I4',
      status: 'fail',
      party,
      message: { ja: `${who.ja}本人確認書類の写しが同封されていません。`, en: `No copy of ${who.en || 'an '}ID document is enclosed.` },
      findings: [f('id_missing', 'fail', { ja: `${who.ja}本人確認書類の写し（住民票の写し、運転免許証、パスポート、健康保険証又は年金手帳のいずれか1点）`, en: `A copy of ${who.en || ''}ID (one of: residence certificate, driver's license, passport, health insurance certificate, pension book)` })],
    };
  }
  if (applicationDate === null) {
    return {
      ruleId: ID_DOCUMENT_RULE[docs[0]!.type],
      status: 'needs_review',
      party,
      message: { ja: '請求日が読み取れないため、本人確認書類の有効性を判断できません。', en: 'The application date cannot be read, so the validity of the ID document cannot be judged.' },
    };
  }
  const results = docs.map((d) => checkIdDocument(d, person, applicationDate, party));
  const top = best(results.map((r) => r.status));
  const chosen = results.find((r) => r.status === top)!;
  return { ...chosen, details: { ...chosen.details, documents: results } };
}
