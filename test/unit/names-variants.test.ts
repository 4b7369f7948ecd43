import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import variants from '../../shared/domain/data/kanji-variants.json';
import { foldKanjiVariants, nameKey, spellingKey } from '../../shared/domain/names';
import { matchName } from '../../shared/domain/verification/matching';

describe('variant kanji in name keys (R3, search)', () => {
  it.each([
    ['髙橋 一郎', '高橋一郎'],
    ['山﨑 花子', '山崎花子'],
    ['渡邉', '渡辺'],
    ['渡邊', '渡辺'],
    ['齋藤', '斎藤'],
    ['齊藤', '斎藤'],
    ['斉藤', '斎藤'],
    ['濵田', '浜田'],
    ['濱田', '浜田'],
    ['德川', '徳川'],
    ['澤田', '沢田'],
    ['國分', '国分'],
    ['廣瀬', '広瀬'],
    ['櫻井', '桜井'],
    ['黑田', '黒田'],
    ['嶋田', '島田'],
  ])('%s and %s share one key', (variant, common) => {
    expect(nameKey(variant)).toBe(nameKey(common));
    // ...while the spelling itself stays distinguishable (the D1-D5 check and the letters use it).
    expect(spellingKey(variant)).not.toBe(spellingKey(common));
  });

  it('keeps different names apart', () => {
    for (const [a, b] of [['高橋', '髙田'], ['山崎', '山岸'], ['渡辺', '渡部'], ['斎藤', '佐藤'], ['浜田', '濱口']]) expect(nameKey(a!)).not.toBe(nameKey(b!));
  });

  it('folds kana: script, small kana, the long-vowel mark', () => {
    expect(nameKey('サイトー キョウコ')).toBe(nameKey('さいと きようこ'));
    expect(nameKey('ｻｲﾄｳ')).toBe(nameKey('さいとう'));
    expect(nameKey('ヤマザキ')).not.toBe(nameKey('やまさき'));
  });

  it('ships a generated table with a source and the issue pairs', () => {
    expect(variants.source).toMatch(/^@mandel59\/mojidata \d+\.\d+\.\d+ \(Kanji Database Project: koseki\/variant/);
    expect(Array.from(variants.pairs).length % 2).toBe(0);
    expect(foldKanjiVariants('髙﨑邉邊齋齊濵德')).toBe('高崎辺辺斉斉浜徳');
  });

  it('any spelling mixing variants of one name gives the same key; folding is idempotent', () => {
    const groups = ['高髙', '崎﨑嵜', '辺邉邊', '斎齋齊斉', '浜濵濱', '徳德', '沢澤'];
    const nameOf = fc.array(fc.constantFrom(...groups.keys()), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(nameOf, fc.nat(), fc.nat(), (ids, s1, s2) => {
        const pick = (seed: number) => ids.map((g, i) => Array.from(groups[g]!)[(seed + i * 7) % Array.from(groups[g]!).length]).join('');
        const a = pick(s1);
        const b = pick(s2);
        expect(nameKey(a)).toBe(nameKey(b));
        expect(nameKey(nameKey(a))).toBe(nameKey(a));
      }),
    );
  });

  it('the ID check still reports a variant spelling for review, not as equal', () => {
    expect(matchName('髙橋 一郎', '高橋一郎')).toMatchObject({ status: 'needs_review', code: 'variant' });
    expect(matchName('渡邉 健', '渡辺 健')).toMatchObject({ status: 'needs_review', code: 'variant' });
    expect(matchName('髙橋 一郎', '髙橋　一郎')).toMatchObject({ status: 'pass', code: 'equal' });
    expect(matchName('髙橋 一郎', '高田一郎')).toMatchObject({ status: 'fail' });
  });
});
