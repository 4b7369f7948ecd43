import { isoDateInJapan } from '@shared/domain/dates';
import type { KindDecision } from '@shared/domain/decisions';
import type { LetterTemplateId } from '@shared/domain/letters/types';
import { withDomesticCheckDigit } from '@shared/domain/tracking-number';
import type { KaijiCore } from '../core/kaiji-core';
import { logDemoApplication } from './demo-application';
import { demoPeople, type DemoPerson } from './demo-people';
import { answerAndCloseDemoCase, noticeDemoCase } from './demo-lifecycle';
import { confirmDemoMatch, seedProvisionsDemo } from './demo-provisions';

/**
 * Decisions and letters in the demo vault (#6): issued letters of every template on suitable
 * cases, some mailed, one delivered with its proof (case closed), one still to send.
 */
export async function seedLettersDemo(core: KaijiCore, today: Date): Promise<void> {
  const { ws, actor } = core.requireSession();
  const day = (daysAgo: number) => isoDateInJapan(new Date(today.getTime() - daysAgo * 86_400_000));
  // Letters print the postal code on its own line: keep it out of the address.
  const settings = await ws.settings.get();
  const postal = /^〒?\s*(\d{3}-?\d{4})\s*/.exec(settings.companyAddress);
  if (postal && !settings.companyPostalCode) {
    await ws.settings.update(actor, { companyPostalCode: postal[1]!, companyAddress: settings.companyAddress.slice(postal[0].length) });
  }
  const people = demoPeople(6, 6_006);
  // The provision register (T1) holds these people's provisions; K5 below puts one on the list (T2).
  await seedProvisionsDemo(ws, actor, people, today);
  let seq = 0;

  const newCase = async (person: DemoPerson, arrivedOn: string, kinds: Record<string, boolean>) => {
    seq++;
    const none = { 'request.k1': false, 'request.k2': false, 'request.k3': false, 'request.k4': false, 'request.k5': false, 'request.k6': false };
    const { id } = await logDemoApplication(ws, actor, { person, arrivedOn, serial: 300 + seq, fields: { ...none, ...kinds }, reason: '退会済みのため、登録情報の訂正と利用停止を求めます' });
    await ws.caseFiles.setSubject(actor, id, { name: person.name, kana: person.kana, birthDate: person.birthDate, address: person.address });
    await ws.cases.setStatus(actor, id, 'checking');
    return id;
  };
  const decide = async (caseId: string, decisions: KindDecision[]) => {
    await ws.cases.setStatus(actor, caseId, 'accepted');
    for (const d of decisions) await ws.decisions.record(actor, caseId, d);
  };
  const issue = async (caseId: string, template: LetterTemplateId) => {
    await ws.lifecycle.confirmKinds(actor, caseId);
    const draft = await ws.letters.create(actor, { caseId, template, lang: 'ja', to: 'subject' });
    return ws.letters.issue(actor, draft.id);
  };
  const mail = (caseId: string, letterId: string, sentOn: string, n: number) =>
    ws.mail.logOutbound(actor, {
      caseId,
      letterId,
      method: 'ippan_kakitome',
      trackingNumber: withDomesticCheckDigit(String(40_000_000_000 + n * 3_001)),
      proofRequested: true,
      sentOn,
      closesCase: true,
    });

  // Disclosure (K1), purpose of use (K2), no provision records (K6): mailed and delivered -> closed.
  const a = await newCase(people[0]!, day(30), { 'request.k1': true, 'request.k2': true, 'request.k6': true });
  await ws.moneyOrders.record(actor, { caseId: a, certificateNo: '12-300101', faceValue: 1000, issuedOn: day(40), issuingOffice: '新宿', receivedOn: day(30) });
  await decide(a, [
    { kind: 'K1', outcome: 'done', grounds: [], reasonText: '', enclosures: ['会員登録情報（氏名・住所・電話番号）の写し 1通', '購入履歴（令和7年4月～令和8年9月）の写し 1通'] },
    { kind: 'K2', outcome: 'done', grounds: [], reasonText: 'ご注文商品の発送及び代金の請求のため\n商品・サービスに関するお問い合わせへの対応のため\n新商品・キャンペーンのご案内のため（ご同意いただいた場合）' },
    { kind: 'K6', outcome: 'no_data', grounds: [], reasonText: '' },
  ]);
  // The fee is kept (F4) and every kind's letter goes out and comes back with its proof (R1, #10).
  const [orderA] = await ws.moneyOrders.list(a);
  await ws.moneyOrders.cash(actor, orderA!.id, { cashedOn: day(28), depositRef: 'ゆうちょ入金 デモ' });
  for (const [n, t] of (['disclosure', 'purpose_of_use', 'no_data'] as const).entries()) {
    const letter = await issue(a, t);
    const item = await mail(a, letter.id, day(20), 1 + n * 10);
    await ws.mail.recordDelivery(actor, item.id, { deliveredOn: day(18), proofReceivedOn: day(15) });
  }

  // Partial disclosure with a legal ground: mailed, proof of delivery still awaited (responding).
  const b = await newCase(people[1]!, day(20), { 'request.k1': true });
  await ws.moneyOrders.record(actor, { caseId: b, certificateNo: '12-300202', faceValue: 1000, issuedOn: day(25), issuingOffice: '渋谷', receivedOn: day(20) });
  await decide(b, [
    {
      kind: 'K1',
      outcome: 'partial',
      grounds: ['business'],
      reasonText: '社内の不正利用調査に関する記録は、開示すると調査の適正な実施に著しい支障を及ぼすおそれがあるため、開示いたしません。',
      enclosures: ['会員登録情報の写し 1通'],
    },
  ]);
  const partial = await issue(b, 'partial_or_refusal');
  await mail(b, partial.id, day(5), 2);

  // Correction (K3), suspension with an alternative measure (K4), stop third-party provision (K5): issued, still to send.
  const c = await newCase(people[2]!, day(12), { 'request.k3': true, 'request.k4': true, 'request.k5': true });
  await decide(c, [
    { kind: 'K3', outcome: 'done', grounds: [], reasonText: '登録住所を現住所に訂正いたしました。' },
    { kind: 'K4', outcome: 'alternative', grounds: [], reasonText: '', alternativeMeasure: '法令で保存が義務付けられている取引記録を除き、ご登録情報の利用を停止し、ダイレクトメールの送付対象から除外いたしました。' },
    { kind: 'K5', outcome: 'done', grounds: [], reasonText: '提携先への提供を停止いたしました。' },
  ]);
  for (const t of ['correction_result', 'suspension_result', 'third_party_stop_result'] as const) await issue(c, t);

  // Third-party provision records (K6) answered from the register, issued today.
  const d = await newCase(people[3]!, day(8), { 'request.k6': true });
  await confirmDemoMatch(ws, actor, d);
  await ws.moneyOrders.record(actor, { caseId: d, certificateNo: '12-300404', faceValue: 1000, issuedOn: day(12), issuingOffice: '池袋', receivedOn: day(8) });
  await decide(d, [{ kind: 'K6', outcome: 'done', grounds: [], reasonText: '', enclosures: ['第三者提供記録（令和6年1月～令和8年10月）の写し 1通'] }]);
  await issue(d, 'provision_records');

  // A deficient application (expired licence, D2) with its notice and the money order sent back.
  const e = await newCase(people[4]!, day(10), { 'request.k1': true });
  await ws.moneyOrders.record(actor, { caseId: e, certificateNo: '12-300505', faceValue: 1000, issuedOn: day(14), issuingOffice: '品川', receivedOn: day(10) });
  await ws.documents.record(actor, e, { party: 'subject', kind: 'id', type: 'drivers_license', name: people[4]!.name, address: people[4]!.address, birthDate: people[4]!.birthDate, validUntil: day(40) });
  await ws.cases.setStatus(actor, e, 'deficient', '運転免許証の有効期限切れ');
  await issue(e, 'deficiency');
  await issue(e, 'money_order_return');

  // #10 item 4: K1 and K2 answered by one combined reply, delivered: closed.
  const f = await newCase(people[5]!, day(25), { 'request.k1': true, 'request.k2': true });
  await ws.moneyOrders.record(actor, { caseId: f, certificateNo: '12-300606', faceValue: 1000, issuedOn: day(30), issuingOffice: '上野', receivedOn: day(25) });
  await answerAndCloseDemoCase(ws, actor, f, today);

  // #10 item 3: a refusal (not liable) with its notice, which sends the money order back, delivered: closed.
  const g = await newCase(people[0]!, day(16), { 'request.k1': true });
  await ws.moneyOrders.record(actor, { caseId: g, certificateNo: '12-300707', faceValue: 1000, issuedOn: day(20), issuingOffice: '新宿', receivedOn: day(16) });
  await ws.cases.setStatus(actor, g, 'refused', '当社のサービスの利用者ではなく、当社が法に基づく義務を負わない請求であるため。', { ground: 'not_liable', manual: true });
  await noticeDemoCase(ws, actor, g, 'refusal_notice', today, true);

  // A withdrawal by phone: the acknowledgement issued, not yet sent (the case stays withdrawn).
  const h = await newCase(people[1]!, day(6), { 'request.k3': true });
  await ws.cases.setStatus(actor, h, 'withdrawn', '電話で取下げの申出', { ground: 'phone', manual: true });
  await issue(h, 'withdrawal_ack');
}
