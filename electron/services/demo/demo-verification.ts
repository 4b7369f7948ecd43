import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { CaseState } from '@shared/domain/case-state';
import { isoDateInJapan } from '@shared/domain/dates';
import { formatEraDate } from '@shared/domain/era';
import { withDomesticCheckDigit } from '@shared/domain/tracking-number';
import type { KaijiCore } from '../core/kaiji-core';
import { answerAndCloseDemoCase, noticeDemoCase } from './demo-lifecycle';
import { logDemoApplication } from './demo-application';
import { demoPeople, type DemoPerson } from './demo-people';
import { scannerNoise } from './demo-scans';

/**
 * Verification in the demo vault (#4): a health insurance card copy carrying the numbers D6
 * says must be masked (fictitious, marked 見本), and cases in every state of case-state.ts.
 */

const requireHere = createRequire(import.meta.url);
const FONT_DIR = dirname(requireHere.resolve('@expo-google-fonts/noto-sans-jp/package.json'));
let fontsReady = false;
function fonts(): void {
  if (fontsReady) return;
  GlobalFonts.registerFromPath(join(FONT_DIR, '400Regular', 'NotoSansJP_400Regular.ttf'), 'Kaiji Mask Demo Sans');
  fontsReady = true;
}

/** The D6 numbers printed on a demo insurance card. */
export interface InsuranceNumbers {
  symbol: string;
  number: string;
  insurer: string;
}

export const DEMO_INSURANCE_NUMBERS: InsuranceNumbers = { symbol: '2718', number: '281828', insurer: '06137945' };

/**
 * A copy of a health insurance certificate (健康保険被保険者証) on an A4 sheet at 150 dpi, with
 * the insured person's symbol and number and the insurer number printed in clear (D6: to be
 * masked before the page is kept), noised like a scan.
 */
export function insuranceCardScan(person: DemoPerson, validUntil: string, numbers: InsuranceNumbers = DEMO_INSURANCE_NUMBERS, seed = 1): Promise<Buffer> {
  fonts();
  const canvas = createCanvas(1240, 1754);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, 1240, 1754);
  g.fillStyle = '#000';
  g.strokeStyle = '#000';
  g.lineWidth = 4;
  g.textBaseline = 'top';
  g.strokeRect(160, 200, 920, 720);
  g.font = '44px "Kaiji Mask Demo Sans"';
  g.fillText('健康保険 被保険者証', 200, 230);
  g.font = '38px "Kaiji Mask Demo Sans"';
  g.fillText(`記号 ${numbers.symbol}   番号 ${numbers.number}`, 200, 320);
  g.fillText(`氏名 ${person.name}`, 200, 400);
  g.fillText(`生年月日 ${formatEraDate(person.birthDate)}`, 200, 470);
  g.fillText(`住所 ${person.address}`, 200, 540);
  g.fillText(`有効期限 ${formatEraDate(validUntil)}`, 200, 610);
  g.fillText(`保険者番号 ${numbers.insurer}`, 200, 690);
  g.fillText('見本', 940, 820);
  return scannerNoise(canvas.toBuffer('image/png'), 0, 0.002, seed);
}

/** Cases and envelopes seedVerificationDemo adds (the demo test counts them). */
export const VERIFICATION_DEMO_CASES = 13;
export const VERIFICATION_DEMO_ENVELOPES = 14;

type Steps = readonly CaseState[];

/**
 * Cases in every state of case-state.ts, each with the documents that explain its state, a
 * deficient case still waiting for its re-sent set (stored deficiency list), one whose re-sent
 * set came back (I4), and a repeat requester (R3): one person, three requests within a year,
 * the middle one refused as repeated. One accepted case carries an unmasked insurance card copy
 * (D6) to practise masking on.
 */
export async function seedVerificationDemo(core: KaijiCore, today: Date): Promise<void> {
  const s = core.requireSession();
  const { ws, actor } = s;
  const day = (daysAgo: number) => isoDateInJapan(new Date(today.getTime() - daysAgo * 86_400_000));
  const people = demoPeople(11, 4_242);
  let seq = 0;

  const newCase = async (person: DemoPerson, arrivedOn: string, kinds: Partial<Record<'request.k1' | 'request.k3', boolean>> = {}) => {
    seq++;
    return logDemoApplication(ws, actor, { person, arrivedOn, serial: 100 + seq, fields: kinds, reason: '登録住所を現住所に訂正してください' });
  };
  const idDoc = (person: DemoPerson, type: 'drivers_license' | 'passport' | 'health_insurance', validUntil: string) => ({
    party: 'subject' as const,
    kind: 'id' as const,
    type,
    name: person.name,
    address: person.address,
    birthDate: person.birthDate,
    validUntil,
  });
  const go = async (id: string, steps: Steps, reason?: string) => {
    for (const [i, to] of steps.entries()) await ws.cases.setStatus(actor, id, to, i === steps.length - 1 ? reason : undefined);
  };
  const future = (years: number) => `${today.getFullYear() + years}-03-31`;

  // received: just logged, nothing checked yet.
  await newCase(people[0]!, day(1));
  // checking: a valid passport recorded.
  const checking = await newCase(people[1]!, day(3));
  await ws.documents.record(actor, checking.id, idDoc(people[1]!, 'passport', future(5)));
  await go(checking.id, ['checking']);
  // deficient, waiting: the licence had expired before the application date (D2).
  const waiting = await newCase(people[2]!, day(12));
  await ws.documents.record(actor, waiting.id, idDoc(people[2]!, 'drivers_license', day(40)));
  await go(waiting.id, ['checking', 'deficient'], '運転免許証の有効期限切れ。有効な本人確認書類の写しを含め、書類一式の再送付を依頼。');
  // deficient, then the whole set re-sent (I4): back in checking with the new passport.
  const resent = await newCase(people[3]!, day(30));
  await ws.documents.record(actor, resent.id, idDoc(people[3]!, 'drivers_license', day(60)));
  await go(resent.id, ['checking', 'deficient'], '運転免許証の有効期限切れ');
  await ws.envelopes.log(actor, { arrivedOn: day(2), delivery: 'ippan_kakitome', trackingNumber: withDomesticCheckDigit('20999999999'), redMarking: true, senderName: people[3]!.name, senderAddress: people[3]!.address, note: '再提出', applications: 1, resubmissionFor: resent.id });
  await ws.documents.record(actor, resent.id, idDoc(people[3]!, 'passport', future(4)));
  // accepted, with an insurance card copy whose numbers still need masking (D6).
  const accepted = await newCase(people[4]!, day(20));
  await ws.documents.record(actor, accepted.id, idDoc(people[4]!, 'health_insurance', future(2)));
  await ws.imports.importFile(actor, { name: 'hokensho.jpg', bytes: await insuranceCardScan(people[4]!, future(2)) }, { caseId: accepted.id, envelopeId: accepted.envelopeId });
  await go(accepted.id, ['checking', 'accepted']);
  for (const [n, steps] of [
    [5, ['checking', 'accepted', 'deciding']],
    [6, ['checking', 'accepted', 'deciding', 'responding']],
  ] as const) {
    const c = await newCase(people[n]!, day(25 + n * 5));
    await ws.documents.record(actor, c.id, idDoc(people[n]!, 'drivers_license', future(3)));
    await go(c.id, steps);
  }
  // closed: answered in full by one combined reply, delivered (#10 items 4, 10).
  const answered = await newCase(people[7]!, day(60));
  await ws.documents.record(actor, answered.id, idDoc(people[7]!, 'drivers_license', future(3)));
  await answerAndCloseDemoCase(ws, actor, answered.id, today);
  // withdrawn by letter: the acknowledgement issued and on its way (not final until delivered).
  const withdrawn = await newCase(people[8]!, day(45));
  await go(withdrawn.id, ['checking']);
  await ws.cases.setStatus(actor, withdrawn.id, 'withdrawn', '請求者から取下げの書面が届いた。', { ground: 'letter', manual: true });
  await noticeDemoCase(ws, actor, withdrawn.id, 'withdrawal_ack', today, false);
  // refused (not liable): the refusal notice delivered, so the case closed (#10 item 3).
  const refused = await newCase(people[9]!, day(50));
  await go(refused.id, ['checking']);
  await ws.cases.setStatus(actor, refused.id, 'refused', '当社が保有する個人データの本人ではないことが確認されたため（同姓同名の別人）。', { ground: 'not_liable', manual: true });
  await noticeDemoCase(ws, actor, refused.id, 'refusal_notice', today, true);

  // R3: the same person asks again and again within a year.
  const repeater = people[10]!;
  const first = await newCase(repeater, day(270), { 'request.k1': true });
  await ws.documents.record(actor, first.id, idDoc(repeater, 'passport', future(6)));
  await answerAndCloseDemoCase(ws, actor, first.id, today);
  const second = await newCase(repeater, day(90), { 'request.k1': true });
  await ws.documents.record(actor, second.id, idDoc(repeater, 'passport', future(6)));
  await go(second.id, ['checking']);
  await ws.repeatRefusals.refuse(actor, s.user.role, second.id, '前回の開示から半年以内に同一内容の請求があり、保有個人データに変更がないため、正当な理由のない繰り返しの請求と判断した。', [first.caseNo]);
  const third = await newCase(repeater, day(4), { 'request.k1': true });
  await ws.documents.record(actor, third.id, idDoc(repeater, 'passport', future(6)));
  await go(third.id, ['checking']);
}
