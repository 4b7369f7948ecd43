import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkIdDocument,
  checkIdentity,
  checkValidity,
  type IdDocument,
  type IdDocumentType,
  oneMonthBefore,
} from '../../shared/domain/verification';
import { license, person } from './verification-fixtures';

const residence = (issuedOn: string, extra: Partial<IdDocument> = {}): IdDocument => ({
  type: 'residence_certificate',
  name: '山田太郎',
  address: '東京都新宿区西早稲田2-20-15',
  issuedOn,
  ...extra,
});
const codes = (doc: IdDocument, app: string) => checkValidity(doc, app).map((f) => `${f.status}:${f.code}`);
const status = (doc: IdDocument, app: string) => checkIdDocument(doc, person, app).status;

describe('D1 residence certificate: issued within one month before the application date', () => {
  it.each([
    // application, issued, expected
    ['2026-03-31', '2026-02-28', 'pass'], // earliest day, non-leap year
    ['2026-03-31', '2026-02-27', 'fail'],
    ['2028-03-31', '2028-02-29', 'pass'], // earliest day, leap year
    ['2028-03-31', '2028-02-28', 'fail'],
    ['2026-03-30', '2026-02-28', 'pass'],
    ['2026-03-30', '2026-02-27', 'fail'],
    ['2026-05-31', '2026-04-30', 'pass'],
    ['2026-05-31', '2026-04-29', 'fail'],
    ['2026-03-15', '2026-02-15', 'pass'], // exactly one month
    ['2026-03-15', '2026-02-14', 'fail'],
    ['2026-01-10', '2025-12-10', 'pass'],
    ['2026-01-10', '2025-12-09', 'fail'],
    ['2026-03-31', '2026-03-31', 'pass'], // issued on the application date
    ['2026-03-31', '2026-04-01', 'fail'], // issued after it (future)
    // the same dates as written on the form (和暦)
    ['2026-03-31', '令和8年2月28日', 'pass'],
    ['2026-03-31', 'R8.2.27', 'fail'],
    // era boundary: 平成31年4月30日 is the last 平成 day
    ['2019-05-30', '平成31年4月30日', 'pass'],
    ['2019-05-31', '平成31年4月30日', 'pass'], // 5月31日 -> 4月31日 does not exist: 4月30日
    ['2019-06-01', '平成31年4月30日', 'fail'],
    ['2019-06-01', '令和元年5月1日', 'pass'],
    ['2019-06-01', '令和元年4月30日', 'fail'], // no such 令和 date: rejected as a date
  ])('application %s, certificate issued %s -> %s', (app, issued, expected) => {
    expect(status(residence(issued), app)).toBe(expected);
  });

  it('residence cards follow the same one-month rule, and their own expiry', () => {
    const card = (issuedOn: string, validUntil?: string): IdDocument => ({ ...residence(issuedOn), type: 'residence_card', ...(validUntil ? { validUntil } : {}) });
    expect(status(card('2026-02-28'), '2026-03-31')).toBe('pass');
    expect(status(card('2026-02-27'), '2026-03-31')).toBe('fail');
    expect(status(card('2026-03-01', '2026-03-31'), '2026-03-31')).toBe('pass');
    expect(status(card('2026-03-01', '2026-03-30'), '2026-03-31')).toBe('fail');
  });

  it('a missing issue date needs review; the failure says how old it may be', () => {
    expect(codes({ ...residence(''), issuedOn: undefined }, '2026-03-31')).toContain('needs_review:issued_missing');
    const old = checkValidity(residence('2026-02-27'), '2026-03-31').find((f) => f.code === 'issued_over_one_month')!;
    expect(old.message.ja).toContain('令和8年2月28日以降');
    expect(old.message.en).toContain('2026-02-28');
  });

  it('impossible and out-of-era dates are rejected with a clear message', () => {
    const bad = checkValidity(residence('令和8年2月30日'), '2026-03-31');
    expect(bad).toContainEqual(expect.objectContaining({ code: 'issued_impossible', status: 'fail' }));
    expect(bad[0]!.message.ja).toContain('存在しない日付');
    expect(bad[0]!.message.ja).toContain('住民票の写しの発行日');
    expect(checkValidity(residence('平成31年5月1日'), '2019-05-10')).toContainEqual(expect.objectContaining({ code: 'issued_outside_era', status: 'fail' }));
  });

  it('property: issued on the application date is always within one month', () => {
    fc.assert(
      fc.property(isoDate(), (app) => {
        expect(codes(residence(app), app)).toEqual(['pass:issued_within_one_month']);
      }),
    );
  });

  it('property: issued more than 31 days before is never valid, 28 days or less always is', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: 32, max: 3000 }), fc.integer({ min: 0, max: 28 }), (app, old, recent) => {
        expect(codes(residence(addDays(app, -old)), app)).toEqual(['fail:issued_over_one_month']);
        expect(codes(residence(addDays(app, -recent)), app)).toEqual(['pass:issued_within_one_month']);
      }),
    );
  });

  it('property: 29-31 days before is valid exactly when on or after the same day of the previous month (clamped)', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: 29, max: 31 }), (app, n) => {
        const issued = addDays(app, -n);
        // independent oracle: previous calendar month, day >= application day or the month's last day
        const [ay, am, ad] = app.split('-').map(Number) as [number, number, number];
        const [iy, im, id] = issued.split('-').map(Number) as [number, number, number];
        const prevMonth = am === 1 ? iy === ay - 1 && im === 12 : iy === ay && im === am - 1;
        const lastDay = new Date(Date.UTC(iy, im, 0)).getUTCDate();
        const sameMonth = iy === ay && im === am;
        const valid = sameMonth || (prevMonth && (id >= ad || id === lastDay));
        expect(codes(residence(issued), app)).toEqual([valid ? 'pass:issued_within_one_month' : 'fail:issued_over_one_month']);
        expect(issued >= oneMonthBefore(app)).toBe(valid);
      }),
    );
  });

  it('property: any issue date after the application date fails', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: 1, max: 2000 }), fc.constantFrom<IdDocumentType>(...ALL_TYPES), (app, n, type) => {
        const doc: IdDocument = { type, name: '山田太郎', address: 'x', issuedOn: addDays(app, n), validUntil: addDays(app, n + 365) };
        expect(codes(doc, app)).toContain('fail:issued_after_application');
      }),
    );
  });
});

const ALL_TYPES: IdDocumentType[] = ['residence_certificate', 'residence_card', 'drivers_license', 'passport', 'health_insurance', 'pension_book'];

function isoDate() {
  return fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
}

describe('D2-D5: within the validity period on the application date', () => {
  const doc = (type: IdDocumentType, validUntil?: string, issuedOn = '2020-01-01'): IdDocument => ({
    type,
    name: '山田太郎',
    address: '東京都新宿区西早稲田2-20-15',
    issuedOn,
    ...(validUntil !== undefined ? { validUntil } : {}),
  });
  it.each([
    ['drivers_license', 'D2', '2026-03-31', 'pass'], // expires on the application date: still valid
    ['drivers_license', 'D2', '2026-03-30', 'fail'], // expired the day before
    ['drivers_license', 'D2', '令和8年3月31日', 'pass'],
    ['passport', 'D3', '2026-03-31', 'pass'],
    ['passport', 'D3', '2026-03-30', 'fail'],
    ['passport', 'D3', '2036-01-01', 'pass'],
    ['health_insurance', 'D4', '2026-03-31', 'pass'],
    ['health_insurance', 'D4', '2025-12-31', 'fail'],
    ['pension_book', 'D5', '2026-03-31', 'pass'],
    ['pension_book', 'D5', '2026-03-30', 'fail'],
  ] as const)('%s (%s) valid until %s, applied 2026-03-31 -> %s', (type, rule, until, expected) => {
    const r = checkIdDocument(doc(type, until), person, '2026-03-31');
    expect(r.ruleId).toBe(rule);
    expect(r.status).toBe(expected);
  });

  it('era boundary: a license valid until 平成31年4月30日 covers that day only', () => {
    expect(checkIdDocument(doc('drivers_license', '平成31年4月30日', '2016-01-01'), person, '2019-04-30').status).toBe('pass');
    expect(checkIdDocument(doc('drivers_license', '平成31年4月30日', '2016-01-01'), person, '2019-05-01').status).toBe('fail');
    expect(checkIdDocument(doc('drivers_license', '令和元年5月1日', '2016-01-01'), person, '2019-05-01').status).toBe('pass');
  });

  it.each([
    ['drivers_license', 'needs_review:valid_until_missing'],
    ['passport', 'needs_review:valid_until_missing'],
    ['health_insurance', 'needs_review:valid_until_missing'],
    ['pension_book', 'pass:no_expiry'],
  ] as const)('%s without a recorded expiry -> %s', (type, code) => {
    expect(codes(doc(type), '2026-03-31')).toEqual([code]);
  });

  it('an impossible expiry date fails with its own message', () => {
    const f = checkValidity(doc('passport', '2026-02-30'), '2026-01-31');
    expect(f).toEqual([expect.objectContaining({ code: 'valid_until_impossible', status: 'fail' })]);
    expect(f[0]!.message.en).toContain('expiry date of the passport');
  });

  it('an expiry before the issue date needs review', () => {
    expect(codes(doc('passport', '2027-01-01', '2028-01-01'), '2026-03-31')).toContain('fail:issued_after_application');
    expect(codes(doc('passport', '2027-01-01', '2026-01-01'), '2026-03-31')).toEqual(['pass:within_validity']);
    expect(codes(doc('passport', '2026-04-01', '2026-03-01'), '2026-03-31')).toEqual(['pass:within_validity']);
    expect(codes(doc('passport', '2026-04-01', '2026-05-01'), '2026-06-01')).toContain('needs_review:expiry_before_issue');
  });

  it('property: valid until the application date or later always passes, earlier always fails', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: 0, max: 4000 }), fc.constantFrom<IdDocumentType>('drivers_license', 'passport', 'health_insurance', 'pension_book'), (app, n, type) => {
        expect(codes(doc(type, addDays(app, n), addDays(app, -4000)), app)).toEqual(['pass:within_validity']);
        expect(codes(doc(type, addDays(app, -n - 1), addDays(app, -5000)), app)).toEqual(['fail:expired']);
      }),
    );
  });
});

describe('name, address and birth date on the document', () => {
  it('equal after width/spacing/notation folding passes', () => {
    const r = checkIdDocument(license({ name: '山田　太郎', address: '東京都新宿区西早稲田２－２０－１５' }), person, '2026-03-31');
    expect(r.status).toBe('pass');
  });
  it.each([
    [{ name: '山田花子' }, 'fail', 'name_different'],
    [{ name: '山田太朗' }, 'fail', 'name_different'],
    [{ name: '髙田太郎' }, 'fail', 'name_different'],
    [{ name: 'やまだたろう' }, 'needs_review', 'name_script_differs'],
    [{ name: 'YAMADA TARO' }, 'needs_review', 'name_script_differs'],
    [{ address: '大阪府大阪市北区梅田1-1-1' }, 'fail', 'address_different'],
    [{ address: '新宿区西早稲田2-20-15' }, 'needs_review', 'address_variant'],
    [{ address: '東京都新宿区西早稲田2-20-15 高田馬場アクセス10F' }, 'needs_review', 'address_partial'],
    [{ birthDate: '1980-03-02' }, 'fail', 'birth_different'],
    [{ birthDate: '昭和55年3月1日' }, 'pass', 'birth_equal'],
    [{ birthDate: '昭和55年2月30日' }, 'fail', 'birth_impossible'],
  ])('%o -> %s (%s)', (over, expected, code) => {
    const r = checkIdDocument(license(over), person, '2026-03-31');
    expect(r.status).toBe(expected);
    expect(r.findings!.map((f) => f.code)).toContain(code);
  });

  it('a variant kanji needs review rather than failing', () => {
    const r = checkIdDocument(license({ name: '山田太郎' }), { ...person, name: '山田 太郞' }, '2026-03-31');
    expect(r.status).toBe('needs_review'); // 郞 / 郎
    expect(r.findings!.map((f) => f.code)).toContain('name_variant');
    const v = checkIdDocument(license({ name: '髙橋一郎' }), { ...person, name: '高橋 一郎', kana: 'タカハシ イチロウ' }, '2026-03-31');
    expect(v.status).toBe('needs_review');
    expect(v.findings!.map((f) => f.code)).toContain('name_variant');
  });

  it('agent documents say so in the message', () => {
    const r = checkIdDocument(license(), person, '2026-03-31', 'agent');
    expect(r.party).toBe('agent');
    expect(r.message.ja).toContain('代理人の');
  });
});

describe('one of D1-D5 (checkIdentity)', () => {
  it('no document at all is I4 fail', () => {
    const r = checkIdentity([], person, '2026-03-31');
    expect(r).toMatchObject({ ruleId: 'I4', status: 'fail' });
  });
  it('the best document counts: an expired license beside a valid passport passes as D3', () => {
    const r = checkIdentity([license({ validUntil: '2026-03-30' }), license({ type: 'passport', validUntil: '2030-01-01' })], person, '2026-03-31');
    expect(r).toMatchObject({ ruleId: 'D3', status: 'pass' });
    expect((r.details!.documents as unknown[]).length).toBe(2);
  });
  it('all documents bad -> fail with the first bad rule', () => {
    const r = checkIdentity([license({ validUntil: '2026-03-30' }), residence('2026-01-01')], person, '2026-03-31');
    expect(r).toMatchObject({ ruleId: 'D2', status: 'fail' });
  });
  it('an unreadable application date leaves the document to a person', () => {
    expect(checkIdentity([license()], person, null)).toMatchObject({ ruleId: 'D2', status: 'needs_review' });
  });
});
