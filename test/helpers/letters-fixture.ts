/**
 * Case data for letter tests and the letters bench: one LetterData per template, built on a
 * shared base (applicant, company, dates).
 */
import type { KindDecision } from '../../shared/domain/decisions';
import type { LetterCompany, LetterData, LetterRecipient, LetterTemplateId } from '../../shared/domain/letters';
import type { LetterRenderInput } from '../../electron/services/letters/render';
import { composeLetter } from '../../shared/domain/letters';

export const LETTER_COMPANY: LetterCompany = {
  name: 'WESEEK株式会社',
  postalCode: '1690051',
  address: '東京都新宿区西早稲田2-20-15 高田馬場アクセス10F',
  contactPoint: '個人情報お問合せ窓口（電話 03-6233-9447）',
  administratorTitle: '個人情報保護管理者',
};

export const LETTER_RECIPIENT: LetterRecipient = {
  postalCode: '100-0001',
  address: '東京都千代田区千代田1-1\n千代田ハイツ205号室',
  name: '山田 花子',
  honorific: '様',
};

const base: LetterData = {
  caseNo: '2026-0042',
  recipient: { name: LETTER_RECIPIENT.name, postalCode: LETTER_RECIPIENT.postalCode, address: LETTER_RECIPIENT.address },
  receivedOn: '2026-11-02',
  requestedKinds: ['K1'],
  decisions: [],
  company: LETTER_COMPANY,
};

const done = (kind: KindDecision['kind'], extra: Partial<KindDecision> = {}): KindDecision => ({ kind, outcome: 'done', grounds: [], reasonText: '', ...extra });

export const LETTER_CASES: Record<LetterTemplateId, LetterData> = {
  deficiency: {
    ...base,
    requestedKinds: ['K1', 'K6'],
    deficiency: {
      problems: [
        { ja: '本人確認書類の写しが同封されていません。', en: 'No copy of an ID document was enclosed.' },
        { ja: '手数料（定額小為替1,000円分）が不足しています。', en: 'The 1,000-yen fee in postal money orders is short.' },
      ],
      resend: [
        { ja: '個人情報開示等請求書（全項目を記入し署名したもの）', en: 'The application form, every item filled in and signed' },
        { ja: '本人確認書類の写し1点', en: 'A copy of one ID document' },
        { ja: '手数料として定額小為替1,000円分', en: 'Postal money orders for the 1,000-yen fee' },
      ],
      instruction: { ja: '', en: '' },
      pendingReview: [],
    },
    // R5 (issue #10 item 8): the administrator's own words, printed verbatim after the list.
    deficiencyReason: '請求書の署名が読み取れませんでした。',
  },
  disclosure: {
    ...base,
    decisions: [done('K1', { enclosures: ['会員登録情報の写し（1枚）', 'ご利用履歴（2024年1月～2026年10月）（3枚）'] })],
  },
  partial_or_refusal: {
    ...base,
    requestedKinds: ['K1', 'K4'],
    decisions: [
      { kind: 'K1', outcome: 'partial', grounds: ['business'], reasonText: '不正利用調査に関する記録は、開示すると調査に著しい支障を及ぼすおそれがあるため開示いたしません。', enclosures: ['会員登録情報の写し（1枚）'] },
      { kind: 'K4', outcome: 'not_done', grounds: ['not_liable'], reasonText: '法令に基づき保存が義務付けられている取引記録であるため。' },
    ],
  },
  no_data: { ...base, requestedKinds: ['K1', 'K6'], decisions: [{ kind: 'K1', outcome: 'no_data', grounds: [], reasonText: '' }, { kind: 'K6', outcome: 'no_data', grounds: [], reasonText: '' }] },
  purpose_of_use: {
    ...base,
    requestedKinds: ['K2'],
    decisions: [done('K2')],
    purposesOfUse: ['本サービスの提供、運営及び本人確認のため', 'お問い合わせへの対応のため', '利用規約に違反する行為への対応のため'],
  },
  correction_result: { ...base, requestedKinds: ['K3'], decisions: [done('K3', { reasonText: 'ご登録住所を「東京都千代田区千代田1-1 千代田ハイツ205号室」に訂正いたしました。' })] },
  suspension_result: {
    ...base,
    requestedKinds: ['K4'],
    decisions: [{ kind: 'K4', outcome: 'alternative', grounds: [], reasonText: '過去のバックアップからの消去には多額の費用を要するため。', alternativeMeasure: '当該データへのアクセスを遮断し、以後一切利用しない措置を講じました。' }],
  },
  third_party_stop_result: { ...base, requestedKinds: ['K5'], decisions: [done('K5')] },
  provision_records: { ...base, requestedKinds: ['K6'], decisions: [done('K6', { enclosures: ['第三者提供記録の写し（2026年1月～10月分）（1枚）'] })] },
  refusal_notice: {
    ...base,
    requestedKinds: ['K1', 'K2'],
    refusal: { ground: 'repeated', reasonText: '本年中に同一内容のご請求を3回いただいており、いずれも回答済みです。', decidedOn: '2026-11-20' },
    moneyOrders: [{ certificateNo: '34-567890', faceValue: 1000 }],
  },
  withdrawal_ack: {
    ...base,
    withdrawal: { via: 'phone', receivedOn: '2026-11-10' },
    moneyOrders: [{ certificateNo: '56-789012', faceValue: 1000 }],
  },
  combined_reply: {
    ...base,
    requestedKinds: ['K1', 'K2', 'K4'],
    decisions: [
      done('K1', { enclosures: ['会員登録情報の写し（1枚）'] }),
      done('K2'),
      { kind: 'K4', outcome: 'not_done', grounds: ['not_liable'], reasonText: '法令に基づき保存が義務付けられている取引記録であるため。' },
    ],
    purposesOfUse: ['本サービスの提供、運営及び本人確認のため', 'お問い合わせへの対応のため'],
  },
  money_order_return: {
    ...base,
    moneyOrders: [
      { certificateNo: '12-345678', faceValue: 500 },
      { certificateNo: '12-345679', faceValue: 500 },
    ],
    moneyOrderReturnReason: 'deficiency',
  },
};

export const LETTER_ID = '3f2b8c1e-7a4d-4e29-9b1f-0c5d6e7f8a90';

export function renderInput(template: LetterTemplateId, lang: 'ja' | 'en' = 'ja', over: Partial<LetterRenderInput> = {}): LetterRenderInput {
  const data = LETTER_CASES[template];
  return {
    letterId: LETTER_ID,
    caseNo: data.caseNo,
    lang,
    issuedOn: '2026-11-24',
    recipient: LETTER_RECIPIENT,
    sender: LETTER_COMPANY,
    draft: composeLetter(template, data, lang),
    ...over,
  };
}

/** A disclosure with 60 enclosures: flows onto three pages. */
export function longLetterInput(): LetterRenderInput {
  const data = {
    ...LETTER_CASES.disclosure,
    decisions: [{ ...LETTER_CASES.disclosure.decisions[0]!, enclosures: Array.from({ length: 60 }, (_, i) => `ご利用履歴 第${i + 1}分冊（2024年${(i % 12) + 1}月分）`) }],
  };
  return renderInput('disclosure', 'ja', { draft: composeLetter('disclosure', data, 'ja') });
}
