/**
 * Letters that report a decision: partial disclosure / non-disclosure with reasons for any
 * kind (R1-R3, Art. 33(3), 34(3), 35(7), 36), and the results of correction (K3),
 * suspension/erasure (K4) and stopping third-party provision (K5), including the
 * alternative measure of R4 (Art. 35).
 */
import type { KindDecision } from '../decisions';
import type { RequestKind } from '../page-kind';
import type { TemplateText } from './template-text';
import type { LetterData, LetterLang, LetterSection } from './types';
import { applicationRef, bullets, decisionFor, decisionsFor, formatLetterDate, kindTitle, linesOf, missing, pick, reasonLines } from './wording';

/** What "doing" each kind means, for sentences such as 「訂正等を行いません」. */
const ACTION: Record<RequestKind, { ja: string; en: string }> = {
  K1: { ja: '開示', en: 'disclosure' },
  K2: { ja: '利用目的の通知', en: 'notification of the purpose of use' },
  K3: { ja: '訂正等', en: 'correction, addition or deletion' },
  K4: { ja: '利用停止等', en: 'suspension of use or erasure' },
  K5: { ja: '第三者への提供の停止', en: 'discontinuation of provision to third parties' },
  K6: { ja: '開示', en: 'disclosure' },
};

const DONE: Record<RequestKind, { ja: string; en: string }> = {
  K1: { ja: 'ご請求のとおり開示いたします。', en: 'We disclose it as requested.' },
  K2: { ja: 'ご請求のとおり利用目的を通知いたします。', en: 'We notify you of the purposes of use as requested.' },
  K3: { ja: 'ご請求のとおり、保有個人データの内容の訂正等を行いました。', en: 'We have corrected, added to or deleted the content of the retained personal data as requested.' },
  K4: { ja: 'ご請求のとおり、保有個人データの利用を停止し、又は消去いたしました。', en: 'We have suspended the use of, or erased, the retained personal data as requested.' },
  K5: {
    ja: 'ご請求のとおり、ご本人に関する保有個人データの第三者への提供を停止いたしました。今後、第三者への提供は行いません。',
    en: 'We have stopped providing the retained personal data concerning you to third parties, as requested, and will not provide it from now on.',
  },
  K6: { ja: 'ご請求のとおり開示いたします。', en: 'We disclose them as requested.' },
};

/** One sentence saying what was decided for a kind. */
export function outcomeSentence(x: KindDecision, lang: LetterLang): string {
  const a = ACTION[x.kind];
  switch (x.outcome) {
    case 'done':
      return DONE[x.kind][lang];
    case 'partial':
      return pick(lang, `ご請求の一部について${a.ja}を行い、その他の部分については${a.ja}を行わないことといたしました。`, `We carry out the ${a.en} for part of your request and not for the remainder.`);
    case 'not_done':
      return pick(lang, `ご請求に係る${a.ja}を行わないことといたしました。`, `We have decided not to carry out the ${a.en}.`);
    case 'no_data':
      return pick(lang, '当社は、ご請求に係るご本人の保有個人データを保有しておりません。', 'We hold no retained personal data concerning you that falls under your request.');
    case 'alternative':
      return pick(
        lang,
        `ご請求に係る${a.ja}には多額の費用を要する等、これを行うことが困難であるため、ご本人の権利利益を保護するため必要なこれに代わるべき措置として、下記の措置を講じました（個人情報の保護に関する法律第35条）。`,
        `Because the ${a.en} would be very costly or otherwise difficult, we have instead taken the measure below, which is necessary to protect your rights and interests (APPI Art. 35).`,
      );
  }
}

/** The numbered sections of one decision: request, decision, measure, reasons, enclosures. */
export function decisionSections(d: LetterData, x: KindDecision, lang: LetterLang, number: number | null): LetterSection[] {
  const n = (i: number) => (number === null ? `${i}` : `${number}-${i}`);
  const h = (i: number, ja: string, en: string) => pick(lang, `${n(i)}　${ja}`, `${n(i)}. ${en}`);
  // Grouped under a heading naming the kind, a letter about several kinds skips "your request".
  const out: LetterSection[] =
    number === null
      ? [{ heading: h(1, 'ご請求の内容', 'Your request'), items: [`${kindTitle(x.kind, lang)}${pick(lang, `（${formatLetterDate(d.receivedOn, lang)}受付）`, ` (received ${formatLetterDate(d.receivedOn, lang)})`)}`] }]
      : [];
  let i = out.length + 1;
  out.push({ heading: h(i++, '決定の内容', 'Decision'), items: [outcomeSentence(x, lang)] });
  if (x.outcome === 'alternative') {
    const measure = linesOf(x.alternativeMeasure);
    if (measure.length === 0) throw missing('代替措置の内容', 'the alternative measure');
    out.push({ heading: h(i++, '講じた代替措置', 'Alternative measure taken'), items: measure });
  } else if (x.outcome === 'done' && (x.kind === 'K3' || x.kind === 'K4' || x.kind === 'K5') && linesOf(x.reasonText).length > 0) {
    out.push({ heading: h(i++, '措置の内容', 'What we did'), items: linesOf(x.reasonText) });
  }
  if (x.outcome === 'partial' || x.outcome === 'not_done' || x.outcome === 'alternative') {
    const reasons = x.outcome === 'alternative' ? linesOf(x.reasonText) : reasonLines(x, lang);
    if (reasons.length > 0) {
      out.push({
        heading: h(i++, x.outcome === 'alternative' ? '理由' : `${ACTION[x.kind].ja}を行わない理由`, x.outcome === 'alternative' ? 'Reasons' : `Reasons for not carrying out the ${ACTION[x.kind].en}`),
        items: bullets(reasons, lang),
      });
    }
  }
  const enclosures = (x.enclosures ?? []).map((e) => e.trim()).filter((e) => e !== '');
  if (x.outcome === 'partial' && enclosures.length > 0) out.push({ heading: h(i++, '同封書類', 'Enclosures'), items: bullets(enclosures, lang) });
  return out;
}

/** Every kind decided partial or not_done, each with its reasons (Art. 36). */
export function partialOrRefusalText(d: LetterData, lang: LetterLang): TemplateText {
  const decisions = decisionsFor(d, d.decisions.map((x) => x.kind), ['partial', 'not_done']);
  if (decisions.length === 0) throw missing('一部対応又は対応しない旨の決定', 'a partial or negative decision');
  const kinds = decisions.map((x) => x.kind);
  const allRefused = decisions.every((x) => x.outcome === 'not_done');
  const onlyDisclosure = kinds.every((k) => k === 'K1' || k === 'K6');
  const title = onlyDisclosure
    ? allRefused
      ? pick(lang, '保有個人データの不開示の決定について（通知）', 'Notice of the decision not to disclose')
      : pick(lang, '保有個人データの一部開示の決定について（通知）', 'Notice of the decision to disclose in part')
    : allRefused
      ? pick(lang, '個人情報の開示等のご請求に応じない旨の決定について（通知）', 'Notice of the decision not to comply with your request')
      : pick(lang, '個人情報の開示等のご請求の一部に応じる旨の決定について（通知）', 'Notice of the decision to comply with your request in part');
  const encloses = decisions.some((x) => x.outcome === 'partial' && (x.enclosures?.length ?? 0) > 0);
  return {
    title,
    body: [
      pick(
        lang,
        `さて、${applicationRef(d, lang, kinds)}につきまして、慎重に検討いたしました結果、下記のとおり決定いたしましたので通知いたします。ご請求の全部又は一部に応じないこととした理由は、下記に記載のとおりです。`,
        `We have carefully considered ${applicationRef(d, lang, kinds)} and have decided as set out below. The reasons for not complying with all or part of your request are given for each item.`,
      ),
      ...(encloses ? [pick(lang, 'ご請求に応じる部分につきましては、本通知書に同封いたしました。', 'The part we comply with is enclosed with this notice.')] : []),
    ],
    sections: decisions.flatMap((x, i) => {
      const sections = decisionSections(d, x, lang, decisions.length > 1 ? i + 1 : null);
      if (decisions.length === 1) return sections;
      return [{ heading: pick(lang, `${i + 1}　${kindTitle(x.kind, lang)}`, `${i + 1}. ${kindTitle(x.kind, lang)}`), items: [] }, ...sections];
    }),
    notes: [
      pick(
        lang,
        '本決定の理由について、さらにご説明が必要な場合は、下記のお問い合わせ先までご連絡ください。',
        'If you would like a further explanation of the reasons for this decision, please contact us as shown below.',
      ),
    ],
  };
}

function resultText(d: LetterData, lang: LetterLang, kind: 'K3' | 'K4' | 'K5', title: { ja: string; en: string }): TemplateText {
  const x = decisionFor(d, kind);
  return {
    title: title[lang],
    body: [
      pick(
        lang,
        `さて、${applicationRef(d, lang, [kind])}につきまして、下記のとおり${x.outcome === 'done' || x.outcome === 'alternative' ? '措置を講じました' : '決定いたしました'}ので通知いたします。`,
        `We inform you of the result of ${applicationRef(d, lang, [kind])}, as set out below.`,
      ),
    ],
    sections: decisionSections(d, x, lang, null),
    notes: [],
  };
}

export const correctionResultText = (d: LetterData, lang: LetterLang) =>
  resultText(d, lang, 'K3', { ja: '保有個人データの訂正等の結果について（通知）', en: 'Notice of the result of your request for correction, addition or deletion' });
export const suspensionResultText = (d: LetterData, lang: LetterLang) =>
  resultText(d, lang, 'K4', { ja: '保有個人データの利用停止等の結果について（通知）', en: 'Notice of the result of your request for suspension of use or erasure' });
export const thirdPartyStopResultText = (d: LetterData, lang: LetterLang) =>
  resultText(d, lang, 'K5', { ja: '保有個人データの第三者への提供の停止について（通知）', en: 'Notice of the result of your request to stop provision to third parties' });
