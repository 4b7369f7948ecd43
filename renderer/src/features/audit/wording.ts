/**
 * The audit trail in words (#13 item 7, S3): each entry's action, summary fields and values as
 * people read them (ja/en), instead of codes and JSON; and the reverse, for search: which codes
 * are shown as words containing a searched text (so 削除 finds ページの削除).
 * Pure functions over the i18n tables; no React.
 */
import type { AuditEntry } from '@shared/contract';
import { en } from '../../i18n/en';
import { ja } from '../../i18n/ja';
import { auditWordsEn, auditWordsJa } from '../../i18n/sections/audit';
import { knownActions } from './actions';

export type Lang = 'ja' | 'en';

const WORDS = { ja: auditWordsJa, en: auditWordsEn };
const ACTIONS: Record<Lang, Record<string, Record<string, string>>> = { ja: ja.audit.actions, en: en.audit.actions };

/** Entries whose two-element arrays are a change [before, after], not a list. */
const CHANGE_PAIRS = new Set(['settings.updated', 'page.kind_confirmed', 'page.moved']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function actionWords(action: string, lang: Lang): string {
  const dot = action.indexOf('.');
  return ACTIONS[lang][action.slice(0, dot)]?.[action.slice(dot + 1)] ?? action;
}

export function fieldWords(key: string, lang: Lang): string {
  return WORDS[lang].fields[key] ?? key;
}

function codeWords(key: string, code: string, lang: Lang, action: string): string | undefined {
  const w = WORDS[lang];
  const moneyOrderState = action.startsWith('money_order.') && (key === 'from' || key === 'to') ? w.moneyOrderStates[code] : undefined;
  return moneyOrderState ?? w.fieldValues[key]?.[code] ?? w.values[code];
}

/** One value in words: codes by their label, ids shortened, yes/no, lists joined. */
export function valueWords(key: string, value: unknown, lang: Lang, action = ''): string {
  const w = WORDS[lang];
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (typeof value === 'number') return value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
  if (typeof value === 'string') {
    const words = codeWords(key, value, lang, action);
    if (words) return words;
    return UUID.test(value) ? `${value.slice(0, 8)}…` : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (CHANGE_PAIRS.has(action) && value.length === 2) {
      return `${valueWords(key, value[0], lang, action)} → ${valueWords(key, value[1], lang, action)}`;
    }
    // Checklist results: [ruleId, status] pairs.
    if (value.every((v) => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string')) {
      return value.map((v: [string, unknown]) => `${v[0]} ${valueWords('status', v[1], lang, action)}`).join(w.listSeparator);
    }
    return value.map((v) => valueWords(key, v, lang, action)).join(w.listSeparator);
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${fieldWords(k, lang)} ${valueWords(k, v, lang, action)}`);
    return parts.length > 0 ? parts.join(w.listSeparator) : '—';
  }
  return String(value);
}

export function recordTypeWords(type: string, lang: Lang): string {
  return WORDS[lang].recordTypes[type] ?? type;
}

export interface SummaryLine {
  key: string;
  label: string;
  text: string;
}

export function summaryWords(entry: Pick<AuditEntry, 'action' | 'summary'>, lang: Lang): SummaryLine[] {
  return Object.entries(entry.summary).map(([key, value]) => ({
    key,
    label: fieldWords(key, lang),
    text: valueWords(key, value, lang, entry.action),
  }));
}

/** The summary as one line of words: `項目: 値 · 項目: 値`. */
export function summaryLine(entry: Pick<AuditEntry, 'action' | 'summary'>, lang: Lang): string {
  return summaryWords(entry, lang)
    .map((l) => `${l.label}: ${l.text}`)
    .join(' · ');
}

const fold = (s: string): string => s.normalize('NFKC').toLowerCase();

/**
 * Codes shown as words that contain `text` (in either language, ignoring case and width):
 * actions, summary field names and value codes. The server matches them (audit.list `codes`)
 * alongside the raw text, so the search covers the words on screen.
 */
export function codesForText(text: string): string[] {
  const needle = fold(text.trim());
  if (!needle) return [];
  const out = new Set<string>();
  for (const lang of ['ja', 'en'] as const) {
    for (const action of knownActions) if (fold(actionWords(action, lang)).includes(needle)) out.add(action);
    const w = WORDS[lang];
    const tables = [w.fields, w.values, w.moneyOrderStates, ...Object.values(w.fieldValues)];
    for (const table of tables) for (const [code, words] of Object.entries(table)) if (fold(words).includes(needle)) out.add(code);
  }
  return [...out].filter((c) => /^[A-Za-z0-9_.]{1,64}$/.test(c)).slice(0, 300);
}
