import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_NAMES, type FieldName } from '../../shared/domain/application-form';
import { formatEraDate } from '../../shared/domain/era';
import { readFieldValue } from '../../shared/domain/form-field-reading';
import type { PostcodeAddress } from '../../shared/domain/postcode';
import { demoPeople } from '../../electron/services/demo/demo-people';
import { toKatakana } from '../../electron/services/demo/demo-scans';

/**
 * Issue 12, text fields (I3): OCR text is put into the shape of its field; what had to be
 * repaired, or still does not fit, is reported so the reader flags it instead of passing a
 * plausible-but-wrong value.
 */
const ctx = { today: '2026-12-07' };
const KAMIYACHO: PostcodeAddress = { prefecture: '広島県', city: '広島市中区', town: '紙屋町', address: '広島県広島市中区紙屋町' };

const isoDate = (from: string, to: string) =>
  fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('a text field read from its OCR text (issue 12)', () => {
  it('leaves what applicants write as written: not repaired, not implausible', () => {
    for (const p of demoPeople(40, 9)) {
      const as = (field: FieldName, v: string) => expect([field, readFieldValue(field, v, ctx)]).toEqual([field, expect.objectContaining({ value: v, repaired: false, implausible: false })]);
      as('subject.name', p.name);
      as('signature', p.name);
      as('subject.kana', toKatakana(p.kana));
      as('subject.birthDate', formatEraDate(p.birthDate));
    }
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^\d{4}$/), fc.stringMatching(/^\d{4}$/), (a, b, c) => {
        const v = `0${a}-${b}-${c}`;
        expect(readFieldValue('subject.phone', v, ctx)).toEqual({ value: v, repaired: false, implausible: false });
      }),
    );
    fc.assert(
      fc.property(isoDate('2019-05-01', '2026-12-07'), (iso) => {
        const v = formatEraDate(iso);
        expect(readFieldValue('application.date', v, ctx)).toMatchObject({ value: v, repaired: false, implausible: false });
      }),
    );
  });

  it('repairs the era names OCR gives for handwriting, and says so', () => {
    const cases: [FieldName, string, string][] = [
      ['subject.birthDate', '照和63年1月12日', '昭和63年1月12日'],
      ['subject.birthDate', 'H和20年10月4日', '昭和20年10月4日'],
      ['subject.birthDate', '半成3年12月20ゴ', '平成3年12月20日'],
      ['subject.birthDate', '昭和61年9月20晶', '昭和61年9月20日'],
      ['application.date', '念科8年10月7日', '令和8年10月7日'],
      ['application.date', '今和8年11月12日', '令和8年11月12日'],
    ];
    for (const [field, read, right] of cases) expect([read, readFieldValue(field, read, ctx)]).toEqual([read, { value: right, repaired: true, implausible: false }]);
  });

  it('gives a date whose era lost a character the one era it can be in, as a repair', () => {
    // 令和 has no 20th or 52nd year yet, 平成 is the only era ending in 成: the rest is for a person.
    expect(readFieldValue('subject.birthDate', '和20年10月4日', ctx)).toEqual({ value: '昭和20年10月4日', repaired: true, implausible: false });
    expect(readFieldValue('subject.birthDate', '和52年3月3', ctx)).toEqual({ value: '昭和52年3月3日', repaired: true, implausible: false });
    expect(readFieldValue('subject.birthDate', '成2年6月18日', ctx)).toEqual({ value: '平成2年6月18日', repaired: true, implausible: false });
    expect(readFieldValue('subject.birthDate', '2年6月18日', ctx).implausible).toBe(true); // 大正, 昭和, 平成 or 令和 2年
    // Property: a date written in its era and read without the era's first character comes back
    // when, and only when, one era holds that year.
    fc.assert(
      fc.property(isoDate('1927-01-01', '2026-11-01'), (iso) => {
        const written = formatEraDate(iso);
        const r = readFieldValue('subject.birthDate', written.slice(1), ctx);
        const year = /(\d+|元)年/.exec(written)![1];
        const eraEnd = written[1];
        const rivals = ['昭和', '令和', '平成', '大正'].filter((e) => e.includes(eraEnd!) && e !== written.slice(0, 2) && readFieldValue('subject.birthDate', `${e}${written.slice(2)}`, ctx).implausible === false);
        if (rivals.length) expect(r.implausible).toBe(true);
        else expect([year, r]).toEqual([year, { value: written, repaired: true, implausible: false }]);
      }),
    );
  });

  it('marks dates that cannot be right as implausible, whatever era they are repaired to', () => {
    fc.assert(
      fc.property(isoDate('2027-01-01', '2030-12-31'), (iso) => {
        // A birth date after today, an application date more than a year ahead.
        expect(readFieldValue('subject.birthDate', formatEraDate(iso), ctx).implausible).toBe(true);
      }),
    );
    expect(readFieldValue('application.date', '平成8年10月7日', ctx).implausible).toBe(true);
    expect(readFieldValue('subject.birthDate', '和5年10月4日', ctx).implausible).toBe(true); // 昭和5年 or 令和5年: for a person
    expect(readFieldValue('subject.birthDate', '品入2010月日', ctx).implausible).toBe(true);
    expect(readFieldValue('subject.birthDate', '平成31年5月1日', ctx).implausible).toBe(true); // 平成 ended on 4/30
  });

  it('puts digits into a phone number or postcode, flagging every look-alike it had to turn into a digit', () => {
    expect(readFieldValue('subject.phone', '07-9262_5964', ctx)).toEqual({ value: '07-9262-5964', repaired: true, implausible: false });
    expect(readFieldValue('subject.phone', 'O3-O238-7597', ctx)).toEqual({ value: '03-0238-7597', repaired: true, implausible: false });
    expect(readFieldValue('subject.phone', '05-8742-07926', ctx).implausible).toBe(true); // a digit too many
    expect(readFieldValue('subject.phone', '0 202-14595', ctx).implausible).toBe(true);
    expect(readFieldValue('subject.postalCode', '7300031', ctx)).toEqual({ value: '730-0031', repaired: true, implausible: false });
    expect(readFieldValue('subject.postalCode', '〒730-0031', ctx)).toEqual({ value: '730-0031', repaired: false, implausible: false }); // 〒 is how it is written
    expect(readFieldValue('subject.postalCode', '352-53229', ctx).implausible).toBe(true);
  });

  it('keeps kana fields kana and names free of marks no name holds', () => {
    expect(readFieldValue('subject.kana', 'ササキ ダイスケーー', ctx)).toEqual({ value: 'ササキ ダイスケ', repaired: true, implausible: false });
    expect(readFieldValue('subject.kana', 'イケダ1 イチロウ', ctx)).toMatchObject({ value: 'イケダ イチロウ', repaired: true });
    expect(readFieldValue('subject.kana', 'ーーーー', ctx).implausible).toBe(true);
    expect(readFieldValue('signature', '清水 健一(', ctx)).toEqual({ value: '清水 健一', repaired: true, implausible: false });
    expect(readFieldValue('subject.name', '回', ctx).implausible).toBe(true);
  });

  it("takes the postcode's address from Japan Post's data when the read one is a few slips from it", () => {
    const read = readFieldValue('subject.address', '広島味広島市中区紙屋町5丁目15番16号', { ...ctx, postcodeAddresses: [KAMIYACHO] });
    expect(read).toEqual({ value: '広島県広島市中区紙屋町5丁目15番16号', repaired: true, implausible: false, confirmed: true });
    const clean = readFieldValue('subject.address', '広島県広島市中区紙屋町5丁目15番16号', { ...ctx, postcodeAddresses: [KAMIYACHO] });
    expect(clean).toEqual({ value: '広島県広島市中区紙屋町5丁目15番16号', repaired: false, implausible: false, confirmed: true });
    // A block number out of its usual shape is put into it, and flagged as repaired.
    expect(readFieldValue('subject.address', '広島県広島市中区紙屋町2目19番12詞', { ...ctx, postcodeAddresses: [KAMIYACHO] })).toMatchObject({
      value: '広島県広島市中区紙屋町2丁目19番12号',
      repaired: true,
    });
    // Another town than the postcode's: not confirmed, and nothing borrowed from the postcode.
    const elsewhere = readFieldValue('subject.address', '静岡県静岡市葵区追手町4丁目29番10号', { ...ctx, postcodeAddresses: [KAMIYACHO] });
    expect(elsewhere).toMatchObject({ value: '静岡県静岡市葵区追手町4丁目29番10号', confirmed: false });
    // Something after the block number: left as read, for a person.
    expect(readFieldValue('subject.address', '広島県広島市中区紙屋町4丁目5番17人号', { ...ctx, postcodeAddresses: [KAMIYACHO] }).repaired).toBe(true);
  });

  it('puts back a 年 or 月 lost between two numbers only where one place gives a plausible date (any date)', () => {
    expect(readFieldValue('subject.birthDate', '昭和631月12日', ctx)).toEqual({ value: '昭和63年1月12日', repaired: true, implausible: false });
    expect(readFieldValue('subject.birthDate', '昭和52年33日', ctx)).toEqual({ value: '昭和52年3月3日', repaired: true, implausible: false });
    // 1月21日 or 12月1日: for a person.
    expect(readFieldValue('subject.birthDate', '昭和52年121日', ctx).implausible).toBe(true);
    fc.assert(
      fc.property(isoDate('1926-12-25', '2026-11-01'), fc.constantFrom('年', '月'), (iso, lost) => {
        const written = formatEraDate(iso);
        const r = readFieldValue('subject.birthDate', written.replace(lost, ''), ctx);
        // The date written, or nothing: never another date.
        if (!r.implausible) expect(r).toEqual({ value: written, repaired: true, implausible: false });
      }),
    );
  });

  it('splits off the last 4 digits of a phone number whose second dash was lost (any number)', () => {
    expect(readFieldValue('subject.phone', '05-93767958', ctx)).toEqual({ value: '05-9376-7958', repaired: true, implausible: false });
    expect(readFieldValue('subject.phone', '090-12345678', ctx)).toEqual({ value: '090-1234-5678', repaired: true, implausible: false });
    // The first dash lost: where the area code ends is not known.
    expect(readFieldValue('subject.phone', '063125-7839', ctx).implausible).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^\d{4}$/), fc.stringMatching(/^\d{4}$/), (a, b, c) => {
        expect(readFieldValue('subject.phone', `0${a}-${b}${c}`, ctx)).toEqual({ value: `0${a}-${b}-${c}`, repaired: true, implausible: false });
      }),
    );
  });

  it('reads marks alone in a free-text field (an edge, dust, dotted guides) as no writing', () => {
    for (const junk of ['|', '。。', '・', ' ・ 、 '])
      for (const field of ['request.reason', 'subject.accountId', 'request.target'] as const) expect(readFieldValue(field, junk, ctx)).toEqual({ value: '', repaired: true, implausible: false });
    expect(readFieldValue('request.reason', '住所変更。', ctx)).toEqual({ value: '住所変更。', repaired: false, implausible: false });
    expect(readFieldValue('subject.accountId', 'a@b.jp', ctx).value).toBe('a@b.jp');
  });

  it("matches a second engine's read against Japan Post's address too, keeping the first read's block number", () => {
    // The LSTM garbled the town (measured: 広康広筐市…紙屋串), the legacy classifier read it but lost digits (1 as ー).
    const read = readFieldValue('subject.address', '広康広筐市中区紙屋串3芽目26番2号', { ...ctx, postcodeAddresses: [KAMIYACHO], otherRead: '広島県広島市中区紙屋町3丁日26番2号' });
    expect(read).toEqual({ value: '広島県広島市中区紙屋町3丁目26番2号', repaired: true, implausible: false, confirmed: true });
    expect(readFieldValue('subject.address', '広康広筐市中区紙屋串3芽目26番2号', { ...ctx, postcodeAddresses: [KAMIYACHO] }).confirmed).toBe(false);
    // A second read of another town confirms nothing.
    const elsewhere = readFieldValue('subject.address', '静岡県静岡市葵区追手町4丁目29番10号', { ...ctx, postcodeAddresses: [KAMIYACHO], otherRead: '静岡県静岡市葵区追手町4丁日29番ー0号' });
    expect(elsewhere).toMatchObject({ value: '静岡県静岡市葵区追手町4丁目29番10号', confirmed: false });
    // Whatever the second read, a first read that matches alone is taken as without it (property).
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (other) => {
        expect(readFieldValue('subject.address', '広島県広島市中区紙屋町5丁目15番16号', { ...ctx, postcodeAddresses: [KAMIYACHO], otherRead: other })).toEqual({
          value: '広島県広島市中区紙屋町5丁目15番16号',
          repaired: false,
          implausible: false,
          confirmed: true,
        });
      }),
      { numRuns: 50 },
    );
  });

  it('never returns a value it calls plausible that has characters its field cannot hold (any text, any field)', () => {
    const allowed: Partial<Record<FieldName, RegExp>> = {
      'subject.kana': /^[\u3041-\u3096\u30a1-\u30fa\u30fc ]*$/u,
      'subject.phone': /^[\d-]*$/,
      'subject.postalCode': /^[\d-]*$/,
      'subject.birthDate': /^(明治|大正|昭和|平成|令和)(元|\d{1,2})年\d{1,2}月\d{1,2}日$/u,
      'subject.name': /^[\p{Script=Han}\u3041-\u3096\u30a1-\u30fa\u30fc々〆ヶ ]*$/u,
    };
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_NAMES), fc.string({ unit: fc.constantFrom(...'0123456789-_ OlSZ和昭平令年月日県市区町丁目番号アイウカキヒナひらがなー(|。山田太郎〒'.split('')), maxLength: 30 }), (field, text) => {
        const r = readFieldValue(field, text, ctx);
        const re = allowed[field];
        if (re && !r.implausible) expect([field, text, r.value]).toEqual([field, text, expect.stringMatching(re)]);
      }),
      { numRuns: 2000 },
    );
  });
});
