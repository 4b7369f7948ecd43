import { randomBytes } from 'node:crypto';
import { isoDateInJapan } from '@shared/domain/dates';
import { tracked, type DeliveryMethod } from '@shared/domain/mail';
import { withDomesticCheckDigit } from '@shared/domain/tracking-number';
import type { KaijiCore } from '../core/kaiji-core';
import { demoPeople, seededRandom } from './demo-people';
import { formValuesFor, idCopyScan, moneyOrderScan, scannedForm } from './demo-scans';
import { seedVerificationDemo } from './demo-verification';
import { seedLedgerDemo } from './demo-ledger';
import { seedDeadlineDemo } from './demo-deadlines';
import { seedLettersDemo } from './demo-letters';
import { seedRecordsDemo } from './demo-records';

const deliveryMethodsForDemo: DeliveryMethod[] = ['ippan_kakitome', 'kan_i_kakitome', 'ippan_kakitome', 'tokutei_kiroku', 'futsu'];

export interface DemoResult {
  dataDir: string;
  administrator: { login: string; passphrase: string };
  staff: { login: string; role: string; passphrase: string }[];
  recoveryKey: string;
  applicants: string[];
  cases: number;
  /** Where the demo's backups are (#15). */
  backupFolder: string;
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
export async function createDemoVault(core: KaijiCore, options: { cases: number; scans?: number; today?: Date }): Promise<DemoResult> {
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
    const caseId = logged.cases[0]!.id;
    // The first few applications come with their scans: the form (read by OCR), an ID copy
    // and a money order, so the case file shows pre-filled fields and pages. The others
    // were typed in by a clerk.
    if (i >= (options.scans ?? 4)) {
      await s.ws.caseFiles.setSubject(s.actor, caseId, { name: person.name, kana: person.kana, birthDate: person.birthDate, address: person.address });
    } else {
      const validUntil = `${Number(arrivedOn.slice(0, 4)) + 2}${arrivedOn.slice(4)}`;
      const files = [
        { name: `scan-${i}-1.jpg`, bytes: await scannedForm(formValuesFor(person, i + 1, arrivedOn), { rotate: (i % 3) - 1, seed: i + 1 }) },
        { name: `scan-${i}-2.jpg`, bytes: await idCopyScan(person, (['license', 'passport', 'insurance'] as const)[i % 3]!, validUntil, i + 1) },
        {
          name: `scan-${i}-3.jpg`,
          bytes: await moneyOrderScan({ certificateNo: `AB ${10 + i}-${String(345678 + i)}`, faceValue: 1000, issuedOn: arrivedOn, office: '新宿' }, i + 1),
        },
      ];
      for (const file of files) await s.ws.imports.importFile(s.actor, file, { caseId, envelopeId: logged.envelope.id });
    }
  }
  await seedVerificationDemo(core, today);
  await seedLedgerDemo(core, today);
  await seedDeadlineDemo(core, today);
  await seedLettersDemo(core, today);
  const records = await seedRecordsDemo(core);
  return {
    dataDir: core.vault.dataDir,
    administrator,
    staff: staff.map(({ login, role, passphrase }) => ({ login, role, passphrase })),
    recoveryKey: setup.recoveryKey,
    applicants: people.slice(0, 5).map((p) => p.name),
    cases: people.length,
    backupFolder: records.backupFolder,
  };
}
