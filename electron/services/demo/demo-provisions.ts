import { isoDateInJapan } from '@shared/domain/dates';
import type { ProvisionBasis } from '@shared/domain/provisions';
import type { Actor } from '../audit/audit-log';
import type { Workspace } from '../core/workspace';
import type { DemoPerson } from './demo-people';

const RECIPIENTS = ['東都保険株式会社', '北辰運輸株式会社', '株式会社南海マーケティング'];
const BASES: ProvisionBasis[] = ['consent', 'contract', 'opt_out'];

/**
 * The demo's third-party provision register (T1): a year of provisions of the demo people's
 * data, imported as a business system's CSV would be (so the import record exists too).
 */
export async function seedProvisionsDemo(ws: Workspace, actor: Actor, people: readonly DemoPerson[], today: Date): Promise<void> {
  const day = (daysAgo: number) => isoDateInJapan(new Date(today.getTime() - daysAgo * 86_400_000));
  const lines = ['提供日,提供先,氏名,フリガナ,生年月日,住所,提供項目,根拠'];
  people.forEach((p, i) => {
    for (let k = 0; k < 3; k++) {
      const n = i * 3 + k;
      lines.push([day(30 + n * 23), RECIPIENTS[n % 3], p.name, p.kana, p.birthDate, `"${p.address}"`, ['氏名・住所・電話番号', '氏名・配送先住所', '氏名・購入履歴'][n % 3], BASES[n % 3]].join(','));
    }
  });
  await ws.provisions.import(actor, Buffer.from(lines.join('\r\n'), 'utf8'), Object.fromEntries(['providedOn', 'recipient', 'name', 'kana', 'birthDate', 'address', 'items', 'basis'].map((f, i) => [f, i])) as Record<string, number>);
}

/** A K6 case answered from the register: every candidate confirmed as the requester's. */
export async function confirmDemoMatch(ws: Workspace, actor: Actor, caseId: string): Promise<void> {
  const match = await ws.provisions.match(actor, caseId);
  await ws.provisions.confirmMatch(actor, caseId, match.candidates.map((c) => c.id));
}
