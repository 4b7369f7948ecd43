/**
 * The guidance letter (I1): a request that reached the company by phone, e-mail, fax or at
 * the desk cannot be accepted as such (the company's procedure: "shall be made by mail"), so
 * the person is sent the procedure in writing with the company's form enclosed. Wording
 * follows the last section of the seed ("Guidance on Application for Disclosure, etc."):
 * the form (I3), one ID copy and the agent's documents (D1-D5, D7), the 1,000-yen fee in
 * fixed postal money orders for K1/K2/K6 (F1), the address, registered mail with a return
 * receipt and the red marking 開示等請求書在中 (I2), an answer in writing (M2).
 */
import { oneLine } from '../company-text';
import { FEE_KINDS, FEE_PER_APPLICATION } from '../verification/fees';
import type { RequestKind } from '../page-kind';
import type { LetterCompany, LetterDraft, LetterLang } from './types';
import { bullets, formatLetterDate, formatPostalCode, formatYen, KIND_FORMAL_NAMES, kindList, missing, pick } from './wording';

export const CONTACT_CHANNELS = ['phone', 'email', 'fax', 'desk'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** How a letter names the channel the request came by. */
export const CONTACT_CHANNEL_WORDS: Record<ContactChannel, { ja: string; en: string }> = {
  phone: { ja: 'お電話', en: 'by telephone' },
  email: { ja: '電子メール', en: 'by e-mail' },
  fax: { ja: 'ファクシミリ', en: 'by fax' },
  desk: { ja: '当社窓口', en: 'at our office' },
};

export interface GuidanceLetterData {
  /** The contact's reference number (C2026-0001), printed where a case letter prints its case number. */
  contactNo: string;
  recipient: { name: string; postalCode: string; address: string };
  /** The day the person contacted the company (YYYY-MM-DD). */
  contactedOn: string;
  channel: ContactChannel;
  /** The kinds the person asked about; empty when it was not clear. */
  requestedKinds: readonly RequestKind[];
  company: LetterCompany;
}

/** Whether the fee applies (F1): known kinds decide; unknown kinds get the whole rule. */
export function guidanceFee(kinds: readonly RequestKind[]): 'due' | 'free' | 'unknown' {
  if (kinds.length === 0) return 'unknown';
  return kinds.some((k) => FEE_KINDS.includes(k)) ? 'due' : 'free';
}

/** 「A」、「B」又は「C」 / A, B or C: the kinds that carry the fee (F1). */
function feeKindList(lang: LetterLang): string {
  const names = FEE_KINDS.map((k) => KIND_FORMAL_NAMES[k][lang]);
  if (lang === 'ja') return `${names.slice(0, -1).map((n) => `「${n}」`).join('、')}又は「${names.at(-1)}」`;
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

export function composeGuidanceLetter(d: GuidanceLetterData, lang: LetterLang): LetterDraft {
  if (!d.recipient.name.trim() || !d.recipient.address.trim()) throw missing('ご案内の送付先', 'the address to send the guidance to');
  const c = d.company;
  const date = formatLetterDate(d.contactedOn, lang);
  const how = d.channel === 'desk' ? pick(lang, '当社窓口にて', 'at our office') : pick(lang, `${CONTACT_CHANNEL_WORDS[d.channel].ja}にて`, CONTACT_CHANNEL_WORDS[d.channel].en);
  const what =
    d.requestedKinds.length > 0
      ? pick(lang, `${kindList(d.requestedKinds, 'ja')}のご請求`, `your request for ${kindList(d.requestedKinds, 'en')}`)
      : pick(lang, '個人情報の開示等のご請求', 'your request concerning the disclosure, etc. of your personal information');
  const yen = formatYen(FEE_PER_APPLICATION, lang);
  const feeKinds = feeKindList(lang);
  const fee = guidanceFee(d.requestedKinds);
  const feeItems: Record<typeof fee, string[]> = {
    due: [
      pick(lang, `ご請求1件につき手数料${yen}を申し受けます。${yen}分の定額小為替を請求書に同封してください。`, `A fee of ${yen} is charged for each application. Please enclose fixed postal money orders (定額小為替) for ${yen} with the application.`),
      pick(lang, `（手数料を要するのは${feeKinds}のご請求です。）`, `(The fee applies to requests for ${feeKinds}.)`),
    ],
    free: [pick(lang, 'お問い合わせのご請求には手数料はかかりません。', 'No fee is charged for the kinds of request you asked about.')],
    unknown: [
      pick(lang, `${feeKinds}のご請求は、1件につき手数料${yen}を申し受けます。${yen}分の定額小為替を請求書に同封してください。`, `Requests for ${feeKinds} cost ${yen} per application: please enclose fixed postal money orders (定額小為替) for ${yen}.`),
      pick(lang, 'その他のご請求には手数料はかかりません。', 'Other requests are free of charge.'),
    ],
  };
  return {
    templateId: 'guidance',
    lang,
    title: pick(lang, '個人情報の開示等のご請求手続きについて（ご案内）', 'How to apply for disclosure, etc. of personal information'),
    salutation: pick(lang, '拝啓　時下ますますご清祥のこととお慶び申し上げます。', `Dear ${d.recipient.name},`),
    body: [
      pick(
        lang,
        `さて、${date}に${how}お申し出いただきました${what}につきまして、当社では、個人情報の保護に関する法律に基づく開示等のご請求を、所定の請求書による郵送でのみ受け付けております。`,
        `On ${date} you contacted us ${how} about ${what}. We accept requests under the Act on the Protection of Personal Information only by mail, on our application form.`,
      ),
      pick(
        lang,
        'つきましては、同封の「個人情報開示等請求書」に必要事項をご記入のうえ、下記の書類を添えてご送付くださいますようお願い申し上げます。',
        'Please fill in the enclosed "Application for Disclosure, etc. of Personal Information" and send it with the documents listed below.',
      ),
    ],
    complimentaryClose: pick(lang, '敬具', 'Yours sincerely,'),
    itemsMarker: pick(lang, '記', ''),
    sections: [
      {
        heading: pick(lang, '1　請求書（同封）', '1. The application form (enclosed)'),
        items: bullets([pick(lang, '個人情報開示等請求書（全項目を記入し署名したもの）', 'The Application for Disclosure, etc. of Personal Information, every item filled in and signed')], lang),
      },
      {
        heading: pick(lang, '2　本人確認書類の写し（次のいずれか1点、有効期間内のもの）', '2. A copy of one ID document (valid on the application date)'),
        items: bullets(
          [
            pick(lang, '住民票の写し又は在留カード（請求日前1か月以内に発行されたもの）', 'Residence certificate or residence card (issued within one month before the application date)'),
            pick(lang, '運転免許証', "Driver's license"),
            pick(lang, 'パスポート', 'Passport'),
            pick(lang, '健康保険証（保険者番号・被保険者記号・番号は見えないように覆ってください）', 'Health insurance certificate (please cover the insurer number and the insured symbol and number)'),
            pick(lang, '年金手帳（基礎年金番号は見えないように覆ってください）', 'Pension book (please cover the basic pension number)'),
            pick(lang, '代理人によるご請求の場合：法定代理人は法定代理権を証明する書類1点、任意代理人は委任状1通と代理人ご本人の本人確認書類の写し1点を併せてご同封ください。', "If an agent applies: a statutory agent adds one document proving the authority; an appointed agent adds a power of attorney and a copy of the agent's own ID document."),
          ],
          lang,
        ),
      },
      { heading: pick(lang, '3　手数料', '3. Fee'), items: bullets(feeItems[fee], lang) },
      {
        heading: pick(lang, '4　送付先', '4. Address'),
        items: [[formatPostalCode(c.postalCode), c.address.replace(/\s*\n\s*/g, ' ')].filter((t) => t !== '').join('　'), pick(lang, `${c.name}　${c.administratorTitle} 宛`, `${c.name}, ${c.administratorTitle}`)],
      },
      {
        heading: pick(lang, '5　送付方法', '5. How to send'),
        items: bullets(
          [
            pick(lang, '配達証明付きの書留郵便でお送りください（郵送料はご請求者のご負担となります）。', 'Please send everything by registered mail with a return receipt (postage is borne by the applicant).'),
            pick(lang, '封筒の表に朱書きで「開示等請求書在中」とご記入ください。', 'Please write "開示等請求書在中" (Application for Disclosure, etc. enclosed) in red on the envelope.'),
            pick(lang, '記入漏れや本人確認書類の不足がある場合はお受けできず、書類一式をあらためてお送りいただくことになります。', 'An application with omissions or missing ID documents cannot be accepted; the complete set would then have to be sent again.'),
          ],
          lang,
        ),
      },
      {
        heading: pick(lang, '6　ご回答', '6. Our answer'),
        items: [pick(lang, '請求書に記載のご住所あてに書面でご回答いたします。', 'We answer in writing, to the address given on the application.')],
      },
    ],
    notes: [
      pick(lang, '同封書類：個人情報開示等請求書　1部', 'Enclosed: Application for Disclosure, etc. of Personal Information (1 copy)'),
      pick(
        lang,
        `本件についてのお問い合わせは、${oneLine(c.contactPoint)}までお願いいたします。その際は受付番号（${d.contactNo}）をお知らせください。`,
        `If you have any questions, please contact ${oneLine(c.contactPoint)}, quoting the number ${d.contactNo} printed at the top of this letter.`,
      ),
    ],
    closing: pick(lang, '以上', ''),
  };
}
