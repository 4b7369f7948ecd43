import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { KaijiError, errorInfo } from '@shared/errors';
import type { KaijiErrorInfo } from '@shared/result';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { CaseFileService } from '../cases/case-file';
import type { DocumentService } from '../verification/document-service';
import type { Database } from '../vault/schema';
import type { PagePipeline, ProcessedPage } from './page-pipeline';
import type { PageStore } from './page-store';
import { keepScannerImage } from './keep-original';
import { newRowId } from '../core/row-id';

export interface ImportTarget {
  envelopeId?: string;
  caseId?: string;
}

/** A file after the in-memory work: pages to store, a known duplicate, or why it cannot be read. */
export type PreparedFile = { name: string; sha256: string } & (
  | { pages: ProcessedPage[] }
  | { duplicateOf: string }
  | { error: KaijiErrorInfo }
);

/** An import that turned out to belong to another case (a returned Kaiji letter, #6). */
export interface ImportAttachment {
  caseId: string;
  caseNo: string;
  /** The case was waiting for the re-sent set (I4) and went back to checking. */
  resubmission: boolean;
  /** Cases logged for this envelope that turned out empty (the envelope was a reply): removed. */
  discardedCaseNos?: string[];
}

/**
 * Decides, inside the storing transaction, whether a file's pages belong to a case other than
 * the target (wired in workspace.ts; use `trx` only).
 */
export type AttachResolver = (trx: Transaction<Database>, actor: Actor, pages: readonly ProcessedPage[], target: ImportTarget) => Promise<ImportAttachment | null>;

export type ImportFileResult =
  | { name: string; ok: true; importId: string; pageIds: string[]; duplicate: boolean; attachedToCase?: ImportAttachment; restoredFromTrash?: number }
  | { name: string; ok: false; error: KaijiErrorInfo };

/**
 * Files in, pages stored. Each file is processed completely in memory and then written
 * in one transaction with its audit entry, so a crash leaves either all of a file's pages
 * or none; a file already imported (same SHA-256) is recognised and not stored twice.
 */
export class ImportService {
  private attachResolver: AttachResolver | null = null;
  private documents: DocumentService | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly pages: PageStore,
    private readonly pipeline: PagePipeline,
    private readonly caseFiles: CaseFileService,
    private readonly now: () => Date,
  ) {}

  private trashRestore: ((actor: Actor, importId: string) => Promise<string[]>) | null = null;

  /** #13 item 3: the same file again brings its trashed pages back (wired in workspace.ts). */
  setTrashRestore(restore: (actor: Actor, importId: string) => Promise<string[]>): void {
    this.trashRestore = restore;
  }

  setAttachResolver(resolver: AttachResolver): void {
    this.attachResolver = resolver;
  }

  /** Where ID copies read at import are recorded as suggestions (wired in workspace.ts). */
  setDocumentSuggestions(documents: DocumentService): void {
    this.documents = documents;
  }

  async importFile(
    actor: Actor,
    file: { name: string; bytes: Buffer },
    target: ImportTarget,
    onPage?: (done: number, total: number) => void,
  ): Promise<ImportFileResult> {
    return this.store(actor, await this.prepare(file, target, onPage), target);
  }

  /** The slow part, all in memory: decode, turn, straighten, recognise. Safe to run in parallel. */
  async prepare(file: { name: string; bytes: Buffer }, target: ImportTarget, onPage?: (done: number, total: number) => void): Promise<PreparedFile> {
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const earlier = await this.db
      .selectFrom('imports')
      .select('id')
      .where('source_sha256', '=', sha256)
      .where('status', '=', 'done')
      .executeTakeFirst();
    if (earlier) return { name: file.name, sha256, duplicateOf: earlier.id };
    await this.checkTarget(target);
    try {
      const pages = await this.pipeline.process(file.bytes, file.name, onPage);
      // A one-page JPEG stored as the scanner made it when that is exactly the page (#15 item 6).
      if (pages.length === 1) pages[0] = await keepScannerImage(file.bytes, pages[0]!);
      return { name: file.name, sha256, pages };
    } catch (error) {
      const info = error instanceof KaijiError ? error.toInfo() : errorInfo('FILE_CORRUPT', { file: file.name });
      return { name: file.name, sha256, error: info };
    }
  }

  /** The quick part: one transaction per file, so a file's pages are stored whole or not at all. */
  async store(actor: Actor, prepared: PreparedFile, target: ImportTarget): Promise<ImportFileResult> {
    const { name, sha256 } = prepared;
    if ('duplicateOf' in prepared) {
      const restored = (await this.trashRestore?.(actor, prepared.duplicateOf)) ?? [];
      const ids = await this.db.selectFrom('pages').select('id').where('import_id', '=', prepared.duplicateOf).where('trashed_at', 'is', null).orderBy('source_page').execute();
      return { name, ok: true, importId: prepared.duplicateOf, pageIds: ids.map((r) => r.id), duplicate: restored.length === 0, ...(restored.length ? { restoredFromTrash: restored.length } : {}) };
    }
    if ('error' in prepared) {
      await this.recordFailure(actor, name, sha256, target, prepared.error);
      return { name, ok: false, error: prepared.error };
    }
    const processed = prepared.pages;
    const importId = newRowId();
    const at = this.now().toISOString();
    const pageIds: string[] = [];
    let attachedToCase: ImportAttachment | null = null;
    await this.db.transaction().execute(async (trx) => {
      attachedToCase = this.attachResolver ? await this.attachResolver(trx, actor, processed, target) : null;
      target = attachedToCase ? { ...target, caseId: attachedToCase.caseId } : target;
      await trx
        .insertInto('imports')
        .values({
          id: importId,
          source_name: name,
          source_sha256: sha256,
          envelope_id: target.envelopeId ?? null,
          case_id: target.caseId ?? null,
          status: 'done',
          error_code: null,
          page_count: processed.length,
          created_by: actor.id,
          created_at: at,
        })
        .execute();
      let position = await this.pages.nextPosition(trx, target.caseId ?? null);
      for (const page of processed) {
        const id = newRowId();
        pageIds.push(id);
        await this.pages.insert(trx, {
          id,
          case_id: target.caseId ?? null,
          envelope_id: target.envelopeId ?? null,
          import_id: importId,
          source_page: page.sourcePage,
          position: position++,
          kind: page.kind,
          kind_confirmed: 0,
          auto_rotation: page.autoRotation,
          width: page.width,
          height: page.height,
          image: page.original ?? page.png,
          image_transform: page.original && page.transform ? JSON.stringify(page.transform) : null,
          thumbnail: page.thumbnail,
          ocr_status: page.ocr.status,
          ocr_text: page.ocr.text,
          ocr_confidence: page.ocr.confidence,
          ocr_words: JSON.stringify(page.ocr.words),
          form_id: page.formId,
          created_by: actor.id,
          created_at: at,
        });
        // The company's form pre-fills the case; staff check each value against its crop.
        if (target.caseId && page.formFields) {
          await this.caseFiles.applyRecognised(trx, actor, target.caseId, id, page.formFields);
        }
        // A free-form letter fills what the case does not hold yet; every value is for review.
        if (target.caseId && page.letterFields?.length) {
          // Empty values are left out here, not in SQL: on an office database the value is sealed (#16).
          const held = (await trx.selectFrom('case_fields').select(['field', 'value']).where('case_id', '=', target.caseId).execute()).filter((r) => r.value !== '');
          const have = new Set(held.map((r) => r.field));
          const fresh = page.letterFields.filter((f) => !have.has(f.field));
          if (fresh.length) await this.caseFiles.applyRecognised(trx, actor, target.caseId, id, fresh);
        }
        // An ID copy or agent proof becomes a suggested document record (staff confirm it).
        if (target.caseId && page.idReading && this.documents) {
          await this.documents.suggestIn(trx, actor, target.caseId, id, page.idReading);
        }
      }
      await this.audit.append(trx, actor, {
        action: 'pages.imported',
        recordType: target.caseId ? 'case' : 'envelope',
        recordId: target.caseId ?? target.envelopeId,
        summary: { file: name, pages: processed.length, kinds: processed.map((p) => p.kind) },
      });
    });
    // Assigned inside the transaction callback, which TypeScript's narrowing does not follow.
    const attached = attachedToCase as ImportAttachment | null;
    return { name, ok: true, importId, pageIds, duplicate: false, ...(attached ? { attachedToCase: attached } : {}) };
  }

  private async checkTarget(target: ImportTarget): Promise<void> {
    if (target.caseId) {
      const c = await this.db.selectFrom('cases').select('id').where('id', '=', target.caseId).executeTakeFirst();
      if (!c) throw new KaijiError('NOT_FOUND');
    }
    if (target.envelopeId) {
      const e = await this.db.selectFrom('envelopes').select('id').where('id', '=', target.envelopeId).executeTakeFirst();
      if (!e) throw new KaijiError('NOT_FOUND');
    }
  }

  private async recordFailure(actor: Actor, name: string, sha256: string, target: ImportTarget, error: KaijiErrorInfo): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const id = newRowId();
      await trx
        .insertInto('imports')
        .values({
          id,
          source_name: name,
          source_sha256: sha256,
          envelope_id: target.envelopeId ?? null,
          case_id: target.caseId ?? null,
          status: 'failed',
          error_code: error.code,
          page_count: 0,
          created_by: actor.id,
          created_at: this.now().toISOString(),
        })
        .execute();
      await this.audit.append(trx, actor, { action: 'pages.import_failed', recordType: 'import', recordId: id, summary: { file: name, code: error.code } });
    });
  }
}
