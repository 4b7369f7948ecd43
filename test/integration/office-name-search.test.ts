// Name search in the case list on both back ends (#16 item 2; in the vitest "postgres" project
// too, vitest.config.ts POSTGRES_FILES). The list's search by written name or reading used an
// index range on the name keys, which the sealing plugin refuses on an office database (the keys
// are sealed there); it now goes through `startsWith` (office/sealed-search.ts): the same range
// on the vault, the prefix's MAC in name_prefixes on PostgreSQL. Queries from fast-check (any
// prefix of any name or reading, in hiragana, katakana, half-width or a variant kanji) must
// find exactly the cases the name keys say, with the same total, on either back end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseSearchField, nameKey } from '../../shared/domain/names';
import { ADMIN, useCores, value, type Call } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

// Variant kanji and readings that fold together (髙/高, 﨑/崎, 邉/辺, 齋/斎) and ones that only share a prefix.
const PEOPLE: [string, string][] = [
  ['髙橋 一郎', 'タカハシ イチロウ'],
  ['高橋 花子', 'たかはし はなこ'],
  ['高田 二郎', 'タカダ ジロウ'],
  ['山﨑 健', 'ヤマザキ ケン'],
  ['山崎 真', 'やまざき まこと'],
  ['山田 太郎', 'やまだ たろう'],
  ['渡邉 陽子', 'ワタナベ ヨウコ'],
  ['渡辺 誠', 'わたなべ まこと'],
  ['齋藤 恵', 'サイトウ メグミ'],
  ['佐藤 翔太', 'さとう しょうた'],
  ['佐々木 愛', 'ささき あい'],
  ['林 蓮', 'はやし れん'],
  ['小林 結衣', 'こばやし ゆい'],
];

const toKatakana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const toHalfWidthKatakana = (s: string) => toKatakana(s).normalize('NFKC').replace(/[\u30a1-\u30f6]/g, (c) => HALF[c] ?? c);
// A few half-width forms (NFKC folds them back): enough to vary the width of a query.
const HALF: Record<string, string> = { タ: 'ﾀ', カ: 'ｶ', ハ: 'ﾊ', シ: 'ｼ', ヤ: 'ﾔ', マ: 'ﾏ', サ: 'ｻ', ト: 'ﾄ', ワ: 'ﾜ', ナ: 'ﾅ', ベ: 'ﾍﾞ', キ: 'ｷ', イ: 'ｲ', ウ: 'ｳ', コ: 'ｺ', ダ: 'ﾀﾞ', ザ: 'ｻﾞ' };
const VARIANTS: Record<string, string> = { 高: '髙', 髙: '高', 崎: '﨑', 﨑: '崎', 辺: '邊', 邉: '辺', 斎: '齋', 齋: '斉' };

async function allFound(call: Call, query: string): Promise<{ ids: string[]; total: number }> {
  const page = value(await call('cases.list', { query, limit: 500, offset: 0 }));
  return { ids: page.cases.map((c) => c.id).sort(), total: page.total };
}

describe('the case list`s name search on the vault and on an office database', () => {
  it('finds by any prefix of a written name or reading exactly the cases whose name keys start with it', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    value(await call('vault.setup', ADMIN));
    const cases: { id: string; name: string; kana: string }[] = [];
    for (const [name, kana] of PEOPLE) {
      const c = value(await call('envelopes.log', { arrivedOn: '2026-11-20', delivery: 'futsu', redMarking: true })).cases[0]!;
      value(await call('cases.updateSubject', { id: c.id, name, kana }));
      cases.push({ id: c.id, name, kana });
    }
    // The oracle: the list's own rule (shared/domain/names.ts) applied to the names as written.
    const expected = (query: string) => {
      const field = caseSearchField(query);
      const key = nameKey(query);
      return cases.filter((c) => nameKey(field === 'kana' ? c.kana : c.name).startsWith(key)).map((c) => c.id).sort();
    };
    const query = fc
      .tuple(fc.constantFrom(...PEOPLE), fc.boolean(), fc.integer({ min: 1, max: 8 }), fc.constantFrom('as is', 'katakana', 'half-width', 'variant'))
      .map(([[name, kana], byReading, length, form]) => {
        let q = [...(byReading ? kana : name)].slice(0, length).join('').trim();
        if (form === 'katakana') q = toKatakana(q);
        if (form === 'half-width') q = toHalfWidthKatakana(q);
        if (form === 'variant') q = [...q].map((c) => VARIANTS[c] ?? c).join('');
        return q;
      })
      .filter((q) => nameKey(q).length > 0);
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const want = expected(q);
        const got = await allFound(call, q);
        expect(got.ids, q).toEqual(want);
        expect(got.total, q).toBe(want.length);
      }),
      { numRuns: 60 },
    );
    // Fixed cases the folding must join, whatever fast-check drew.
    const id = (name: string) => cases.find((c) => c.name === name)!.id;
    expect((await allFound(call, '高橋')).ids).toEqual([id('髙橋 一郎'), id('高橋 花子')].sort());
    expect((await allFound(call, '山崎')).ids).toEqual([id('山﨑 健'), id('山崎 真')].sort());
    expect((await allFound(call, 'ﾜﾀﾅﾍﾞ')).ids).toEqual([id('渡邉 陽子'), id('渡辺 誠')].sort());
    expect((await allFound(call, 'やま')).ids).toEqual([id('山﨑 健'), id('山崎 真'), id('山田 太郎')].sort());
    expect((await allFound(call, '林')).ids).toEqual([id('林 蓮')]);
    expect((await allFound(call, '鈴木')).total).toBe(0);
  });
});
