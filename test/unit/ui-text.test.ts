/**
 * #13 item 9: every screen translated, one yen format. Walks the ja and en trees key by key and
 * scans the renderer's sources for UI text written into components instead of i18n.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { ja } from '../../renderer/src/i18n/ja';
import { formatYen } from '../../shared/domain/letters/wording';
import { formatMonth } from '../../renderer/src/ui/dates';

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const jaLeaves = leaves(ja as unknown as Tree);
const enLeaves = leaves(en as unknown as Tree);
const KANA = /[\u3041-\u3096\u30a1-\u30fa]/u;
const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();

/**
 * English strings that show Japanese on purpose: the language switch names 日本語 in Japanese,
 * terms staff must recognise on paper are given with their Japanese original, and the printed
 * recovery sheet is bilingual (it may be read by whoever finds it, years later).
 */
const JAPANESE_ON_PURPOSE_KEYS = new Set(['recovery.sheetTitle', 'recovery.sheetNote']);
const JAPANESE_ON_PURPOSE = /日本語|[（(「][^)）」]*[\u3041-\u30fa\u4e00-\u9fff][^)）」]*[)）」]|[\u4e00-\u9fff\u3041-\u30fa]+ \(|e\.g\.|"[^"]*[\u3041-\u30fa]/u;

describe('translations (#13 item 9)', () => {
  it('ja and en have the same keys, none empty, with the same placeholders', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...jaLeaves.keys()].sort());
    for (const [key, text] of jaLeaves) {
      expect(text.trim(), `ja ${key}`).not.toBe('');
      expect(enLeaves.get(key)!.trim(), `en ${key}`).not.toBe('');
      expect(vars(enLeaves.get(key)!), `placeholders of ${key}`).toEqual(vars(text));
    }
  });

  it('English text is English: no kana outside the deliberate Japanese terms', () => {
    const offenders = [...enLeaves].filter(([key, text]) => KANA.test(text) && !JAPANESE_ON_PURPOSE.test(text) && !JAPANESE_ON_PURPOSE_KEYS.has(key)).map(([k, v]) => `${k}: ${v}`);
    expect(offenders).toEqual([]);
  });

  it('Japanese text was translated: no ja string equal to a longer English sentence', () => {
    const offenders = [...jaLeaves]
      .filter(([key, text]) => /^[A-Za-z][A-Za-z ,.'’:;!?-]{12,}$/.test(text) && enLeaves.get(key) === text)
      .map(([k, v]) => `${k}: ${v}`);
    expect(offenders).toEqual([]);
  });

  it('kana headers match the data: readings are stored in katakana, so the label says フリガナ', () => {
    expect([...jaLeaves].filter(([, text]) => text.includes('ふりがな')).map(([k]) => k)).toEqual([]);
  });

  it('one month format: era months in Japanese, never 2026-12', () => {
    expect(formatMonth('2026-12', 'ja')).toBe('令和8年12月');
    expect(formatMonth('2019-04', 'ja')).toBe('平成31年4月');
    expect(formatMonth('2019-05', 'ja')).toMatch(/^令和(元|1)年5月$/);
    expect(formatMonth('2026-12', 'en')).toBe('Dec 2026');
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        expect(formatMonth(month, 'ja')).toMatch(/^(平成|令和)(元|\d+)年\d{1,2}月$/);
        expect(formatMonth(month, 'ja')).not.toContain(month);
      }),
    );
  });

  it('one yen format: "1,000円" in Japanese, never "1,000 円"', () => {
    const spaced = [...jaLeaves].filter(([, text]) => /(\d|\}\}) 円/.test(text)).map(([k]) => k);
    expect(spaced).toEqual([]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        expect(formatYen(n, 'ja')).toMatch(/^\d{1,3}(,\d{3})*円$/);
        expect(formatYen(n, 'en')).toMatch(/^¥\d{1,3}(,\d{3})*$/);
      }),
    );
  });
});

const RENDERER = join(import.meta.dirname, '../../renderer/src');
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'i18n' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

describe('no hard-coded UI text in components (#13 item 9)', () => {
  it('JSX text and label-like attributes come from i18n, not English written in the component', () => {
    const offenders: string[] = [];
    for (const file of sources(RENDERER)) {
      const src = readFileSync(file, 'utf8');
      // Text between tags that is a word or more of English (not code, not punctuation).
      for (const m of src.matchAll(/>\s*([A-Za-z][A-Za-z'’]+(?: [A-Za-z'’.,!?]+)+)\s*</g)) offenders.push(`${file.slice(RENDERER.length)}: >${m[1]}<`);
      for (const m of src.matchAll(/\b(label|placeholder|title|aria-label|description|alt)="([^"]*[A-Za-z]{3,}[^"]*)"/g)) {
        if (m[2] !== 'Kaiji') offenders.push(`${file.slice(RENDERER.length)}: ${m[1]}="${m[2]}"`);
      }
      // The other language on screen (`t(key, { lng })`) only on the printed, bilingual sheet.
      if (/\blng:/.test(src) && !file.endsWith('PrintSheet.tsx')) offenders.push(`${file.slice(RENDERER.length)}: t(…, { lng })`);
      // Japanese written into a component is untranslated in English mode.
      for (const m of src.matchAll(/>\s*([^<>{}\n]*[\u3041-\u30fa\u4e00-\u9fff][^<>{}\n]*)\s*</gu)) offenders.push(`${file.slice(RENDERER.length)}: >${m[1]}<`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('one date rule for timestamps (#13 item 9)', () => {
  it('era date and minute in details, compact era in lists, the second on hover; never ISO with T', async () => {
    const { compactTime, formatTime, fullTime } = await import('../../renderer/src/ui/dates');
    fc.assert(
      fc.property(fc.date({ min: new Date('2019-06-01T00:00:00Z'), max: new Date('2099-12-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        const at = d.toISOString();
        expect(formatTime(at, 'ja')).toMatch(/^令和(元|\d+)年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
        expect(compactTime(at, 'ja')).toMatch(/^R\d+\.\d{1,2}\.\d{1,2} \d{2}:\d{2}$/);
        expect(fullTime(at, 'ja')).toMatch(/^令和(元|\d+)年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
        expect(compactTime(at, 'en')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      }),
    );
  });
});
