/**
 * Letters that end a case other than by a per-kind answer (issue #10 item 3, 4; R1):
 * - refusal_notice: the whole request is refused (R3, seed Art. 10) with its ground, the
 *   explanation Art. 36 asks for, and the money orders sent back with it (F4);
 * - withdrawal_ack: the withdrawal is acknowledged, saying how it came, money orders returned;
 * - combined_reply: one reply answering every decided kind (common practice in Japan).
 */
import { DECISION_GROUND_LABELS } from '../decisions';
import type { TemplateText } from './template-text';
import { decisionSections } from './templates-decisions';
import type { LetterData, LetterLang, LetterSection } from './types';
import { applicationRef, bullets, formatLetterDate, formatYen, kindTitle, linesOf, missing, pick } from './wording';

function moneyOrderSection(d: LetterData, lang: LetterLang, number: number): LetterSection[] {
  const orders = d.moneyOrders ?? [];
  if (orders.length === 0) return [];
  const total = orders.reduce((s, o) => s + o.faceValue, 0);
  return [
    {
      heading: pick(lang, `${number}　返還する定額小為替（同封）`, `${number}. Money orders returned (enclosed)`),
      items: [
        ...bullets(orders.map((o) => pick(lang, `証書番号 ${o.certificateNo}　額面 ${formatYen(o.faceValue, lang)}`, `Certificate no. ${o.certificateNo}, face value ${formatYen(o.faceValue, lang)}`)), lang),
        pick(lang, `合計 ${orders.length}枚　${formatYen(total, lang)}`, `Total: ${orders.length} money order${orders.length === 1 ? '' : 's'}, ${formatYen(total, lang)}`),
      ],
    },
  ];
}

/** R3: the request is refused as a whole; Art. 36 asks the company to say why. */
export function refusalNoticeText(d: LetterData, lang: LetterLang): TemplateText {
  const r = d.refusal;
  if (!r) throw missing('拒否の理由', 'the ground of the refusal');
  const ground = DECISION_GROUND_LABELS[r.ground];
  const own = linesOf(r.reasonText);
  return {
    title: pick(lang, '個人情報の開示等のご請求に応じない旨の通知', 'Notice that we will not comply with your request'),
    body: [
      pick(
        lang,
        `さて、${applicationRef(d, lang)}につきまして、慎重に検討いたしました結果、下記の理由により、ご請求に応じないことといたしましたので通知いたします。`,
        `We have carefully considered ${applicationRef(d, lang)} and have decided not to comply with it, for the reason set out below.`,
      ),
    ],
    sections: [
      { heading: pick(lang, '1　ご請求の内容', '1. Your request'), items: d.requestedKinds.map((k) => `${kindTitle(k, lang)}${pick(lang, `（${formatLetterDate(d.receivedOn, lang)}受付）`, ` (received ${formatLetterDate(d.receivedOn, lang)})`)}`) },
      { heading: pick(lang, '2　決定の内容', '2. Decision'), items: [pick(lang, `ご請求の全部に応じないことといたしました（${formatLetterDate(r.decidedOn, lang)}決定）。`, `We will not comply with any part of the request (decided ${formatLetterDate(r.decidedOn, lang)}).`)] },
      {
        heading: pick(lang, '3　ご請求に応じない理由', '3. Reasons'),
        items: [...bullets([pick(lang, `${ground.ja}ため（${ground.law.ja}）`, `${ground.en} (${ground.law.en}).`)], lang), ...own],
      },
      ...moneyOrderSection(d, lang, 4),
    ],
    notes: [
      pick(
        lang,
        '個人情報の保護に関する法律第36条に基づき、ご請求に応じない理由を上記のとおりご説明いたします。さらにご説明が必要な場合は、下記のお問い合わせ先までご連絡ください。',
        'As Article 36 of the Act on the Protection of Personal Information requires, we have explained above why we will not comply. If you would like a further explanation, please contact us as shown below.',
      ),
    ],
  };
}

const VIA = {
  letter: { ja: '書面', en: 'in writing' },
  phone: { ja: 'お電話', en: 'by telephone' },
  other: { ja: 'その他の方法', en: 'by other means' },
} as const;

export function withdrawalAckText(d: LetterData, lang: LetterLang): TemplateText {
  const w = d.withdrawal;
  if (!w) throw missing('取下げの受付内容', 'how the withdrawal came');
  const via = VIA[w.via];
  return {
    title: pick(lang, '個人情報の開示等のご請求の取下げについて（通知）', 'Acknowledgement of the withdrawal of your request'),
    body: [
      pick(
        lang,
        `さて、${applicationRef(d, lang)}につきまして、${formatLetterDate(w.receivedOn, lang)}に${via.ja}にて取下げのお申し出をいただきました。これを受け、本件のお手続きを終了いたしましたので通知いたします。`,
        `On ${formatLetterDate(w.receivedOn, lang)} you withdrew ${applicationRef(d, lang)} ${via.en}. We have therefore ended the procedure, as we confirm with this letter.`,
      ),
    ],
    sections: [
      { heading: pick(lang, '1　取下げの受付', '1. Withdrawal received'), items: [pick(lang, `${formatLetterDate(w.receivedOn, lang)}（${via.ja}）`, `${formatLetterDate(w.receivedOn, lang)} (${via.en})`)] },
      ...moneyOrderSection(d, lang, 2),
    ],
    notes: [
      pick(
        lang,
        'お心当たりのない場合は、お手数ですが下記のお問い合わせ先までご連絡ください。改めてご請求いただく場合は、書類一式をご送付ください。',
        'If you did not withdraw the request, please contact us as shown below. To apply again, please send the complete set of documents.',
      ),
    ],
  };
}

/** Every decided kind in one letter, each under its own numbered heading. */
export function combinedReplyText(d: LetterData, lang: LetterLang): TemplateText {
  const decisions = d.requestedKinds.map((k) => d.decisions.find((x) => x.kind === k)).filter((x) => x !== undefined);
  if (decisions.length === 0) throw missing('決定', 'the decisions');
  const kinds = decisions.map((x) => x.kind);
  const anyNegative = decisions.some((x) => x.outcome === 'partial' || x.outcome === 'not_done');
  const encloses = decisions.some((x) => (x.outcome === 'done' || x.outcome === 'partial') && (x.enclosures?.length ?? 0) > 0);
  const sections = decisions.flatMap((x, i) => {
    const n = i + 1;
    const own = decisionSections(d, x, lang, n);
    const sub = `${n}-${own.length + 1}`;
    const extra: LetterSection[] = [];
    const enclosures = (x.enclosures ?? []).map((e) => e.trim()).filter((e) => e !== '');
    if (x.outcome === 'done' && (x.kind === 'K1' || x.kind === 'K6') && enclosures.length > 0) {
      extra.push({ heading: pick(lang, `${sub}　同封書類`, `${sub}. Enclosures`), items: bullets(enclosures, lang) });
    }
    if (x.outcome === 'done' && x.kind === 'K2') {
      const purposes = (d.purposesOfUse ?? []).map((p) => p.trim()).filter((p) => p !== '');
      const lines = purposes.length > 0 ? purposes : linesOf(x.reasonText);
      if (lines.length > 0) extra.push({ heading: pick(lang, `${sub}　利用目的`, `${sub}. Purposes of use`), items: bullets(lines, lang) });
    }
    return [{ heading: pick(lang, `${n}　${kindTitle(x.kind, lang)}`, `${n}. ${kindTitle(x.kind, lang)}`), items: [] }, ...own, ...extra];
  });
  return {
    title: pick(lang, '個人情報の開示等のご請求に対する回答について（通知）', 'Our answer to your request for disclosure, etc. of personal information'),
    body: [
      pick(
        lang,
        `さて、${applicationRef(d, lang, kinds)}につきまして、ご請求の各項目について下記のとおり回答いたします。${anyNegative ? 'ご請求の全部又は一部に応じないこととした項目には、その理由を記載しております。' : ''}`,
        `We answer each item of ${applicationRef(d, lang, kinds)} as set out below.${anyNegative ? ' Where we do not comply with all or part of an item, the reasons are given.' : ''}`,
      ),
      ...(encloses ? [pick(lang, '開示する書類は本通知書に同封いたしました。', 'The documents disclosed are enclosed with this notice.')] : []),
    ],
    sections,
    notes: anyNegative
      ? [pick(lang, '本決定の理由について、さらにご説明が必要な場合は、下記のお問い合わせ先までご連絡ください。', 'If you would like a further explanation of the reasons, please contact us as shown below.')]
      : [],
  };
}
