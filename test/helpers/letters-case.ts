import type { Call } from './core';
import { ADMIN, value } from './core';
import { FILLED, fieldsOf } from './filled-forms';

export const COMPANY_SETTINGS = {
  companyAddress: '東京都新宿区西早稲田2-20-15 高田馬場アクセス10F',
  companyPostalCode: '169-0051',
  contactPoint: '個人情報お問合せ窓口（電話 03-6233-9447）',
  administratorTitle: '個人情報保護管理者',
};

/**
 * A set-up vault with one filled case (K1, K2, K6 asked; subject 山田 太郎 at 154-0015) moved
 * to `accepted`, ready for decisions (R1-R4).
 */
export async function acceptedCase(call: Call, kinds: Record<string, string | boolean> = {}) {
  value(await call('vault.setup', ADMIN));
  value(await call('settings.update', COMPANY_SETTINGS));
  const logged = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true }));
  const caseId = logged.cases[0]!.id;
  const form = { ...FILLED, 'enclosure.idDocument': 'license', signature: '山田 太郎', ...kinds };
  value(await call('cases.setFields', { id: caseId, fields: fieldsOf(form) }));
  value(await call('cases.updateSubject', { id: caseId, name: '山田 太郎', kana: 'ヤマダ タロウ', address: '東京都世田谷区桜新町1丁目2番3号' }));
  value(await call('cases.transition', { id: caseId, to: 'checking' }));
  value(await call('cases.transition', { id: caseId, to: 'accepted' }));
  return { caseId, caseNo: logged.cases[0]!.caseNo };
}

/** K1 done in part with a legal ground, K2 and K6 done: the partial-disclosure case of issue #6. */
export async function decidePartial(call: Call, caseId: string) {
  value(
    await call('decisions.record', {
      caseId,
      kind: 'K1',
      outcome: 'partial',
      grounds: ['business'],
      reasonText: '社内の不正調査に関する記録は、開示すると調査に著しい支障が生じるため開示しません。',
      enclosures: ['会員登録情報の写し 1通'],
    }),
  );
  value(await call('decisions.record', { caseId, kind: 'K2', outcome: 'done', grounds: [], reasonText: 'ご注文商品の発送のため\nアフターサービスのため' }));
  value(await call('decisions.record', { caseId, kind: 'K6', outcome: 'no_data', grounds: [], reasonText: '' }));
}
