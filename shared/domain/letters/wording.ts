/**
 * Phrases every letter shares: dates, postal codes, the formal names of the request kinds,
 * decision outcomes and legal grounds as letters print them.
 */
import { oneLine } from '../company-text';
import { KaijiError } from '../../errors';
import { DECISION_GROUND_LABELS, type KindDecision } from '../decisions';
import { formatEraDate } from '../era';
import type { RequestKind } from '../page-kind';
import type { LetterData, LetterLang } from './types';

export const pick = <T>(lang: LetterLang, ja: T, en: T): T => (lang === 'ja' ? ja : en);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Japanese letters print the era calendar (令和8年11月24日); English letters print the
 * Western calendar (24 November 2026), which readers of an English letter expect.
 */
export function formatLetterDate(isoDate: string, lang: LetterLang): string {
  if (lang === 'ja') return formatEraDate(isoDate);
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** 1690051 / 169-0051 / １６９－００５１ -> 〒169-0051 (anything else is printed as given; '' stays ''). */
export function formatPostalCode(code: string): string {
  const digits = code.normalize('NFKC').replace(/[^0-9]/g, '');
  if (digits.length === 7) return `〒${digits.slice(0, 3)}-${digits.slice(3)}`;
  return code.trim() === '' ? '' : `〒${code.trim()}`;
}

/** Yen amounts: 1,000円 / ¥1,000. */
export function formatYen(amount: number, lang: LetterLang): string {
  const n = amount.toLocaleString('en-US');
  return pick(lang, `${n}円`, `¥${n}`);
}

/** The kinds by their statutory names, as a letter names what was asked. */
export const KIND_FORMAL_NAMES: Record<RequestKind, { ja: string; en: string }> = {
  K1: { ja: '保有個人データの開示', en: 'disclosure of retained personal data' },
  K2: { ja: '保有個人データの利用目的の通知', en: 'notification of the purpose of use of retained personal data' },
  K3: { ja: '保有個人データの内容の訂正、追加又は削除', en: 'correction, addition or deletion of the content of retained personal data' },
  K4: { ja: '保有個人データの利用の停止又は消去', en: 'suspension of use or erasure of retained personal data' },
  K5: { ja: '保有個人データの第三者への提供の停止', en: 'discontinuation of the provision of retained personal data to third parties' },
  K6: { ja: '第三者提供記録の開示', en: 'disclosure of records of provision to third parties' },
};

export const kindName = (kind: RequestKind, lang: LetterLang): string => KIND_FORMAL_NAMES[kind][lang];

/** The kind's name as a heading or list item starts: Disclosure of retained personal data. */
export const kindTitle = (kind: RequestKind, lang: LetterLang): string => {
  const n = kindName(kind, lang);
  return n.charAt(0).toUpperCase() + n.slice(1);
};

/** Item bullet: ・ in Japanese, • in English (the renderer hangs wrapped lines after it). */
export const bulletOf = (lang: LetterLang): string => pick(lang, '・', '• ');
export const bullets = (items: readonly string[], lang: LetterLang): string[] => items.map((i) => `${bulletOf(lang)}${i}`);

/** 「A」及び「B」 / "A" and "B". */
export function kindList(kinds: readonly RequestKind[], lang: LetterLang): string {
  const names = kinds.map((k) => kindName(k, lang));
  if (lang === 'ja') return names.map((n) => `「${n}」`).join('及び');
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The opening reference every letter makes to the application. */
export function applicationRef(d: LetterData, lang: LetterLang, kinds: readonly RequestKind[] = d.requestedKinds): string {
  const date = formatLetterDate(d.receivedOn, lang);
  return pick(
    lang,
    `${date}に当社で受け付けました${kindList(kinds, 'ja')}のご請求（受付番号 ${d.caseNo}）`,
    `your request for ${kindList(kinds, 'en')}, which we received on ${date} (case number ${d.caseNo})`,
  );
}

/** Grounds printed with their legal basis, then the administrator's own words. */
export function reasonLines(decision: KindDecision, lang: LetterLang): string[] {
  const lines = decision.grounds.map((g) => {
    const label = DECISION_GROUND_LABELS[g];
    return pick(lang, `${label.ja}ため（${label.law.ja}）`, `${label.en} (${label.law.en}).`);
  });
  const own = decision.reasonText.trim();
  if (own) lines.push(own);
  return lines;
}

export function decisionsFor(d: LetterData, kinds: readonly RequestKind[], outcomes?: readonly KindDecision['outcome'][]): KindDecision[] {
  return d.decisions.filter((x) => kinds.includes(x.kind) && (!outcomes || outcomes.includes(x.outcome)));
}

/** The decision for one kind, or an error naming what is missing. */
export function decisionFor(d: LetterData, kind: RequestKind): KindDecision {
  const found = d.decisions.find((x) => x.kind === kind);
  if (!found) throw missing(`${KIND_FORMAL_NAMES[kind].ja}の決定`, `the decision on ${KIND_FORMAL_NAMES[kind].en}`);
  return found;
}

export function missing(whatJa: string, whatEn: string): KaijiError {
  return new KaijiError('LETTER_DATA_MISSING', { whatJa, whatEn });
}

/** Lines of a possibly multi-line text, trimmed, empty ones dropped. */
export const linesOf = (text: string | undefined): string[] =>
  (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');

/** The frame every letter shares: greeting, closing words, inquiries note. */
export function frame(d: LetterData, lang: LetterLang) {
  return {
    salutation: pick(lang, '拝啓　時下ますますご清祥のこととお慶び申し上げます。', `Dear ${d.recipient.name},`),
    complimentaryClose: pick(lang, '敬具', 'Yours sincerely,'),
    itemsMarker: pick(lang, '記', ''),
    closing: pick(lang, '以上', ''),
    inquiries: pick(
      lang,
      `本件についてのお問い合わせは、${oneLine(d.company.contactPoint)}までお願いいたします。その際は受付番号（${d.caseNo}）をお知らせください。`,
      `If you have any questions about this letter, please contact ${oneLine(d.company.contactPoint)}, quoting case number ${d.caseNo}.`,
    ),
  };
}
