import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looseAddressKey, matchAddress, matchName } from '../../shared/domain/verification';

describe('matchName (D1-D5 name check)', () => {
  it.each([
    ['山田 太郎', '山田太郎', 'pass'],
    ['山田　太郎', '山田 太郎', 'pass'],
    ['ヤマダ タロウ', 'やまだたろう', 'pass'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'やまだ たろう', 'pass'],
    ['ＹＡＭＡＤＡ　Ｔａｒｏ', 'yamada taro', 'pass'],
    ['髙橋 一郎', '高橋一郎', 'needs_review'],
    ['山﨑 花子', '山崎花子', 'needs_review'],
    ['渡邊 健', '渡辺健', 'needs_review'],
    ['齋藤 学', '斉藤学', 'needs_review'],
    ['やまだ たろう', '山田太郎', 'needs_review'],
    ['山田太郎', 'YAMADA TARO', 'needs_review'],
    ['山田太郎', '山田次郎', 'fail'],
    ['山田太郎', '山田', 'fail'],
    ['高橋一郎', '髙橋二郎', 'fail'],
    ['yamada taro', 'yamada jiro', 'fail'],
    ['', '山田太郎', 'needs_review'],
  ])('%s vs %s -> %s', (a, b, expected) => {
    expect(matchName(a, b).status).toBe(expected);
  });

  it('uses the form reading when the document shows kana', () => {
    expect(matchName('山田太郎', 'やまだたろう', 'ヤマダ タロウ').status).toBe('needs_review');
    expect(matchName('山田太郎', 'すずきはなこ', 'ヤマダ タロウ')).toMatchObject({ status: 'fail', code: 'different' });
    // long-vowel and small-kana notation in the reading is not a difference
    expect(matchName('山田太郎', 'やまだたろう', 'ヤマダ タロー').status).toBe('needs_review');
    expect(matchName('山田太郎', 'やまだたろう', 'ヤマダ ジロウ').status).toBe('fail');
    expect(matchName('田中拓也', 'たなかたくや', 'タナカ タクヤ').status).toBe('needs_review');
    expect(matchName('田中拓也', 'たなかたくや', 'タナカ タクャ').status).toBe('needs_review');
  });

  it('messages quote both names in both languages', () => {
    const m = matchName('山田太郎', '山田次郎');
    expect(m.message.ja).toContain('山田次郎');
    expect(m.message.en).toContain('differ');
  });

  // Each unit: the canonical character and the notations that must be treated as the same.
  const UNITS: readonly (readonly string[])[] = [
    ['山'], ['田'], ['太'], ['郎'], ['花'],
    ['や', 'ヤ', 'ﾔ'], ['ま', 'マ', 'ﾏ'], ['だ', 'ダ', 'ﾀﾞ'], ['た', 'タ', 'ﾀ'], ['ろ', 'ロ', 'ﾛ'], ['う', 'ウ', 'ｳ'], ['ぱ', 'パ', 'ﾊﾟ'],
    ['a', 'A', 'ａ', 'Ａ'], ['k', 'K', 'ｋ'], ['1', '１'],
  ];
  const SPACES = ['', '', ' ', '\u3000', '  ', ' \u3000'];
  const variantName = fc
    .array(fc.tuple(fc.nat({ max: UNITS.length - 1 }), fc.nat(), fc.constantFrom(...SPACES), fc.constantFrom(...SPACES)), { minLength: 1, maxLength: 12 })
    .map((parts) => ({
      canonical: parts.map(([u]) => UNITS[u]![0]).join(''),
      canonicalSpaced: parts.map(([u, , s]) => UNITS[u]![0] + s).join(''),
      variant: parts.map(([u, v, , s]) => UNITS[u]![v % UNITS[u]!.length] + s).join(''),
    }));

  it('property: width, spacing and katakana/hiragana variants always match', () => {
    fc.assert(
      fc.property(variantName, ({ canonical, canonicalSpaced, variant }) => {
        expect(matchName(canonical, variant).status).toBe('pass');
        expect(matchName(variant, canonicalSpaced).status).toBe('pass');
      }),
    );
  });

  it('property: changing one character never passes', () => {
    fc.assert(
      fc.property(variantName, fc.nat(), (name, at) => {
        const chars = Array.from(name.canonical);
        const i = at % chars.length;
        const changed = [...chars.slice(0, i), chars[i] === '川' ? '森' : '川', ...chars.slice(i + 1)].join('');
        expect(matchName(name.canonical, changed).status).not.toBe('pass');
      }),
    );
  });
});

describe('matchAddress (D1-D5 address check)', () => {
  it.each([
    ['東京都新宿区西早稲田2丁目20番15号', '東京都新宿区西早稲田2-20-15', 'pass'],
    ['東京都新宿区西早稲田２－２０－１５', '東京都 新宿区 西早稲田 2-20-15', 'pass'],
    ['東京都新宿区西早稲田二丁目20番15号', '東京都新宿区西早稲田2-20-15', 'needs_review'],
    ['新宿区西早稲田2-20-15', '東京都新宿区西早稲田2-20-15', 'needs_review'],
    ['東京都新宿区西早稲田2-20-15 アクセス10F', '東京都新宿区西早稲田2-20-15', 'needs_review'],
    ['東京都新宿区西早稲田2-20-15', '東京都新宿区西早稲田2-20-151', 'fail'],
    ['東京都新宿区西早稲田2-20-15', '東京都新宿区西早稲田2-20-16', 'fail'],
    ['茨城県龍ケ崎市1-1', '茨城県竜ヶ崎市1-1', 'needs_review'],
    ['東京都新宿区西早稲田2-20-15', '大阪府大阪市北区梅田1-1-1', 'fail'],
    ['', '東京都新宿区', 'needs_review'],
  ])('%s vs %s -> %s', (a, b, expected) => {
    expect(matchAddress(a, b).status).toBe(expected);
  });

  it('loose keys drop the prefecture and read kanji numerals', () => {
    expect(looseAddressKey('東京都新宿区西早稲田二丁目二十番十五号')).toBe(looseAddressKey('新宿区西早稲田2-20-15'));
    expect(looseAddressKey('神奈川県横浜市三丁目1番')).toBe('横浜市3-1');
  });

  it('property: block notation, width and spacing variants always match', () => {
    const fw = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(
        fc.constantFrom('東京都新宿区西早稲田', '大阪府大阪市北区梅田', '北海道札幌市中央区北一条西'),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom('', ' ', '\u3000'),
        (town, a, b, c, sp) => {
          const written = `${town}${a}丁目${b}番${c}号`;
          expect(matchAddress(written, `${town}${sp}${fw(`${a}-${b}-${c}`)}`).status).toBe('pass');
          expect(matchAddress(written, `${town}${a}－${b}－${c}`).status).toBe('pass');
          expect(matchAddress(written, `${town}${a}-${b}-${c + 1}`).status).toBe('fail');
        },
      ),
    );
  });
});
