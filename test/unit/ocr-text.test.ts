import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, normaliseOcrText, textFromTsv } from '../../shared/domain/ocr-text';

describe('normaliseOcrText', () => {
  it.each([
    // tesseract's spaces between Japanese characters
    ['個人 情報 開示 等 請求 書', '個人情報開示等請求書'],
    ['氏 名 山 田 太 郎', '氏名山田太郎'],
    ['請求 日 令 和 8 年 11 月 24 日', '請求日令和8年11月24日'],
    ['住所 : 東京 都 千 代田 区 丸の内 1-1-1', '住所:東京都千代田区丸の内1-1-1'],
    ['「 開示 」 。', '「開示」。'],
    ['カ タ カ ナ ー', 'カタカナー'],
    // NFKC: full width, half-width kana, circled digits, ideographic space
    ['令和 ⑧ 年 ⑪ 月 ②④ 日', '令和8年11月24日'],
    ['ＡＢＣ　１２３', 'ABC 123'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ'],
    // Latin words keep their spaces, also next to Japanese
    ['Application for Disclosure, etc.', 'Application for Disclosure, etc.'],
    ['PASSPORT 旅券', 'PASSPORT 旅券'],
    ['日本国 JAPAN', '日本国 JAPAN'],
    // era misreads, only before a year
    ['合和 8 年 4 月 1 日', '令和8年4月1日'],
    ['今和8年', '令和8年'],
    ['令利 元 年', '令和元年'],
    ['信和 8 年', '令和8年'],
    ['平戌 31 年', '平成31年'],
    ['平或元年', '平成元年'],
    ['昭知 60 年', '昭和60年'],
    ['信和 興業 株式 会社', '信和興業株式会社'],
    ['今和 8 月', '今和8月'],
    ['平戌', '平戌'],
    // whitespace
    ['  a   b \t c  \n\n\n  d  ', 'a b c\nd'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normaliseOcrText(input)).toBe(expected);
  });

  const ocrish = fc.string({
    unit: fc.constantFrom(...'令和合今信平成戌或昭知元年月日山田太郎カナｶﾅー、。「」⑧１2 \t\n\u3000ab.:-゛'),
    maxLength: 40,
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(ocrish, fc.string(), fc.string({ unit: 'grapheme' })), (s) => {
        const once = normaliseOcrText(s);
        expect(normaliseOcrText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('changes pure ASCII text only by collapsing whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }), (s) => {
        expect(normaliseOcrText(s)).toBe(collapseWhitespace(s));
        expect(collapseWhitespace('a  b \t c')).toBe('a b c');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ideographic spaces in OCR text (issue 12 item 8)', () => {
  it('keeps U+3000 between Japanese words, never "_", and stays idempotent', () => {
    expect(normaliseOcrText('氏名　山田　太郎')).toBe('氏名\u3000山田\u3000太郎');
    expect(normaliseOcrText('山 田 太 郎')).toBe('山田太郎');
    expect(normaliseOcrText(normaliseOcrText('住所　東京都 新宿区')).toString()).toBe('住所\u3000東京都新宿区');
    expect(normaliseOcrText('　山田　')).toBe('山田');
  });

  it('turns wide gaps and underscore words of tesseract TSV into U+3000', () => {
    const row = (line: number, word: number, x: number, w: number, text: string) => ['5', '1', '1', '1', String(line), String(word), String(x), '100', String(w), '40', '90', text].join('\t');
    const tsv = [
      row(1, 1, 100, 80, '氏名'), // label
      row(1, 2, 220, 80, '山田'), // 40 px gap = one character: an ideographic space
      row(1, 3, 304, 80, '太郎'), // 4 px: tesseract's own break
      row(2, 1, 100, 80, '住所'),
      row(2, 2, 185, 20, '_'),
      row(2, 3, 210, 120, '東京都'),
    ].join('\n');
    expect(textFromTsv(tsv)).toBe('氏名\u3000山田 太郎\n住所\u3000東京都');
    expect(normaliseOcrText(textFromTsv(tsv))).toBe('氏名\u3000山田太郎\n住所\u3000東京都');
    expect(normaliseOcrText(textFromTsv(tsv))).not.toContain('_');
  });
});

describe('wide gaps beside digits are layout, not spaces', () => {
  it('keeps 令和 8 年 a date (the era fix still applies)', () => {
    const row = (word: number, x: number, w: number, text: string) => ['5', '1', '1', '1', '1', String(word), String(x), '100', String(w), '40', '90', text].join('\t');
    const tsv = [row(1, 100, 80, '信和'), row(2, 220, 20, '8'), row(3, 290, 40, '年'), row(4, 340, 120, '11月20日')].join('\n');
    expect(normaliseOcrText(textFromTsv(tsv))).toBe('令和8年11月20日');
  });
});
