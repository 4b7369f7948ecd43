import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyIdText, datesIn, readIdDocument } from '../../shared/domain/id-reading';
import { formatEraDate } from '../../shared/domain/era';
import { checkIdDocument } from '../../shared/domain/verification/identity-documents';

describe('which ID document a page is (issue 12 item 3)', () => {
  it.each([
    ['住民票の写し\n氏名山田太郎', 'residence_certificate'],
    // The usual OCR slips of 住民票.
    ['住民率の写し\n氏名山田太郎', 'residence_certificate'],
    ['住民球の写し\n氏名山田太郎', 'residence_certificate'],
    ['住 民 栗 の 写 し', 'residence_certificate'],
    ['在留力ード\n氏名 TARO', 'residence_card'],
    ['運転免許証\n氏名山田太郎', 'drivers_license'],
    ['日本国旅券 PASSPORT', 'passport'],
    ['健康保険被保険者証', 'health_insurance'],
    ['被保瞼者証\n保険者番号06130012', 'health_insurance'],
    ['年金手帳\n基礎年金番号1234-567890', 'pension_book'],
    ['個人番号カード\n氏名山田太郎', 'my_number_card'],
    ['マイナンバーカード', 'my_number_card'],
    ['通知カード\n個人番号1234 5678 9012', 'notification_card'],
    ['戸籍全部事項証明書', 'family_register'],
    ['委任状\n私は下記の者を代理人と定め', 'power_of_attorney'],
  ])('%s -> %s', (text, type) => {
    expect(classifyIdText(text)?.type).toBe(type);
  });

  it('a letter that mentions its enclosures is no ID copy', () => {
    expect(classifyIdText('保有個人データの開示請求\n下記のとおり開示を請求します。\n本人確認書類として住民票の写しを同封します。')).toBeNull();
    expect(readIdDocument('拝啓\n運転免許証の写しを同封いたします。')).toBeNull();
  });

  it('the title wins over documents the text mentions', () => {
    expect(classifyIdText('健康保険被保険者証\n住所 東京都\n年金')?.type).toBe('health_insurance');
  });

  it('nothing for pages that are none of them', () => {
    expect(classifyIdText('定額小為替証書\n金額1,000円')).toBeNull();
    expect(readIdDocument('')).toBeNull();
  });
});

describe('dates as ID documents print them', () => {
  it.each([
    ['令和10年5月1日まで有効', '2028-05-01'],
    ['令和 10 年 05 月 01 日', '2028-05-01'],
    ['平成元年1月8日', '1989-01-08'],
    ['R8.10.11', '2026-10-11'],
    ['2030年4月1日まで有効', '2030-04-01'],
    ['2030/04/01', '2030-04-01'],
    ['Date of expiry 10 MAY 2030', '2030-05-10'],
  ])('%s', (text, iso) => {
    expect(datesIn(text).map((d) => d.iso)).toEqual([iso]);
  });

  it('reads every era date formatEraDate writes, also with spaces around its numbers (property)', () => {
    const day = fc.integer({ min: Date.UTC(1926, 11, 25), max: Date.UTC(2040, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.boolean(), (iso, spaced) => {
        const era = formatEraDate(iso);
        const text = spaced ? era.replace(/(\d+)/g, ' $1 ') : era;
        expect(datesIn(text).map((d) => d.iso)).toEqual([iso]);
      }),
    );
  });
});

describe('a suggested record from OCR text', () => {
  it('a driving licence: birth (…生), issue (交付) and validity (…まで有効)', () => {
    const r = readIdDocument('運転免許証\n氏名山田太郎昭和60年4月1日生\n住所東京都世田谷区桜新町1丁目2番3号\n交付令和5年5月10日12345\n令和10年5月1日まで有効\n番号第123456789012号');
    expect(r).toMatchObject({ type: 'drivers_license', kind: 'id', name: '山田太郎', address: '東京都世田谷区桜新町1丁目2番3号', birthDate: '1985-04-01', issuedOn: '2023-05-10', validUntil: '2028-05-01' });
  });

  it('a residence certificate: the issue date is the certifying line\'s, also on the line below', () => {
    const same = readIdDocument('住民率の写し\n氏名山田太郎\n生年月日昭和60年4月1日\n住民となった年月日平成20年4月1日\nこの写しは住民票の原本と相違ないことを証明する。令和8年10月11日');
    expect(same).toMatchObject({ type: 'residence_certificate', birthDate: '1985-04-01', issuedOn: '2026-10-11' });
    const below = readIdDocument('住民票の写し\n氏名山田太郎\nこの写しは、住民票の原本と相違ないことを証明する。\n令和8年10月11日世田谷区長');
    expect(below?.issuedOn).toBe('2026-10-11');
  });

  it('an insurance card and a My Number card carry a restricted number; a My Number card is not an accepted ID', () => {
    expect(readIdDocument('健康保険被保険者証\n記号1234番号56\n保険者番号06130012\n有効期限令和9年3月31日')).toMatchObject({ restrictedNumber: 'insurance', validUntil: '2027-03-31', kind: 'id' });
    expect(readIdDocument('個人番号カード\n氏名山田太郎\n個人番号1234 5678 9012')).toMatchObject({ kind: 'not_accepted', restrictedNumber: 'my_number' });
    expect(readIdDocument('年金手帳\n基礎年金番号2345-678901')).toMatchObject({ kind: 'id', restrictedNumber: 'pension' });
  });

  it('trims OCR specks from the ends of a value', () => {
    expect(readIdDocument('住民票の写し\n氏名山田太郎、\n住所|東京都世田谷区 .')?.name).toBe('山田太郎');
  });

  it('never throws and only returns real dates, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'運転免許証住民票氏名住所生年月日交付有効期限まで令和昭和平成元年月日0123456789 .\n') }), (text) => {
        const r = readIdDocument(text);
        for (const d of [r?.birthDate, r?.issuedOn, r?.validUntil]) if (d !== undefined) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});

describe('the checklist on a suggested record (D1-D5)', () => {
  const person = { name: '山田 太郎', kana: 'ヤマダ タロウ', address: '東京都世田谷区桜新町1丁目2番3号', birthDate: '昭和60年4月1日' };
  const licence = { type: 'drivers_license' as const, name: '山田太郎', address: '東京都世田谷区桜新町1丁目2番3号', birthDate: '1985-04-01', validUntil: '2028-05-01' };

  it('asks for confirmation of a valid one, and fails an expired one at once', () => {
    const ok = checkIdDocument({ ...licence, suggested: true }, person, '2026-11-20');
    expect(ok.status).toBe('needs_review');
    expect(ok.findings!.map((f) => f.code)).toContain('suggested');
    expect(checkIdDocument(licence, person, '2026-11-20').status).toBe('pass');
    const expired = checkIdDocument({ ...licence, validUntil: '2026-10-31', suggested: true }, person, '2026-11-20');
    expect(expired.status).toBe('fail');
    expect(expired.findings!.find((f) => f.code === 'expired')!.status).toBe('fail');
  });

  it('a name or birth date read differently is a question, not a failure (OCR may have slipped); typed, it fails', () => {
    const misread = { ...licence, name: '山田太朗', birthDate: '1985-04-07' };
    const suggested = checkIdDocument({ ...misread, suggested: true }, person, '2026-11-20');
    expect(suggested.status).toBe('needs_review');
    expect(suggested.findings!.filter((f) => f.code === 'name_different' || f.code === 'birth_different').map((f) => f.status)).toEqual(['needs_review', 'needs_review']);
    expect(checkIdDocument(misread, person, '2026-11-20').status).toBe('fail');
  });
});
