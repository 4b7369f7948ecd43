/**
 * Printed (static) wording of the application form other than field labels. Kept apart from
 * the drawing code so the wording can be reviewed by the privacy office in one place, and
 * because every character here must go into the embedded font subset.
 */
import { oneLine, splitContactPoint } from '@shared/domain/company-text';
import type { CompanyInfo } from './company';

export const TITLE = '個人情報開示等請求書';
export const TITLE_EN = 'Application for Disclosure, etc. of Personal Information';
export const LEAD = '個人情報の保護に関する法律に基づき、下記のとおり請求します。';
export const LEAD_EN = 'Under the Act on the Protection of Personal Information, I hereby apply as follows.';

/**
 * One line under the title: the company and its desk, then 殿 (御中 without a named desk). A phone
 * number in the contact point is left out here (it is printed with the mailing address).
 */
export function addressee(company: CompanyInfo): string {
  const { desk } = splitContactPoint(company.contactPoint);
  return desk ? `${oneLine(company.name)}　${desk}　殿` : `${oneLine(company.name)}　御中`;
}

export const NOTES_TITLE = 'ご注意';
export const NOTES_TITLE_EN = 'Before you send';

/** Seed "Guidance on Application for Disclosure, etc." and domain rules I1-I4, D1-D7, F1. */
export const NOTES: readonly { ja: string; en: string }[] = [
  {
    ja: '記入漏れのある請求、本人確認書類等が不足している請求は受け付けできません（その場合は書類一式を再送してください）。',
    en: 'Applications with omissions or insufficient documents cannot be accepted; please then re-send the whole set.',
  },
  {
    ja: '本人確認書類のコピー1点（有効期限内のもの）を同封。住民票の写し・在留カードは請求日前1か月以内に発行されたもの。',
    en: 'Enclose a copy of one ID document within its validity; residence certificate/card: issued within one month before the application.',
  },
  {
    ja: '代理人の場合：法定代理人は代理権を証する書類、任意代理人は委任状と代理人の本人確認書類も同封してください。',
    en: "Agents add: statutory agent - proof of legal authority; appointed agent - power of attorney and the agent's own ID document.",
  },
  {
    ja: '健康保険証・年金手帳のコピーは、保険者番号・記号・番号・基礎年金番号を黒く塗りつぶしてください。',
    en: 'On health insurance certificate or pension book copies, black out the insurer number, symbol/number and basic pension number.',
  },
  {
    ja: '①②⑥を含む請求は、1件につき手数料1,000円分の定額小為替を同封してください（③④⑤のみの請求は無料）。',
    en: 'Requests including ①, ② or ⑥: enclose a 1,000-yen fixed postal money order per application (③–⑤ only: no fee).',
  },
  {
    ja: '封筒の表に赤字で「開示等請求書在中」と書き、配達証明付き書留郵便で下記へお送りください（郵送料は請求者負担）。',
    en: 'Write 「開示等請求書在中」 in red on the envelope; send by registered mail with return receipt (postage paid by the sender).',
  },
];

export const MAIL_TO = '送付先';
export const MAIL_TO_EN = 'Mail to';
/** Address, company and desk, then 宛; phone or e-mail after it in brackets. One line. */
export function mailTo(company: CompanyInfo): string {
  const { desk, reach } = splitContactPoint(company.contactPoint);
  const to = [oneLine(company.address), oneLine(company.name), desk].filter(Boolean).join('　');
  return `${to} 宛${reach.length > 0 ? `（${reach.join('　')}）` : ''}`;
}

export const ENVELOPE_MARK = '開示等請求書在中';
export const ENVELOPE_CAPTION = '封筒に赤字で';
export const ENVELOPE_CAPTION_EN = 'in red on the envelope';

export const FEE_NOTE = '※ 手数料1,000円（定額小為替）';

export function footer(formId: string, version: number, page: number, pages: number): string {
  return `様式 Form ${formId} · version ${version} · ${page}/${pages}`;
}
