/**
 * #13 item 9: multi-line contact details in Settings overprinted the published form's subtitle
 * and put 殿 after the phone number. The form's header lines are drawn one line each (a newline
 * inside one is drawn over the next line): they must come out as one line, 殿 after the desk.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressee, mailTo } from '../../electron/services/forms/form-texts';
import { oneLine, settingLines, splitContactPoint } from '../../shared/domain/company-text';

const company = (contactPoint: string, address = '〒169-0051 東京都新宿区西早稲田二丁目20番15号\nデモビル10階') => ({ name: '株式会社デモ商事', address, contactPoint });

describe('company settings on the form and letters', () => {
  it('the finding: a desk and a phone number on two lines', () => {
    const c = company('個人情報保護管理者 窓口\n電話 03-0000-0000');
    expect(addressee(c)).toBe('株式会社デモ商事　個人情報保護管理者 窓口　殿');
    expect(mailTo(c)).toBe('〒169-0051 東京都新宿区西早稲田二丁目20番15号　デモビル10階　株式会社デモ商事　個人情報保護管理者 窓口 宛（電話 03-0000-0000）');
  });

  it("the demo's one-line contact point with the phone in brackets: 殿 after the desk, not the phone", () => {
    const c = company('個人情報保護管理者 窓口（電話 03-0000-0000）');
    expect(addressee(c)).toBe('株式会社デモ商事　個人情報保護管理者 窓口　殿');
    expect(splitContactPoint(c.contactPoint)).toEqual({ desk: '個人情報保護管理者 窓口', reach: ['電話 03-0000-0000'] });
  });

  it('no desk named: 御中 to the company', () => {
    expect(addressee(company('TEL 03-1111-2222'))).toBe('株式会社デモ商事　御中');
  });

  it('for any settings text: every printed line is one line, 殿 and 宛 never follow a phone number', () => {
    const piece = fc.constantFrom('個人情報保護管理者', '窓口', 'お客様相談室', '電話 03-1234-5678', 'TEL:0120-000-111', 'privacy@example.co.jp', '（平日9時〜17時）', '（電話 06-1111-2222）', '', ' ', '\t');
    const text = fc.array(fc.array(piece, { maxLength: 3 }).map((a) => a.join(' ')), { maxLength: 4 }).map((ls) => ls.join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0]));
    fc.assert(
      fc.property(text, text, (contactPoint, address) => {
        const c = company(contactPoint, address);
        for (const printed of [addressee(c), mailTo(c), oneLine(contactPoint)]) expect(printed).not.toMatch(/[\r\n]/);
        expect(addressee(c)).not.toMatch(/\d\s*(殿|御中)$/);
        expect(mailTo(c)).not.toMatch(/\d\s*宛/);
        for (const l of settingLines(contactPoint)) expect(l).toBe(l.trim());
      }),
    );
  });
});
