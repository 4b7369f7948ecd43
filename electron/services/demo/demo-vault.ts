import { randomBytes } from 'node:crypto';
import { isoDateInJapan } from '@shared/domain/dates';
import { tracked, type DeliveryMethod } from '@shared/domain/mail';
import { withDomesticCheckDigit } from '@shared/domain/tracking-number';
import type { KaijiCore } from '../core/kaiji-core';
import { demoPeople, seededRandom } from './demo-people';

const deliveryMethodsForDemo: DeliveryMethod[] = ['ippan_kakitome', 'kan_i_kakitome', 'ippan_kakitome', 'tokutei_kiroku', 'futsu'];

export interface DemoResult {
  dataDir: string;
  administrator: { login: string; passphrase: string };
  staff: { login: string; role: string; passphrase: string }[];
  recoveryKey: string;
  applicants: string[];
  cases: number;
}

/** 96 random bits as six groups of four hex digits: easy to type during training. */
function demoPassphrase(): string {
  return randomBytes(12).toString('hex').match(/.{4}/g)!.join('-');
}

/**
 * Fills a fresh vault for training: an office, three staff (one per role) and `cases`
 * applications from fictitious people received over the last four months. Later
 * capabilities add their own records here (scans, money orders, letters).
 */
export async function createDemoVault(core: KaijiCore, options: { cases: number; today?: Date }): Promise<DemoResult> {
  const administrator = { login: 'admin', passphrase: demoPassphrase() };
  const setup = await core.setup({
    companyName: '株式会社デモ商事',
    adminName: '管理 太郎',
    adminLogin: administrator.login,
    passphrase: administrator.passphrase,
  });
  const s = core.requireSession();
  await s.ws.settings.update(s.actor, {
    companyAddress: '〒169-0051 東京都新宿区西早稲田二丁目20番15号 デモビル10階',
    contactPoint: '個人情報保護管理者 窓口（電話 03-0000-0000）',
  });
  const staff = [
    { displayName: '受付 花子', login: 'clerk', role: 'clerk' as const, passphrase: demoPassphrase() },
    { displayName: '監査 次郎', login: 'auditor', role: 'auditor' as const, passphrase: demoPassphrase() },
  ];
  for (const member of staff) await s.ws.staff.add(s.actor, member);

  // Each application arrives in its own envelope, mostly by registered mail (I1, M1).
  const people = demoPeople(options.cases);
  const today = options.today ?? new Date();
  const rnd = seededRandom(7);
  const arrivals = people
    .map((person, i) => ({ person, i, arrivedOn: isoDateInJapan(new Date(today.getTime() - Math.floor(rnd() * 120) * 86_400_000)) }))
    .sort((a, b) => a.arrivedOn.localeCompare(b.arrivedOn));
  for (const { person, i, arrivedOn } of arrivals) {
    const delivery = deliveryMethodsForDemo[i % deliveryMethodsForDemo.length]!;
    const logged = await s.ws.envelopes.log(s.actor, {
      arrivedOn,
      delivery,
      trackingNumber: tracked.has(delivery) ? withDomesticCheckDigit(String(10_000_000_000 + i * 7919)) : undefined,
      redMarking: i % 5 !== 0,
      senderName: person.name,
      senderAddress: person.address,
      note: '',
      applications: 1,
    });
    await s.ws.cases.updateSubject(s.actor, logged.cases[0]!.id, {
      name: person.name,
      kana: person.kana,
      birthDate: person.birthDate,
      address: person.address,
    });
  }
  return {
    dataDir: core.vault.dataDir,
    administrator,
    staff: staff.map(({ login, role, passphrase }) => ({ login, role, passphrase })),
    recoveryKey: setup.recoveryKey,
    applicants: people.slice(0, 5).map((p) => p.name),
    cases: people.length,
  };
}
