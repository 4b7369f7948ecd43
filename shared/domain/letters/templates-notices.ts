/**
 * Letters that are not about a decision: the deficiency notice (R5, I4) and the return of
 * postal money orders. Wording follows the company's procedure (seed: "Guidance on
 * Application for Disclosure, etc.": send by registered mail with a return receipt, write
 * 開示等請求書在中 in red on the envelope, postage borne by the applicant).
 */
import type { LetterData, LetterLang, MoneyOrderReturnReason } from './types';
import { applicationRef, bullets, formatPostalCode, formatYen, missing, pick } from './wording';
import type { TemplateText } from './template-text';

export function deficiencyText(d: LetterData, lang: LetterLang): TemplateText {
  const notice = d.deficiency;
  if (!notice || notice.problems.length === 0) throw missing('不備の内容', 'the list of deficiencies');
  const c = d.company;
  const ref = applicationRef(d, lang);
  return {
    title: pick(lang, '個人情報開示等請求書類の不備について（通知）', 'Notice of deficiencies in your application for disclosure, etc. of personal information'),
    body: [
      pick(
        lang,
        `さて、${ref}につきまして、ご送付いただいた書類を確認いたしましたところ、下記1の不備がございましたため、ご請求を受け付けることができませんでした。`,
        `We have checked the documents you sent with ${ref}. Because of the deficiencies listed in 1 below, we could not accept your application.`,
      ),
      pick(
        lang,
        'つきましては、誠にお手数ですが、不備を補正のうえ、下記2の書類一式をあらためて下記3の送付先までご送付くださいますようお願い申し上げます。前回お送りいただいた書類は使用できませんので、不足していた書類のみのご送付ではお受けできません。',
        'We therefore ask you to correct them and to send the complete set of documents listed in 2 again to the address in 3. The documents sent previously cannot be used, so sending only the missing item is not enough.',
      ),
    ],
    sections: [
      { heading: pick(lang, '1　不備の内容', '1. Deficiencies'), items: [...bullets(notice.problems.map((p) => p[lang]), lang), ...ownReason(d, notice, lang)] },
      { heading: pick(lang, '2　ご送付いただく書類（一式）', '2. Documents to send (the complete set)'), items: bullets(notice.resend.map((r) => r[lang]), lang) },
      {
        heading: pick(lang, '3　送付先', '3. Address'),
        items: [[formatPostalCode(c.postalCode), c.address.replace(/\s*\n\s*/g, ' ')].filter((t) => t !== '').join('　'), pick(lang, `${c.name}　${c.administratorTitle} 宛`, `${c.name}, ${c.administratorTitle}`)],
      },
      {
        heading: pick(lang, '4　送付方法', '4. How to send'),
        items: [
          pick(lang, '・配達証明付きの書留郵便でお送りください（郵送料はご請求者のご負担となります）。', '• Please send them by registered mail with a return receipt (postage is borne by the applicant).'),
          pick(lang, '・封筒の表に朱書きで「開示等請求書在中」とご記入ください。', '• Please write "開示等請求書在中" (Application for Disclosure, etc. enclosed) in red on the envelope.'),
          pick(lang, '・本通知書を書類一式に同封してください。受付番号によりご請求を照合いたします。', '• Please enclose this notice with the documents: its case number lets us match them to your application.'),
        ],
      },
    ],
    notes: [],
  };
}

/**
 * R5: the administrator's reason, verbatim, after the generated list. Not repeated when it
 * already is the list (a reason-only deficiency stores the reason as its one problem).
 */
function ownReason(d: LetterData, notice: NonNullable<LetterData['deficiency']>, lang: LetterLang): string[] {
  const reason = d.deficiencyReason?.trim();
  if (!reason || notice.problems.some((p) => p.ja.trim() === reason)) return [];
  return bullets([reason], lang);
}

const RETURN_REASONS: Record<MoneyOrderReturnReason, { ja: string; en: string }> = {
  deficiency: { ja: 'ご請求書類に不備があり、ご請求を受け付けることができなかったため', en: 'because your application had deficiencies and could not be accepted' },
  fee_not_required: { ja: '今回のご請求には手数料を要しないため', en: 'because no fee is charged for the kinds of request you made' },
  excess: { ja: '所定の手数料（1,000円）を超える額をお送りいただいたため', en: 'because you sent more than the fee of ¥1,000' },
  withdrawn: { ja: 'ご請求が取り下げられたため', en: 'because the request was withdrawn' },
  refused: { ja: 'ご請求に応じないこととしたため', en: 'because we decided not to comply with the request' },
};

export function moneyOrderReturnText(d: LetterData, lang: LetterLang): TemplateText {
  const orders = d.moneyOrders ?? [];
  if (orders.length === 0) throw missing('返還する定額小為替', 'the money orders to return');
  const ref = applicationRef(d, lang);
  const reason = d.moneyOrderReturnReason ? RETURN_REASONS[d.moneyOrderReturnReason] : null;
  const total = orders.reduce((sum, o) => sum + o.faceValue, 0);
  return {
    title: pick(lang, '定額小為替の返還について', 'Return of postal money orders'),
    body: [
      pick(
        lang,
        `さて、${ref}に際してご送付いただきました定額小為替につきまして、${reason ? `${reason.ja}、` : ''}下記のとおり返還いたします。本書に同封いたしましたので、ご査収くださいますようお願い申し上げます。`,
        `We return the postal money orders you sent with ${ref}${reason ? `, ${reason.en}` : ''}. They are enclosed with this letter, as listed below.`,
      ),
    ],
    sections: [
      {
        heading: pick(lang, '1　返還する定額小為替', '1. Money orders returned'),
        items: bullets(orders.map((o) => pick(lang, `証書番号 ${o.certificateNo}　額面 ${formatYen(o.faceValue, lang)}`, `Certificate no. ${o.certificateNo}, face value ${formatYen(o.faceValue, lang)}`)), lang),
      },
      {
        heading: pick(lang, '2　合計', '2. Total'),
        items: [pick(lang, `${orders.length}枚　${formatYen(total, lang)}`, `${orders.length} money order${orders.length === 1 ? '' : 's'}, ${formatYen(total, lang)}`)],
      },
    ],
    notes: [],
  };
}
