import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterLines, looksLikeRequestLetter, readLetter, type LetterWord } from '../../shared/domain/letter-reading';
import { suggestRequestKinds } from '../../shared/domain/page-kind';

/** One OCR word per line, 30 px per character, lines 60 px apart. */
const page = (...lines: string[]): LetterWord[] => lines.map((text, i) => ({ text, confidence: 90, bbox: { x0: 100, y0: 100 + i * 60, x1: 100 + 30 * text.length, y1: 132 + i * 60 } }));

describe('訂正 and the other kinds as OCR writes them (issue 12 item 4)', () => {
  it.each(['記正', '訂止', '討正', '計正', '言丁正', '訂正'])('登録内容の%sをお願いします -> K3', (w) => {
    expect(suggestRequestKinds(`登録内容の${w}をお願いします`).map((k) => k.kind)).toEqual(['K3']);
  });
  it('上記正しく is no correction request', () => {
    expect(suggestRequestKinds('上記正しく記入しました')).toEqual([]);
  });
});

describe('reading a free-form letter', () => {
  const letter = page(
    '令和8年11月18日',
    '株式会社テスト御中',
    '保有個人データの開示と登録住所の記正をお願いします。',
    '氏名 山田 太郎',
    'フリガナ ヤマダ タロウ',
    '生年月日 昭和60年4月1日',
    '住所 〒154-0015 東京都世田谷区桜新町1丁目2番3号',
    '電話 03-1234-5678',
  );

  it('fills each field with the line it came from', () => {
    const r = readLetter(letter);
    const f = Object.fromEntries(r.fields.map((x) => [x.field, x]));
    expect(Object.fromEntries(r.fields.map((x) => [x.field, x.value]))).toEqual({
      'application.date': '令和8年11月18日',
      'subject.name': '山田太郎',
      'subject.kana': 'ヤマダタロウ',
      'subject.birthDate': '昭和60年4月1日',
      'subject.postalCode': '154-0015',
      'subject.address': '東京都世田谷区桜新町1丁目2番3号',
      'subject.phone': '03-1234-5678',
    });
    expect(f['subject.name']!.line).toEqual({ x: 100, y: 280, width: 30 * '氏名 山田 太郎'.length, height: 32 });
    expect(f['application.date']!.line.y).toBe(100);
    expect(r.kinds.map((k) => [k.kind, k.line.y])).toEqual([['K1', 220], ['K3', 220]]);
    expect(looksLikeRequestLetter(r)).toBe(true);
  });

  it('the birth date is never taken as the application date; a labelled date wins', () => {
    const r = readLetter(page('開示を請求します', '氏名 山田太郎', '生年月日 昭和60年4月1日', '請求日 令和8年11月19日'));
    expect(r.fields.find((x) => x.field === 'application.date')?.value).toBe('令和8年11月19日');
    const none = readLetter(page('開示を請求します', '氏名 山田太郎', '生年月日 昭和60年4月1日'));
    expect(none.fields.find((x) => x.field === 'application.date')).toBeUndefined();
  });

  it('a page without a request or without a person is no request letter', () => {
    expect(looksLikeRequestLetter(readLetter(page('氏名 山田太郎', '住所 東京都世田谷区')))).toBe(false);
    expect(looksLikeRequestLetter(readLetter(page('開示をお願いします')))).toBe(false);
  });

  it('groups words into lines by position, whatever their order (property)', () => {
    const words = page('一行目のテキスト', '二行目', '三行目のテキストです');
    const split = words.flatMap((w) => {
      const half = Math.ceil(w.text.length / 2);
      const mid = w.bbox.x0 + half * 30;
      return [
        { ...w, text: w.text.slice(0, half), bbox: { ...w.bbox, x1: mid } },
        { ...w, text: w.text.slice(half), bbox: { ...w.bbox, x0: mid + 4 } },
      ];
    });
    fc.assert(
      fc.property(fc.shuffledSubarray(split, { minLength: split.length, maxLength: split.length }), (shuffled) => {
        expect(letterLines(shuffled).map((l) => l.text)).toEqual(['一行目のテキスト', '二行目', '三行目のテキストです']);
      }),
    );
  });
});
