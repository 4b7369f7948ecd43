import { randomBytes } from 'node:crypto';
import { isoDateInJapan } from '@shared/domain/dates';
import type { KaijiCore } from '../core/kaiji-core';
import { demoPeople, seededRandom } from './demo-people';

export interface DemoResult {
  dataDir: string;
  administrator: { login: string; passphrase: string };
  staff: { login: string; role: string; passphrase: string }[];
  recoveryKey: string;
  applicants: string[];
  cases: number;
}

/** A readable passphrase of five random words-ish groups: easy to type during training. */
function demoPassphrase(): string {
  return randomBytes(12).toString('base64url').replace(/(.{4})(?!$)/g, '$1-');
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

  const people = demoPeople(options.cases);
  const today = options.today ?? new Date();
  const rnd = seededRandom(7);
  await s.ws.cases.createMany(
    s.actor,
    people
      .map((p) => ({
        receivedOn: isoDateInJapan(new Date(today.getTime() - Math.floor(rnd() * 120) * 86_400_000)),
        subjectName: p.name,
        subjectKana: p.kana,
        subjectBirthDate: p.birthDate,
        subjectAddress: p.address,
      }))
      .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn)),
  );
  return {
    dataDir: core.vault.dataDir,
    administrator,
    staff: staff.map(({ login, role, passphrase }) => ({ login, role, passphrase })),
    recoveryKey: setup.recoveryKey,
    applicants: people.slice(0, 5).map((p) => p.name),
    cases: people.length,
  };
}
