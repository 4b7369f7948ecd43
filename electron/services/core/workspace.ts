import type { Kysely } from 'kysely';
import { AuditLog } from '../audit/audit-log';
import { CaseService } from '../cases/case-service';
import { CaseFileService } from '../cases/case-file';
import { ContactService } from '../contacts/contact-service';
import { EnvelopeService } from '../intake/envelope-service';
import { MoneyOrderLedger } from '../fees/money-order-ledger';
import { MailLog } from '../mail/mail-log';
import { DecisionService } from '../letters/decision-service';
import { LetterService } from '../letters/letter-service';
import { returnedNoticeResolver } from '../letters/returned-notice';
import { ImportJobs } from '../pages/import-jobs';
import { ImportService } from '../pages/import-service';
import type { PagePipeline } from '../pages/page-pipeline';
import { PageStore } from '../pages/page-store';
import { TextSearch } from '../pages/text-search';
import { ChecklistService } from '../verification/checklist-service';
import { DocumentService } from '../verification/document-service';
import { DeficiencyService } from '../verification/deficiency-service';
import { MaskingService } from '../verification/masking-service';
import { RepeatRefusalService } from '../verification/repeat-refusal-service';
import { ProvisionService } from '../provisions/provision-service';
import { ReportService } from '../reports/report-service';
import { SettingsService } from '../settings/settings-service';
import { StaffService } from '../staff/staff-service';
import { TodayService } from '../today/today-service';
import { LifecycleService } from '../lifecycle/lifecycle-service';
import { AssignmentService } from '../worklists/assignment';
import { CaseListService } from '../worklists/case-list';
import { SavedFilterService } from '../worklists/saved-filters';
import { BackupService } from '../backup/backup-service';
import { RetentionService } from '../retention/retention-service';
import { ApprovalService } from '../approval/approval-service';
import { TrashService } from '../trash/trash-service';
import { storeFacts } from '../facts/case-facts';
import type { Database } from '../vault/schema';
import type { DeskVault } from '../vault/desk-vault';

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
  deficiencies: DeficiencyService;
  masking: MaskingService;
  repeatRefusals: RepeatRefusalService;
  moneyOrders: MoneyOrderLedger;
  mail: MailLog;
  decisions: DecisionService;
  letters: LetterService;
  today: TodayService;
  contacts: ContactService;
  lifecycle: LifecycleService;
  backups: BackupService;
  retention: RetentionService;
  provisions: ProvisionService;
  reports: ReportService;
  /** #13 items 1 and 2a: the paged case list, the person in charge, saved filters. */
  caseList: CaseListService;
  assignment: AssignmentService;
  savedFilters: SavedFilterService;
  approvals: ApprovalService;
  trash: TrashService;
}

export function createWorkspace(db: Kysely<Database>, vault: DeskVault, now: () => Date, pipeline: PagePipeline): Workspace {
  const audit = new AuditLog(db, now);
  const cases = new CaseService(db, audit, now);
  const envelopes = new EnvelopeService(db, audit, cases, now);
  // #16: on an office database page images are sealed values in their rows, not files at this desk.
  const pages = new PageStore(db, audit, vault.dataDir, vault.kind === 'office');
  const caseFiles = new CaseFileService(db, audit, pages, envelopes, now);
  const imports = new ImportService(db, audit, pages, pipeline, caseFiles, now);
  const settings = new SettingsService(db, audit);
  const checklists = new ChecklistService(db, audit, caseFiles, settings);
  const deficiencies = new DeficiencyService(db, audit, checklists);
  // Deficiency lists are stored in the same transaction as the status change (R5, I4).
  cases.addStatusHook(deficiencies.onStatusChange);
  const contacts = new ContactService(db, audit, settings, now);
  const today = new TodayService(db, audit, settings, now, cases.deadlines, contacts);
  // Stored deadlines (I5) follow every status change in the same transaction.
  cases.addStatusHook(today.deadlines.onStatusChange);
  // Stored per-case facts (migration 024): triggers mark a touched case in every write's own
  // transaction; a status change also recomputes its case there, last among the hooks.
  cases.addStatusHook((trx, _actor, change) => storeFacts(trx, [change.caseId]));
  const moneyOrders = new MoneyOrderLedger(db, audit, settings, now);
  const decisions = new DecisionService(db, audit, cases, now);
  // K5 decisions feed the do-not-provide list in their own transaction (T2).
  const provisions = new ProvisionService(db, audit, now);
  decisions.addDecisionHook(provisions.onDecision);
  // A scanned page with one of our letters' QR codes goes to that letter's case (#6, I4).
  imports.setAttachResolver(returnedNoticeResolver(audit, cases, envelopes));
  // ID copies read at import become suggested document records (issue 12 item 3).
  const documents = new DocumentService(db, audit, now);
  imports.setDocumentSuggestions(documents);
  // #13 item 2b: the second administrator's approval; a decision recorded again clears approvals.
  const approvals = new ApprovalService(db, audit, settings, now);
  decisions.addDecisionHook(approvals.onDecision);
  const letters = new LetterService(db, audit, cases, decisions, settings, deficiencies, moneyOrders, now);
  letters.setApprovals(approvals);
  // #13 item 3: re-importing a file whose pages are in the trash restores them.
  const trash = new TrashService(db, audit, pages, settings, now);
  imports.setTrashRestore((actor, importId) => trash.restoreImport(actor, importId));
  return {
    db,
    audit,
    staff: new StaffService(db, vault, audit, now),
    settings,
    cases,
    envelopes,
    caseFiles,
    pages,
    imports,
    importJobs: new ImportJobs(imports),
    textSearch: new TextSearch(db, audit),
    documents,
    checklists,
    deficiencies,
    masking: new MaskingService(db, audit, pages, now),
    repeatRefusals: new RepeatRefusalService(db, cases, checklists),
    moneyOrders,
    mail: new MailLog(db, audit, cases, now),
    decisions,
    letters,
    today,
    contacts,
    lifecycle: new LifecycleService(db, audit, now),
    backups: new BackupService(db, audit, vault, now, pages.files),
    retention: new RetentionService(db, audit, now, pages.files),
    provisions,
    reports: new ReportService(db, audit, now),
    caseList: new CaseListService(db, audit, cases.deadlines, now),
    assignment: new AssignmentService(db, audit, now),
    savedFilters: new SavedFilterService(db, audit, now),
    approvals,
    trash,
  };
}
