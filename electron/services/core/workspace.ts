import type { Kysely } from 'kysely';
import { AuditLog } from '../audit/audit-log';
import { CaseService } from '../cases/case-service';
import { CaseFileService } from '../cases/case-file';
import { EnvelopeService } from '../intake/envelope-service';
import { ImportJobs } from '../pages/import-jobs';
import { ImportService } from '../pages/import-service';
import type { PagePipeline } from '../pages/page-pipeline';
import { PageStore } from '../pages/page-store';
import { TextSearch } from '../pages/text-search';
import { ChecklistService } from '../verification/checklist-service';
import { DocumentService } from '../verification/document-service';
import { SettingsService } from '../settings/settings-service';
import { StaffService } from '../staff/staff-service';
import type { Database } from '../vault/schema';
import type { Vault } from '../vault/vault';

/** The services of an unlocked vault, wired once per unlock and dropped at lock. */
export interface Workspace {
  db: Kysely<Database>;
  audit: AuditLog;
  staff: StaffService;
  settings: SettingsService;
  cases: CaseService;
  envelopes: EnvelopeService;
  caseFiles: CaseFileService;
  pages: PageStore;
  imports: ImportService;
  importJobs: ImportJobs;
  textSearch: TextSearch;
  documents: DocumentService;
  checklists: ChecklistService;
}

export function createWorkspace(db: Kysely<Database>, vault: Vault, now: () => Date, pipeline: PagePipeline): Workspace {
  const audit = new AuditLog(db, now);
  const cases = new CaseService(db, audit, now);
  const envelopes = new EnvelopeService(db, audit, cases, now);
  const pages = new PageStore(db, audit);
  const caseFiles = new CaseFileService(db, audit, pages, envelopes, now);
  const imports = new ImportService(db, audit, pages, pipeline, caseFiles, now);
  return {
    db,
    audit,
    staff: new StaffService(db, vault, audit, now),
    settings: new SettingsService(db, audit),
    cases,
    envelopes,
    caseFiles,
    pages,
    imports,
    importJobs: new ImportJobs(imports),
    textSearch: new TextSearch(db, audit),
    documents: new DocumentService(db, audit, now),
    checklists: new ChecklistService(db, audit, caseFiles),
  };
}
