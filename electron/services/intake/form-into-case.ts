import type { Actor } from '../audit/audit-log';
import type { CaseFileService } from '../cases/case-file';
import type { OcrPool } from '../ocr';
import type { PageStore } from '../pages/page-store';
import type { Kysely } from 'kysely';
import type { Database } from '../vault/schema';
import { readApplicationForm } from './form-reader';

/**
 * A form page that reached its case later (from the scanner inbox, or moved from another
 * case) pre-fills that case the same way an import into the case would.
 */
export async function readFormIntoCase(
  db: Kysely<Database>,
  pages: PageStore,
  caseFiles: CaseFileService,
  ocr: OcrPool,
  actor: Actor,
  pageId: string,
  caseId: string,
): Promise<string[]> {
  const image = await pages.imageForProcessing(pageId);
  const fields = await readApplicationForm(image, ocr);
  if (!fields) return [];
  return db.transaction().execute((trx) => caseFiles.applyRecognised(trx, actor, caseId, pageId, fields));
}
