/**
 * The guidance letter's text (I1, issue #10 item 9) and the deficiency notice's own reason
 * (R5, issue #10 item 8), as pure functions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeGuidanceLetter, composeLetter, CONTACT_CHANNELS, draftText, guidanceFee, type GuidanceLetterData, type LetterData } from '../../shared/domain/letters';
import { FEE_KINDS, REQUEST_KINDS } from '../../shared/domain/verification/fees';
import { KaijiError } from '../../shared/errors';

const COMPANY = {
  name: 'WESEEK株式会社',
  postalCode: '1690051',
  address: '東京都新宿区西早稲田2-20-15 高田馬場アクセス10F',
  contactPoint: '個人情報お問合せ窓口（電話 03-6233-9447）',
  administratorTitle: '個人情報保護管理者',
};

const BASE: GuidanceLetterData = {
  contactNo: 'C2026-0007',
  recipient: { name: '佐藤 恵子', postalCode: '154-0015', address: '東京都世田谷区桜新町1丁目2番3号' },
  contactedOn: '2026-12-01',
  channel: 'phone',
  requestedKinds: ['K1'],
  company: COMPANY,
};

const section = (text: ReturnType<typeof composeGuidanceLetter>, no: string) => text.sections.find((s) => s.heading.startsWith(no))!.items.join('\n');

describe('guidance letter (I1): what the procedure needs, in the company’s words', () => {
  it('Japanese: form enclosed, ID copies, fee by money order, address, registered mail, red marking, answer in writing', () => {
    const d = composeGuidanceLetter(BASE, 'ja');
    expect(d).toMatchObject({ templateId: 'guidance', lang: 'ja', title: '個人情報の開示等のご請求手続きについて（ご案内）', complimentaryClose: '敬具', itemsMarker: '記', closing: '以上' });
    expect(d.salutation).toMatch(/^拝啓/);
    expect(d.body[0]).toContain('令和8年12月1日にお電話にてお申し出いただきました「保有個人データの開示」のご請求');
    expect(d.body[0]).toContain('郵送でのみ受け付けております');
    expect(section(d, '1')).toContain('個人情報開示等請求書');
    expect(d.sections[0]!.heading).toContain('同封');
    const ids = section(d, '2');
    for (const doc of ['住民票の写し', '請求日前1か月以内', '運転免許証', 'パスポート', '健康保険証', '年金手帳', '委任状']) expect(ids).toContain(doc);
    expect(section(d, '3')).toContain('手数料1,000円');
    expect(section(d, '3')).toContain('1,000円分の定額小為替');
    expect(section(d, '4')).toBe('〒169-0051　東京都新宿区西早稲田2-20-15 高田馬場アクセス10F\nWESEEK株式会社　個人情報保護管理者 宛');
    expect(section(d, '5')).toContain('配達証明付きの書留郵便');
    expect(section(d, '5')).toContain('朱書きで「開示等請求書在中」');
    expect(section(d, '6')).toContain('書面でご回答');
    expect(d.notes[0]).toBe('同封書類：個人情報開示等請求書　1部');
    expect(d.notes.at(-1)).toContain('受付番号（C2026-0007）');
  });

  it('English: Western date, Dear …, no 記 / 以上, the red marking kept in Japanese', () => {
    const d = composeGuidanceLetter({ ...BASE, channel: 'email', requestedKinds: ['K2', 'K5'] }, 'en');
    expect(d.salutation).toBe('Dear 佐藤 恵子,');
    expect(d.itemsMarker).toBe('');
    expect(d.closing).toBe('');
    expect(d.body[0]).toContain('On 1 December 2026 you contacted us by e-mail about your request for notification of the purpose of use');
    expect(section(d, '5')).toContain('"開示等請求書在中"');
    expect(section(d, '3')).toContain('A fee of ¥1,000 is charged');
    expect(d.notes.at(-1)).toContain('the number C2026-0007');
  });

  it('the fee paragraph follows F1: due with K1/K2/K6, free with K3-K5 only, the whole rule when kinds are unknown', () => {
    expect(section(composeGuidanceLetter({ ...BASE, requestedKinds: ['K3', 'K4'] }, 'ja'), '3')).toBe('・お問い合わせのご請求には手数料はかかりません。');
    const unknown = section(composeGuidanceLetter({ ...BASE, requestedKinds: [] }, 'ja'), '3');
    expect(unknown).toContain('「保有個人データの開示」、「保有個人データの利用目的の通知」又は「第三者提供記録の開示」のご請求は、1件につき手数料1,000円');
    expect(unknown).toContain('その他のご請求には手数料はかかりません');
    expect(composeGuidanceLetter({ ...BASE, requestedKinds: [] }, 'ja').body[0]).toContain('個人情報の開示等のご請求');
    expect(composeGuidanceLetter({ ...BASE, channel: 'desk' }, 'ja').body[0]).toContain('当社窓口にてお申し出');
    expect(composeGuidanceLetter({ ...BASE, channel: 'fax' }, 'ja').body[0]).toContain('ファクシミリにてお申し出');
  });

  it('refuses to write without a name or an address (LETTER_DATA_MISSING)', () => {
    for (const recipient of [{ ...BASE.recipient, name: ' ' }, { ...BASE.recipient, address: '' }]) {
      expect(() => composeGuidanceLetter({ ...BASE, recipient }, 'ja')).toThrow(KaijiError);
      try {
        composeGuidanceLetter({ ...BASE, recipient }, 'ja');
      } catch (e) {
        expect((e as KaijiError).code).toBe('LETTER_DATA_MISSING');
      }
    }
  });

  it('property: any channel, kinds and language give the whole procedure, and the fee exactly when F1 asks for it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONTACT_CHANNELS), fc.subarray([...REQUEST_KINDS]), fc.constantFrom('ja' as const, 'en' as const), (channel, kinds, lang) => {
        const d = composeGuidanceLetter({ ...BASE, channel, requestedKinds: kinds }, lang);
        const all = draftText(d);
        expect(all).toContain('開示等請求書在中');
        expect(all).toContain('C2026-0007');
        expect(all).toContain('西早稲田2-20-15');
        expect(d.sections).toHaveLength(6);
        const fee = guidanceFee(kinds);
        expect(fee).toBe(kinds.length === 0 ? 'unknown' : kinds.some((k) => FEE_KINDS.includes(k)) ? 'due' : 'free');
        const feeText = section(d, '3');
        if (fee === 'free') expect(feeText).not.toMatch(/定額小為替|money order/);
        else expect(feeText).toMatch(lang === 'ja' ? /1,000円分の定額小為替/ : /money orders \(定額小為替\) for ¥1,000/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('deficiency notice: the administrator’s own reason, verbatim after the list (R5, #10 item 8)', () => {
  const data: LetterData = {
    caseNo: '2026-0042',
    recipient: BASE.recipient,
    receivedOn: '2026-11-02',
    requestedKinds: ['K1'],
    decisions: [],
    company: COMPANY,
    deficiency: {
      problems: [{ ja: '本人確認書類の写しが同封されていません。', en: 'No copy of an ID document was enclosed.' }],
      resend: [{ ja: '個人情報開示等請求書', en: 'The application form' }],
      instruction: { ja: '', en: '' },
      pendingReview: [],
    },
  };
  const reason = '請求書の署名欄が空欄です。\n（ご本人の自署が必要です）';

  it.each(['ja', 'en'] as const)('%s: the generated items first, then the reason exactly as typed', (lang) => {
    const items = composeLetter('deficiency', { ...data, deficiencyReason: reason }, lang).sections[0]!.items;
    expect(items).toHaveLength(2);
    expect(items[0]).toContain(lang === 'ja' ? '本人確認書類の写し' : 'No copy of an ID document');
    expect(items[1]!.endsWith(reason)).toBe(true);
    expect(items[1]!.length - reason.length).toBeLessThanOrEqual(2);
  });

  it('no reason, or a reason that already is the only problem: nothing added', () => {
    expect(composeLetter('deficiency', data, 'ja').sections[0]!.items).toHaveLength(1);
    expect(composeLetter('deficiency', { ...data, deficiencyReason: '  ' }, 'ja').sections[0]!.items).toHaveLength(1);
    const reasonOnly = { ...data, deficiency: { ...data.deficiency!, problems: [{ ja: '押印が不鮮明', en: '押印が不鮮明' }] }, deficiencyReason: '押印が不鮮明' };
    expect(composeLetter('deficiency', reasonOnly, 'en').sections[0]!.items).toEqual(['• 押印が不鮮明']);
  });

  it('property: any reason text appears whole in the draft', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== '' && s.trim() !== data.deficiency!.problems[0]!.ja), (r) => {
        const text = draftText(composeLetter('deficiency', { ...data, deficiencyReason: r }, 'ja'));
        expect(text).toContain(r.trim());
      }),
    );
  });
});
