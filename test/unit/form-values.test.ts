import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plausibleFieldValue } from '../../shared/domain/form-values';
import { formatEraDate } from '../../shared/domain/era';
import { demoPeople } from '../../electron/services/demo/demo-people';
import { toKatakana } from '../../electron/services/demo/demo-scans';
import { cleanDateText } from '../../electron/services/intake/form-reader';

describe('what a text field of the form can hold (I3, issue 12)', () => {
  it('accepts what applicants write', () => {
    for (const p of demoPeople(30, 3)) {
      expect(plausibleFieldValue('subject.name', p.name)).toBe(true);
      expect(plausibleFieldValue('subject.kana', toKatakana(p.kana))).toBe(true);
      expect(plausibleFieldValue('subject.kana', p.kana)).toBe(true); // hiragana is fine too
      expect(plausibleFieldValue('subject.address', p.address)).toBe(true);
      expect(plausibleFieldValue('subject.birthDate', formatEraDate(p.birthDate))).toBe(true);
      expect(plausibleFieldValue('signature', p.name)).toBe(true);
    }
    for (const v of ['03-1234-5678', '0312345678', '090-1234-5678', '０３－１２３４－５６７８']) expect(plausibleFieldValue('subject.phone', v)).toBe(true);
    for (const v of ['154-0015', '1540015']) expect(plausibleFieldValue('subject.postalCode', v)).toBe(true);
    expect(plausibleFieldValue('application.date', '2026/11/20')).toBe(true);
    expect(plausibleFieldValue('subject.address', '北海道札幌市中央区大通西3丁目')).toBe(true);
  });

  it('rejects the misreadings seen on handwritten scans', () => {
    expect(plausibleFieldValue('subject.phone', '01_4452-1678')).toBe(false);
    expect(plausibleFieldValue('subject.postalCode', '351。0951')).toBe(false);
    expect(plausibleFieldValue('subject.birthDate', '昭科22年4月12日')).toBe(false);
    expect(plausibleFieldValue('application.date', '念和8年11月23晶')).toBe(false);
    expect(plausibleFieldValue('subject.kana', 'ヨョシダさミサキ')).toBe(true); // kana, if wrong: OCR confidence decides
    expect(plausibleFieldValue('subject.kana', 'ヤマグチ 山')).toBe(false);
    expect(plausibleFieldValue('signature', '伊藤大吉(')).toBe(false);
    expect(plausibleFieldValue('subject.address', '衣庫此新潟市中央区')).toBe(false); // no prefecture, no number
  });

  it('leaves empty values and free-text fields alone', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(plausibleFieldValue('request.target', s)).toBe(true);
        expect(plausibleFieldValue('subject.accountId', s)).toBe(true);
      }),
    );
    expect(plausibleFieldValue('subject.phone', '  ')).toBe(true);
  });

  it('a phone number never passes with a letter in it (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^0\d{1,3}-\d{2,4}-\d{4}$/), fc.constantFrom('a', 'O', 'l', '_', '.'), fc.nat(), (phone, junk, at) => {
        const i = 1 + (at % (phone.length - 1));
        expect(plausibleFieldValue('subject.phone', phone)).toBe(true);
        expect(plausibleFieldValue('subject.phone', phone.slice(0, i) + junk + phone.slice(i))).toBe(false);
      }),
    );
  });
});

describe('date fields: the usual OCR slips on handwriting (issue 12)', () => {
  it('fixes the final 日 and the application date era, and nothing else', () => {
    expect(cleanDateText('令和8年11月23晶', 'application.date')).toBe('令和8年11月23日');
    expect(cleanDateText('令和8年11月25', 'application.date')).toBe('令和8年11月25日');
    expect(cleanDateText('念和8年11月1日', 'application.date')).toBe('令和8年11月1日');
    expect(cleanDateText('平成13年12月25昌', 'subject.birthDate')).toBe('平成13年12月25日');
    // The birth date's era is not guessed: 念和 could be 昭和 as well as 令和.
    expect(cleanDateText('念和8年11月1日', 'subject.birthDate')).toBe('念和8年11月1日');
    expect(cleanDateText('2026年11月20日', 'application.date')).toBe('2026年11月20日');
    expect(plausibleFieldValue('application.date', cleanDateText('念和8年11月23晶', 'application.date'))).toBe(true);
  });
});
