import { mkdirSync } from 'node:fs';
import { FINAL_STATES } from '@shared/domain/case-state';
import type { KaijiCore } from '../core/kaiji-core';
import { demoPeople } from './demo-people';
import { idCopyScan } from './demo-scans';

/**
 * Records keeping in the demo vault (#15): this demo office destroys ID copies when a case
 * closes (retention 0 months, a policy many offices choose; money-order images 6 months, the
 * case file 3 years), so closed cases' ID copies are due at once. The oldest closed case gets its
 * ID copy scanned and disposed of (a disposal record to print), the next closed one is put under
 * a legal hold, and one verified backup is written to `<data dir>-backups` (a folder beside the
 * data folder, created for the demo). Runs after the other seeds.
 */
export async function seedRecordsDemo(core: KaijiCore): Promise<{ backupFolder: string }> {
  const { ws, actor } = core.requireSession();
  await ws.retention.updateSchedule(actor, { idDocumentsMonths: 0, moneyOrderImagesMonths: 6, caseFileYears: 3 });
  // Closed cases without scans of their own: the other seeds' scanned cases stay as they made them.
  const closed = await ws.db
    .selectFrom('cases')
    .select(['id', 'received_on'])
    .where('status', 'in', [...FINAL_STATES])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('pages').select('pages.id').whereRef('pages.case_id', '=', 'cases.id'))))
    .orderBy('received_on')
    .limit(2)
    .execute();
  const [first, second] = closed;
  if (first) {
    const [person] = demoPeople(1, 151);
    const validUntil = `${Number(first.received_on.slice(0, 4)) + 3}${first.received_on.slice(4)}`;
    await ws.imports.importFile(actor, { name: 'demo-id-copy.jpg', bytes: await idCopyScan(person!, 'license', validUntil, 151) }, { caseId: first.id });
    const pages = await ws.db.selectFrom('pages').select('id').where('case_id', '=', first.id).execute();
    for (const p of pages) await ws.pages.setKind(actor, p.id, 'id_document');
    await ws.retention.dispose(actor, { items: [{ caseId: first.id, classes: ['id_documents'] }], reason: '案件終了に伴う本人確認書類の廃棄（社内規程）' });
  }
  if (second) await ws.retention.placeHold(actor, second.id, '訴訟提起の可能性があるため保存（デモ）');
  const backupFolder = `${core.vault.dataDir}-backups`;
  mkdirSync(backupFolder, { recursive: true, mode: 0o700 });
  await ws.backups.updateSettings(actor, { folder: backupFolder, generations: 7 });
  await ws.backups.run(actor, 'manual');
  return { backupFolder };
}
