import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressKey, caseSearchField, nameKey, toHiragana } from '../../shared/domain/names';

describe('name keys (R3)', () => {
  it.each([
    ['山田 太郎', '山田太郎'],
    ['山田\u3000太郎', '山田太郎'],
    ['ヤマダ タロウ', 'やまだたろう'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'やまだたろう'],
    ['やまだ　たろう', 'やまだたろう'],
    ['ＹＡＭＡＤＡ Taro', 'yamadataro'],
  ])('%s -> %s', (input, key) => {
    expect(nameKey(input)).toBe(key);
  });

  it('is idempotent and ignores spacing and width', () => {
    const jp = fc.string({ unit: fc.constantFrom(...'山田太郎やまだヤマダｶﾀ ＡＢab\u3000'), maxLength: 20 });
    fc.assert(
      fc.property(jp, (s) => {
        expect(nameKey(nameKey(s))).toBe(nameKey(s));
        expect(nameKey(s.replace(/ /g, '\u3000'))).toBe(nameKey(s));
        expect(nameKey(s)).not.toMatch(/\s/);
      }),
    );
  });

  it('folds only katakana', () => {
    expect(toHiragana('カキクケコ漢字abc')).toBe('かきくけこ漢字abc');
  });
});

describe('what a case search is for', () => {
  it.each([
    ['2026-0012', 'case_no'],
    ['２０２６－００１', 'case_no'],
    ['2026', 'case_no'],
    ['やまだ', 'kana'],
    ['ヤマダ タロウ', 'kana'],
    ['ﾔﾏﾀﾞ', 'kana'],
    ['山田', 'name'],
    ['山田 たろう', 'name'],
    ['Yamada', 'name'],
  ])('%s -> %s', (q, field) => {
    expect(caseSearchField(q)).toBe(field);
  });
});

describe('address keys (R3)', () => {
  it('treats block notations as the same address', () => {
    const a = addressKey('東京都世田谷区桜新町1丁目2番3号');
    expect(addressKey('東京都世田谷区桜新町 1-2-3')).toBe(a);
    expect(addressKey('東京都世田谷区桜新町１－２－３')).toBe(a);
    expect(addressKey('東京都世田谷区桜新町1丁目2番地3')).toBe(a);
    expect(addressKey('東京都世田谷区桜新町1丁目2番4号')).not.toBe(a);
  });
});
