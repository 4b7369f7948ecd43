/**
 * Letter texts (R1-R5): every template in Japanese and English, the business-letter frame,
 * what each template requires, suggestions per case, and the QR payload.
 */
import { describe, expect, it } from 'vitest';
import { KaijiError } from '../../shared/errors';
import type { KindDecision } from '../../shared/domain/decisions';
import {
  composeLetter,
  draftText,
  formatLetterDate,
  formatPostalCode,
  LETTER_TEMPLATE_LABELS,
  LETTER_TEMPLATES,
  letterQrPayload,
  parseLetterQr,
  suggestTemplates,
  type LetterTemplateId,
} from '../../shared/domain/letters';
import { LETTER_CASES } from '../helpers/letters-fixture';

const ja = (t: LetterTemplateId) => draftText(composeLetter(t, LETTER_CASES[t], 'ja'));
const en = (t: LetterTemplateId) => draftText(composeLetter(t, LETTER_CASES[t], 'en'));

describe('letter frame', () => {
  it.each(LETTER_TEMPLATES)('%s: Japanese business letter form (拝啓 … 敬具, 記 … 以上) and case number', (t) => {
    const d = composeLetter(t, LETTER_CASES[t], 'ja');
    expect(d.salutation).toMatch(/^拝啓/);
    expect(d.complimentaryClose).toBe('敬具');
    expect(d.itemsMarker).toBe('記');
    expect(d.closing).toBe('以上');
    expect(d.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(d.sections.length).toBeGreaterThan(0);
    expect(draftText(d)).toContain('2026-0042');
    expect(d.notes.at(-1)).toContain('個人情報お問合せ窓口');
  });

  it.each(LETTER_TEMPLATES)('%s: English version has no Japanese frame words and Western dates', (t) => {
    const d = composeLetter(t, LETTER_CASES[t], 'en');
    expect(d.salutation).toBe('Dear 山田 花子,');
    expect(d.complimentaryClose).toBe('Yours sincerely,');
    expect(d.itemsMarker).toBe('');
    expect(d.closing).toBe('');
    expect(d.title).toMatch(/^[A-Z][A-Za-z ,.()-]+$/);
    expect(draftText(d)).toContain('case number 2026-0042');
    expect(draftText(d)).not.toContain('令和');
  });

  it('every template has a Japanese and an English label', () => {
    for (const t of LETTER_TEMPLATES) expect(LETTER_TEMPLATE_LABELS[t].ja && LETTER_TEMPLATE_LABELS[t].en).toBeTruthy();
  });

  it('dates: era calendar in Japanese, Western in English', () => {
    expect(formatLetterDate('2026-11-24', 'ja')).toBe('令和8年11月24日');
    expect(formatLetterDate('2019-05-01', 'ja')).toBe('令和元年5月1日');
    expect(formatLetterDate('2026-11-24', 'en')).toBe('24 November 2026');
    expect(ja('disclosure')).toContain('令和8年11月2日に当社で受け付けました');
    expect(en('disclosure')).toContain('received on 2 November 2026');
  });

  it('postal codes print as 〒123-4567 whatever the input', () => {
    expect(formatPostalCode('1690051')).toBe('〒169-0051');
    expect(formatPostalCode('１６９－００５１')).toBe('〒169-0051');
    expect(formatPostalCode('169-0051')).toBe('〒169-0051');
    expect(formatPostalCode('')).toBe('');
  });
});

describe('templates', () => {
  it('R5 deficiency: lists exactly the problems, asks for the whole set, gives the return address', () => {
    const text = ja('deficiency');
    expect(text).toContain('・本人確認書類の写しが同封されていません。');
    expect(text).toContain('・手数料（定額小為替1,000円分）が不足しています。');
    expect(text).toContain('書類一式をあらためて');
    expect(text).toContain('〒169-0051　東京都新宿区西早稲田2-20-15');
    expect(text).toContain('WESEEK株式会社　個人情報保護管理者 宛');
    expect(text).toContain('開示等請求書在中');
    expect(text).toContain('本通知書を書類一式に同封');
    expect(en('deficiency')).toContain('• No copy of an ID document was enclosed.');
    expect(en('deficiency')).toContain('send the complete set of documents');
  });

  it('K1 disclosure: lists every enclosure', () => {
    const d = composeLetter('disclosure', LETTER_CASES.disclosure, 'ja');
    expect(d.title).toBe('保有個人データの開示について（通知）');
    expect(d.sections.find((s) => s.heading.includes('同封書類'))?.items).toEqual(['・会員登録情報の写し（1枚）', '・ご利用履歴（2024年1月～2026年10月）（3枚）']);
  });

  it('Art. 33(3)/36 partial or refusal: every partial/not_done kind with its legal grounds and own words', () => {
    const text = ja('partial_or_refusal');
    expect(composeLetter('partial_or_refusal', LETTER_CASES.partial_or_refusal, 'ja').title).toBe('個人情報の開示等のご請求の一部に応じる旨の決定について（通知）');
    expect(text).toContain('1　保有個人データの開示');
    expect(text).toContain('2　保有個人データの利用の停止又は消去');
    expect(text).toContain('個人情報保護法第33条第2項第2号');
    expect(text).toContain('当社「開示等の求めに応じる手続」第10条');
    expect(text).toContain('不正利用調査に関する記録は');
    expect(text).toContain('ご請求の一部について開示を行い');
    expect(text).toContain('ご請求に係る利用停止等を行わないことといたしました。');
    expect(text).toContain('・会員登録情報の写し（1枚）');
    expect(en('partial_or_refusal')).toContain("APPI Art. 33(2)(ii)");
  });

  it('partial_or_refusal title: K1 only, refused', () => {
    const data = { ...LETTER_CASES.disclosure, decisions: [{ kind: 'K1', outcome: 'not_done', grounds: ['harm'], reasonText: '' } satisfies KindDecision] };
    const d = composeLetter('partial_or_refusal', data, 'ja');
    expect(d.title).toBe('保有個人データの不開示の決定について（通知）');
    expect(draftText(d)).toContain('個人情報保護法第33条第2項第1号');
  });

  it('no data: names every kind decided no_data (K6 mentions records)', () => {
    const text = ja('no_data');
    expect(text).toContain('・保有個人データの開示');
    expect(text).toContain('・第三者提供記録の開示');
    expect(text).toContain('及び第三者提供記録は存在しませんでした');
  });

  it('K2 purposes from settings, else from the decision text', () => {
    expect(ja('purpose_of_use')).toContain('・お問い合わせへの対応のため');
    const data = { ...LETTER_CASES.purpose_of_use, purposesOfUse: [], decisions: [{ kind: 'K2', outcome: 'done', grounds: [], reasonText: 'サービス提供のため\n本人確認のため' } satisfies KindDecision] };
    expect(composeLetter('purpose_of_use', data, 'ja').sections[0]!.items).toEqual(['・サービス提供のため', '・本人確認のため']);
  });

  it('K3 correction result prints what was corrected', () => {
    expect(ja('correction_result')).toContain('ご請求のとおり、保有個人データの内容の訂正等を行いました。');
    expect(ja('correction_result')).toContain('ご登録住所を');
  });

  it('R4 K4 alternative measure: states why and what was done instead', () => {
    const text = ja('suspension_result');
    expect(text).toContain('これに代わるべき措置');
    expect(text).toContain('講じた代替措置');
    expect(text).toContain('当該データへのアクセスを遮断し');
    expect(en('suspension_result')).toContain('Alternative measure taken');
  });

  it('K5 done: stopped and will not provide from now on', () => {
    expect(ja('third_party_stop_result')).toContain('今後、第三者への提供は行いません。');
  });

  it('K6 provision records with enclosures', () => {
    expect(ja('provision_records')).toContain('第三者提供記録の開示について（通知）');
    expect(ja('provision_records')).toContain('・第三者提供記録の写し（2026年1月～10月分）（1枚）');
  });

  it('money order return: certificate numbers, face values, total and reason', () => {
    const text = ja('money_order_return');
    expect(text).toContain('・証書番号 12-345678　額面 500円');
    expect(text).toContain('・証書番号 12-345679　額面 500円');
    expect(text).toContain('2枚　1,000円');
    expect(text).toContain('不備があり');
    expect(en('money_order_return')).toContain('2 money orders, ¥1,000');
  });

  it.each<[LetterTemplateId, Partial<(typeof LETTER_CASES)[LetterTemplateId]>]>([
    ['deficiency', { deficiency: undefined }],
    ['disclosure', { decisions: [{ kind: 'K1', outcome: 'done', grounds: [], reasonText: '' }] }],
    ['disclosure', { decisions: [] }],
    ['partial_or_refusal', { decisions: [{ kind: 'K1', outcome: 'done', grounds: [], reasonText: '' }] }],
    ['purpose_of_use', { purposesOfUse: [], decisions: [{ kind: 'K2', outcome: 'done', grounds: [], reasonText: ' ' }] }],
    ['suspension_result', { decisions: [{ kind: 'K4', outcome: 'alternative', grounds: [], reasonText: '' }] }],
    ['money_order_return', { moneyOrders: [] }],
  ])('%s refuses data without what it needs (LETTER_DATA_MISSING)', (t, over) => {
    const run = () => composeLetter(t, { ...LETTER_CASES[t], ...over }, 'ja');
    expect(run).toThrow(KaijiError);
    try {
      run();
    } catch (e) {
      expect((e as KaijiError).code).toBe('LETTER_DATA_MISSING');
    }
  });
});

describe('suggestTemplates', () => {
  const d = (kind: KindDecision['kind'], outcome: KindDecision['outcome']): KindDecision => ({ kind, outcome, grounds: [], reasonText: '' });

  it('a deficient application gets the deficiency notice (and the money-order return) only', () => {
    expect(suggestTemplates([d('K1', 'done')], true, 0)).toEqual(['deficiency']);
    expect(suggestTemplates([], true, 2)).toEqual(['deficiency', 'money_order_return']);
  });

  it('one letter per outcome; partial and not_done of any kind share one letter', () => {
    expect(suggestTemplates([d('K1', 'partial'), d('K4', 'not_done'), d('K2', 'done')], false, 0)).toEqual(['partial_or_refusal', 'purpose_of_use']);
    expect(suggestTemplates([d('K1', 'done'), d('K6', 'no_data')], false, 0)).toEqual(['disclosure', 'no_data']);
    expect(suggestTemplates([d('K3', 'done'), d('K4', 'alternative'), d('K5', 'done'), d('K6', 'done')], false, 1)).toEqual([
      'correction_result',
      'suspension_result',
      'third_party_stop_result',
      'provision_records',
      'money_order_return',
    ]);
  });
});

describe('letter QR payload', () => {
  it('round-trips case number and letter id', () => {
    const payload = letterQrPayload('2026-0042', '3f2b8c1e-7a4d-4e29-9b1f-0c5d6e7f8a90');
    expect(payload).toBe('KAIJI-LTR:1:2026-0042:3f2b8c1e-7a4d-4e29-9b1f-0c5d6e7f8a90');
    expect(parseLetterQr(payload)).toEqual({ caseNo: '2026-0042', letterId: '3f2b8c1e-7a4d-4e29-9b1f-0c5d6e7f8a90' });
    expect(parseLetterQr(` ${payload}\n`)).toEqual({ caseNo: '2026-0042', letterId: '3f2b8c1e-7a4d-4e29-9b1f-0c5d6e7f8a90' });
  });

  it.each(['KAIJI-FORM:kaiji-appi-request:1', 'KAIJI-LTR:2:2026-0042:abc', 'KAIJI-LTR:1:2026-0042', 'KAIJI-LTR:1:20 26:abc', 'https://example.com'])('rejects %s', (text) => {
    expect(parseLetterQr(text)).toBeNull();
  });

  it('refuses ids that would make the payload ambiguous', () => {
    expect(() => letterQrPayload('2026:0042', 'x')).toThrow();
  });
});
