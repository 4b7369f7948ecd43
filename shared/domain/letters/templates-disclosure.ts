/**
 * Letters that hand over information: disclosure (K1, Art. 33(1)), third-party provision
 * records (K6, Art. 33(5)), the purpose of use (K2, Art. 32(2)), and the notice that no
 * retained personal data exists (R2, Art. 33(3)).
 */
import type { RequestKind } from '../page-kind';
import type { TemplateText } from './template-text';
import { provisionRecordLine } from '../provisions';
import type { LetterData, LetterLang, ProvisionRecordLine } from './types';
import { applicationRef, bullets, decisionFor, decisionsFor, formatLetterDate, kindTitle, linesOf, missing, pick } from './wording';

/** K1 / K6 done: what is disclosed, how, and the list of enclosures. */
function handOver(d: LetterData, lang: LetterLang, kind: 'K1' | 'K6'): TemplateText {
  const decision = decisionFor(d, kind);
  const enclosures = [...(decision.enclosures ?? []), ...(d.enclosures ?? [])].map((e) => e.trim()).filter((e) => e !== '');
  if (enclosures.length === 0) throw missing('同封書類の一覧', 'the list of enclosures');
  const ref = applicationRef(d, lang, [kind]);
  const k1 = kind === 'K1';
  const remarks = linesOf(decision.reasonText);
  return {
    title: k1
      ? pick(lang, '保有個人データの開示について（通知）', 'Notice of disclosure of retained personal data')
      : pick(lang, '第三者提供記録の開示について（通知）', 'Notice of disclosure of records of provision to third parties'),
    body: [
      pick(
        lang,
        `さて、${ref}につきまして、下記のとおり開示いたします。開示する${k1 ? '保有個人データ' : '記録'}は本通知書に同封いたしましたので、ご確認ください。`,
        `In response to ${ref}, we disclose the ${k1 ? 'retained personal data' : 'records'} as set out below. They are enclosed with this notice.`,
      ),
    ],
    sections: [
      { heading: pick(lang, '1　ご請求の内容', '1. Your request'), items: [`${kindTitle(kind, lang)}${pick(lang, `（${formatLetterDate(d.receivedOn, lang)}受付）`, ` (received ${formatLetterDate(d.receivedOn, lang)})`)}`] },
      { heading: pick(lang, '2　決定の内容', '2. Decision'), items: [pick(lang, 'ご請求のとおり開示いたします。', 'We disclose it as requested.')] },
      { heading: pick(lang, '3　開示の方法', '3. Form of disclosure'), items: [pick(lang, '書面の交付（本通知書に同封）', 'Paper copies, enclosed with this notice')] },
      { heading: pick(lang, '4　同封書類', '4. Enclosures'), items: bullets(enclosures, lang) },
      ...(remarks.length > 0 ? [{ heading: pick(lang, '5　備考', '5. Remarks'), items: remarks }] : []),
    ],
    notes: [
      k1
        ? pick(
            lang,
            '開示した保有個人データの内容が事実でない場合は、内容の訂正、追加又は削除をご請求いただくことができます。',
            'If any of the disclosed data is untrue, you may request its correction, addition or deletion.',
          )
        : pick(
            lang,
            '当社は、第三者への提供の記録を法令の定める期間保存しております。',
            'We keep records of provision to third parties for the period the law requires.',
          ),
    ],
  };
}

export const disclosureText = (d: LetterData, lang: LetterLang) => handOver(d, lang, 'K1');
/** K6: from the register when its records were matched (T2), else as a hand-over of enclosures. */
export const provisionRecordsText = (d: LetterData, lang: LetterLang) => (d.provisionRecords ? fromRegister(d, d.provisionRecords, lang) : handOver(d, lang, 'K6'));

/** K6 answered from the register: every record of the person with its era date, or that none exists. */
function fromRegister(d: LetterData, records: readonly ProvisionRecordLine[], lang: LetterLang): TemplateText {
  const ref = applicationRef(d, lang, ['K6']);
  const none = records.length === 0;
  const remarks = d.decisions.find((x) => x.kind === 'K6')?.reasonText;
  const lines = linesOf(remarks ?? '');
  return {
    title: pick(lang, '第三者提供記録の開示について（通知）', 'Notice of disclosure of records of provision to third parties'),
    body: [
      none
        ? pick(
            lang,
            `さて、${ref}につきまして、当社の第三者提供記録を調査いたしましたところ、ご本人に係る第三者への提供の記録は存在しませんでしたので、通知いたします。`,
            `Regarding ${ref}, we have searched our register and hold no record of providing data concerning you to third parties.`,
          )
        : pick(lang, `さて、${ref}につきまして、ご本人に係る第三者提供記録を下記のとおり開示いたします。`, `In response to ${ref}, we disclose the records of provision to third parties concerning you as set out below.`),
    ],
    sections: [
      { heading: pick(lang, '1　ご請求の内容', '1. Your request'), items: [`${kindTitle('K6', lang)}${pick(lang, `（${formatLetterDate(d.receivedOn, lang)}受付）`, ` (received ${formatLetterDate(d.receivedOn, lang)})`)}`] },
      {
        heading: pick(lang, '2　第三者提供記録', '2. Records of provision'),
        items: none ? [pick(lang, '該当する記録はありません。', 'No record exists.')] : bullets(records.map((r) => provisionRecordLine(r, lang)), lang),
      },
      ...(lines.length > 0 ? [{ heading: pick(lang, '3　備考', '3. Remarks'), items: lines }] : []),
    ],
    notes: [pick(lang, '当社は、第三者への提供の記録を法令の定める期間保存しております。', 'We keep records of provision to third parties for the period the law requires.')],
  };
}

/** K2: the purposes from settings, else the lines the administrator wrote in the decision. */
export function purposeOfUseText(d: LetterData, lang: LetterLang): TemplateText {
  const decision = decisionFor(d, 'K2');
  const fromSettings = (d.purposesOfUse ?? []).map((p) => p.trim()).filter((p) => p !== '');
  const purposes = fromSettings.length > 0 ? fromSettings : linesOf(decision.reasonText);
  if (purposes.length === 0) throw missing('利用目的', 'the purposes of use');
  return {
    title: pick(lang, '保有個人データの利用目的について（通知）', 'Notice of the purpose of use of retained personal data'),
    body: [
      pick(
        lang,
        `さて、${applicationRef(d, lang, ['K2'])}につきまして、ご本人に関する保有個人データの利用目的を下記のとおり通知いたします。`,
        `In response to ${applicationRef(d, lang, ['K2'])}, we notify you of the purposes for which we use the retained personal data concerning you, as listed below.`,
      ),
    ],
    sections: [{ heading: pick(lang, '1　利用目的', '1. Purposes of use'), items: bullets(purposes, lang) }],
    notes: [
      pick(
        lang,
        '当社は、上記の利用目的の達成に必要な範囲を超えて、ご本人の個人情報を取り扱うことはありません。',
        'We do not handle your personal information beyond what is necessary to achieve these purposes.',
      ),
    ],
  };
}

/** Every kind decided `no_data`, in one notice. */
export function noDataText(d: LetterData, lang: LetterLang): TemplateText {
  const decisions = decisionsFor(d, d.decisions.map((x) => x.kind), ['no_data']);
  if (decisions.length === 0) throw missing('「保有個人データなし」の決定', 'a "no data held" decision');
  const kinds: RequestKind[] = decisions.map((x) => x.kind);
  const remarks = decisions.flatMap((x) => linesOf(x.reasonText));
  return {
    title: pick(lang, '保有個人データの不存在について（通知）', 'Notice that no retained personal data exists'),
    body: [
      pick(
        lang,
        `さて、${applicationRef(d, lang, kinds)}につきまして、当社において調査いたしましたところ、ご請求に係るご本人の保有個人データ${kinds.includes('K6') ? '及び第三者提供記録' : ''}は存在しませんでしたので、通知いたします。`,
        `Regarding ${applicationRef(d, lang, kinds)}, we have searched our records and hold no retained personal data${kinds.includes('K6') ? ' or records of provision to third parties' : ''} concerning you.`,
      ),
    ],
    sections: [
      { heading: pick(lang, '1　ご請求の内容', '1. Your request'), items: bullets(kinds.map((k) => kindTitle(k, lang)), lang) },
      {
        heading: pick(lang, '2　結果', '2. Result'),
        items: [pick(lang, '当社は、ご請求に係るご本人の保有個人データを保有しておりません。', 'We hold no retained personal data concerning you that falls under your request.'), ...remarks],
      },
    ],
    notes: [],
  };
}
