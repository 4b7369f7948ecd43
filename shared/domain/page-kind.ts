/**
 * What a scanned page probably is, and which request kinds (K1-K6) a letter asks for, from its
 * OCR text. Suggestions only: staff confirm. Pure, so the UI can show the reasons.
 */

export const PAGE_KINDS = ['application_form', 'id_document', 'money_order', 'power_of_attorney', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const PAGE_KIND_LABELS: Record<PageKind, { ja: string; en: string }> = {
  application_form: { ja: '開示等請求書', en: 'Application form' },
  id_document: { ja: '本人確認書類', en: 'Identity document' },
  money_order: { ja: '定額小為替', en: 'Postal money order' },
  power_of_attorney: { ja: '委任状', en: 'Power of attorney' },
  other: { ja: 'その他', en: 'Other' },
};

/** A keyword is one string or several that must all occur (anywhere on the page). */
type Keyword = string | readonly string[];
interface Rule {
  keyword: Keyword;
  weight: number;
}

// Weights: the document's own title outweighs the other kinds' words it mentions (the form
// lists ID documents, the money order and 委任状 as enclosures; a 委任状 names the form).
const PAGE_RULES: Record<Exclude<PageKind, 'other'>, readonly Rule[]> = {
  application_form: [
    { keyword: '開示等請求書', weight: 8 },
    { keyword: ['個人情報', '開示', '請求'], weight: 4 },
    { keyword: '請求の種類', weight: 2 },
    { keyword: '請求者', weight: 1 },
  ],
  id_document: [
    { keyword: '運転免許証', weight: 3 },
    { keyword: '旅券', weight: 3 },
    { keyword: 'PASSPORT', weight: 3 },
    { keyword: '健康保険', weight: 3 },
    { keyword: '被保険者証', weight: 3 },
    { keyword: '年金手帳', weight: 3 },
    { keyword: '住民票', weight: 3 },
    { keyword: '在留カード', weight: 3 },
    { keyword: '公安委員会', weight: 2 },
    { keyword: '有効期限', weight: 1 },
  ],
  money_order: [
    { keyword: '定額小為替', weight: 4 },
    { keyword: '為替証書', weight: 4 },
    { keyword: 'ゆうちょ銀行', weight: 3 },
    { keyword: '郵便局', weight: 1 },
  ],
  power_of_attorney: [
    { keyword: '委任状', weight: 6 },
    { keyword: '委任します', weight: 3 },
    { keyword: '受任者', weight: 2 },
    { keyword: '委任者', weight: 2 },
  ],
};

/** A title is the page's first line: keywords found there count double. */
function titleOf(text: string): string {
  return compactText(text.split(/\n/).find((l) => l.trim() !== '') ?? '');
}

/** NFKC, no whitespace, Latin upper-case: OCR spacing and width never decide a match. */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

const parts = (k: Keyword): readonly string[] => (typeof k === 'string' ? [k] : k);
const label = (k: Keyword): string => parts(k).join('+');

export function suggestPageKind(text: string): { kind: PageKind; score: number; matched: string[] } {
  const t = compactText(text);
  const title = titleOf(text);
  let best: { kind: PageKind; score: number; matched: string[] } = { kind: 'other', score: 0, matched: [] };
  for (const [kind, rules] of Object.entries(PAGE_RULES) as [PageKind, readonly Rule[]][]) {
    let score = 0;
    const matched: string[] = [];
    for (const { keyword, weight } of rules) {
      if (!parts(keyword).every((p) => t.includes(p))) continue;
      score += parts(keyword).every((p) => title.includes(p)) ? weight * 2 : weight;
      matched.push(label(keyword));
    }
    if (score > best.score) best = { kind, score, matched };
  }
  return best;
}

export const REQUEST_KINDS = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The request kinds of domain.md (K1-K6) as staff and letters name them. */
export const REQUEST_KIND_LABELS: Record<RequestKind, { ja: string; en: string }> = {
  K1: { ja: '開示', en: 'Disclosure' },
  K2: { ja: '利用目的の通知', en: 'Purpose of use' },
  K3: { ja: '訂正・追加・削除', en: 'Correction' },
  K4: { ja: '利用停止・消去', en: 'Suspension / erasure' },
  K5: { ja: '第三者提供の停止', en: 'Stop third-party provision' },
  K6: { ja: '第三者提供記録の開示', en: 'Third-party provision records' },
};

// Checked in this order; each match is blanked out before the next kinds look, so that
// 第三者提供記録の開示 is K6 only (not K1 via 開示) and 第三者提供の停止 is K5 only.
const REQUEST_RULES: readonly [RequestKind, RegExp][] = [
  ['K6', /第三者(?:への)?提供(?:の)?記録(?:の開示)?/gu],
  ['K5', /第三者(?:への)?提供(?:の)?(?:停止|中止)/gu],
  ['K4', /利用(?:の)?停止|消去/gu],
  // 訂正 as OCR also writes it: 記正, 訂止, 討正, 計正, 言丁正 (上記正しく… is no request).
  ['K3', /訂正|訂止|(?<![上下前左右別付併登表明注転筆書])記正|討正|計正|言丁正|内容の(?:追加|削除)|追加(?:又は|または|・|、)削除/gu],
  ['K2', /利用目的(?:の通知)?/gu],
  // 開示等 is the umbrella term (開示等請求書 = "disclosure, etc."): it says nothing about K1.
  ['K1', /開示(?!等)/gu],
];

/** Request kinds a letter or form text mentions, each with the phrases that matched. */
export function suggestRequestKinds(text: string): { kind: RequestKind; reasons: string[] }[] {
  let t = compactText(text);
  const found = new Map<RequestKind, string[]>();
  for (const [kind, pattern] of REQUEST_RULES) {
    const hits = [...new Set(t.match(pattern) ?? [])];
    if (hits.length === 0) continue;
    found.set(kind, hits);
    t = t.replace(pattern, (m) => '□'.repeat(m.length));
  }
  return REQUEST_KINDS.filter((k) => found.has(k)).map((kind) => ({ kind, reasons: found.get(kind)! }));
}
