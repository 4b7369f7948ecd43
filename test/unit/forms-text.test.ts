import { describe, expect, it } from 'vitest';
import { fieldCharset, uniqueChars } from '../../electron/services/forms/charset';
import { wrapText } from '../../electron/services/forms/text-layout';

// Monospace stand-in: every character 1 unit wide.
const w = (s: string) => Array.from(s).length;

describe('line breaking for Japanese and Latin', () => {
  it('breaks Japanese between characters', () => {
    expect(wrapText('あいうえおかきくけこ', w, 4)).toEqual(['あいうえ', 'おかきく', 'けこ']);
  });

  it('never starts a line with closing punctuation (禁則)', () => {
    expect(wrapText('あいう。えお', w, 3)).toEqual(['あいう。', 'えお']);
    expect(wrapText('あいう」、え', w, 3)).toEqual(['あいう」、', 'え']);
  });

  it('keeps Latin words and e-mail addresses whole where they fit', () => {
    expect(wrapText('登録 taro@example.jp です', w, 18)).toEqual(['登録 taro@example.jp', 'です']);
    expect(wrapText('登録 taro@example.jp', w, 16)).toEqual(['登録', 'taro@example.jp']);
  });

  it('cuts a word longer than a line', () => {
    expect(wrapText('abcdefghij', w, 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('keeps explicit line breaks', () => {
    expect(wrapText('一行目\n二行目', w, 10)).toEqual(['一行目', '二行目']);
  });
});

describe('field character set', () => {
  const set = new Set(Array.from(fieldCharset()));

  it('covers JIS X 0208 kanji, kana and Latin plus name variants', () => {
    expect(set.size).toBeGreaterThan(7000);
    for (const c of '山田太郎やまだヤマダｱｲｳ髙﨑𠮷'.replace('𠮷', '') + 'Az09@-ー〒①') expect(set.has(c), c).toBe(true);
  });

  it('uniqueChars keeps first occurrences in order', () => {
    expect(uniqueChars('ababcあ山あ')).toBe('abcあ山');
  });
});
