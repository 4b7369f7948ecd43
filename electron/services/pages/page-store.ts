import type { Kysely, Transaction } from 'kysely';
import type { PageKindId, PageSummary } from '@shared/contract';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import { rotatePage, thumbnail, type QuarterTurn } from '../imaging';
import { indexPageText, removePageText } from '../vault/fulltext';
import type { Database, PagesTable } from '../vault/schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Scanned pages. Images and thumbnails live inside the encrypted database, so a page is
 * either stored whole, with its text indexed, or not at all (one transaction).
 */
export class PageStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
  ) {}

  async insert(trx: Transaction<Database>, row: PagesTable): Promise<void> {
    await trx.insertInto('pages').values(row).execute();
    await indexPageText(trx, row.id, row.ocr_text);
  }

  async nextPosition(db: Db, caseId: string | null): Promise<number> {
    if (!caseId) return 0;
    const r = await db.selectFrom('pages').select((eb) => eb.fn.max('position').as('m')).where('case_id', '=', caseId).executeTakeFirst();
    return r?.m === null || r?.m === undefined ? 0 : Number(r.m) + 1;
  }

  /** One page's summary (after a change made elsewhere, e.g. masking). */
  async summary(id: string): Promise<PageSummary> {
    const row = await this.summaryQuery().where('pages.id', '=', id).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    return toSummary(row);
  }

  async listForCase(caseId: string): Promise<PageSummary[]> {
    const rows = await this.summaryQuery().where('pages.case_id', '=', caseId).orderBy('pages.position').execute();
    return rows.map(toSummary);
  }

  async listForEnvelope(envelopeId: string): Promise<PageSummary[]> {
    const rows = await this.summaryQuery().where('pages.envelope_id', '=', envelopeId).orderBy('pages.created_at').orderBy('pages.source_page').execute();
    return rows.map(toSummary);
  }

  /** Pages not yet placed in a case (e.g. from the scanner folder): the intake inbox. */
  async listUnassigned(): Promise<PageSummary[]> {
    const rows = await this.summaryQuery().where('pages.case_id', 'is', null).orderBy('pages.created_at').orderBy('pages.source_page').execute();
    return rows.map(toSummary);
  }

  /** The full image: viewing it is a view of personal data (S3). */
  async image(actor: Actor, id: string): Promise<{ png: Buffer; width: number; height: number }> {
    // A trashed page (#13 item 3) is not shown until restored; the Trash view shows its thumbnail.
    const row = await this.db.selectFrom('pages').select(['image', 'width', 'height', 'case_id']).where('id', '=', id).where('trashed_at', 'is', null).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    await this.audit.append(this.db, actor, { action: 'page.viewed', recordType: 'page', recordId: id, summary: { caseId: row.case_id } });
    return { png: Buffer.from(row.image), width: row.width, height: row.height };
  }

  /** The stored image for further processing by the services (not a view by a person). */
  async imageForProcessing(id: string): Promise<{ png: Buffer; width: number; height: number }> {
    const row = await this.db.selectFrom('pages').select(['image', 'width', 'height']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    return { png: Buffer.from(row.image), width: row.width, height: row.height };
  }

  async text(id: string): Promise<{ text: string; words: unknown[] }> {
    const row = await this.db.selectFrom('pages').select(['ocr_text', 'ocr_words']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    return { text: row.ocr_text, words: JSON.parse(row.ocr_words) as unknown[] };
  }

  async setKind(actor: Actor, id: string, kind: PageKindId): Promise<PageSummary> {
    return this.change(actor, id, 'page.kind_confirmed', async (trx, before) => {
      await trx.updateTable('pages').set({ kind, kind_confirmed: 1 }).where('id', '=', id).execute();
      return { kind: [before.kind, kind] };
    });
  }

  /** Moves a page to another case (at its end), e.g. when one envelope held two applications. */
  async move(actor: Actor, id: string, caseId: string): Promise<PageSummary> {
    return this.change(actor, id, 'page.moved', async (trx, before) => {
      const target = await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
      if (!target) throw new KaijiError('NOT_FOUND');
      const position = await this.nextPosition(trx, caseId);
      await trx.updateTable('pages').set({ case_id: caseId, position }).where('id', '=', id).execute();
      return { caseId: [before.case_id, caseId] };
    });
  }

  /** Sets the order of a case's pages; ids not listed keep their relative order after them. */
  async reorder(actor: Actor, caseId: string, ids: string[]): Promise<PageSummary[]> {
    await this.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('pages').select('id').where('case_id', '=', caseId).orderBy('position').execute();
      const known = new Set(current.map((r) => r.id));
      if (ids.some((id) => !known.has(id))) throw new KaijiError('NOT_FOUND');
      const order = [...ids, ...current.map((r) => r.id).filter((id) => !ids.includes(id))];
      for (const [position, id] of order.entries()) await trx.updateTable('pages').set({ position }).where('id', '=', id).execute();
      await this.audit.append(trx, actor, { action: 'page.reordered', recordType: 'case', recordId: caseId, summary: { order } });
    });
    return this.listForCase(caseId);
  }

  /** Replaces the stored image (rotation, masking): the old pixels are overwritten, not kept. */
  async replaceImage(actor: Actor, id: string, image: { png: Buffer; thumbnail: Buffer; width: number; height: number }, action: string, summary: Record<string, unknown>): Promise<PageSummary> {
    return this.change(actor, id, action, async (trx) => {
      await trx
        .updateTable('pages')
        .set({ image: image.png, thumbnail: image.thumbnail, width: image.width, height: image.height })
        .where('id', '=', id)
        .execute();
      return summary;
    });
  }

  /** The clerk's "turn this page" (lossless quarter turns). */
  async rotate(actor: Actor, id: string, degrees: QuarterTurn): Promise<PageSummary> {
    const row = await this.db.selectFrom('pages').select('image').where('id', '=', id).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    const turned = await rotatePage(Buffer.from(row.image), degrees);
    // Crops were measured on the page as it was; after a turn they would show the wrong place.
    await this.db.updateTable('case_fields').set({ zone: null }).where('source_page_id', '=', id).execute();
    return this.replaceImage(actor, id, { ...turned, thumbnail: await thumbnail(turned.png) }, 'page.rotated', { degrees });
  }

  /** Deletion removes the image and its text for good; the audit trail keeps that it happened. */
  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('pages').select(['case_id', 'source_page', 'import_id', 'kind']).where('id', '=', id).executeTakeFirst();
      if (!before) throw new KaijiError('NOT_FOUND');
      await trx.updateTable('case_fields').set({ source_page_id: null }).where('source_page_id', '=', id).execute();
      await removePageText(trx, id);
      await trx.deleteFrom('pages').where('id', '=', id).execute();
      await this.audit.append(trx, actor, { action: 'page.deleted', recordType: 'page', recordId: id, summary: before });
    });
  }

  private summaryQuery() {
    return this.db
      .selectFrom('pages')
      .innerJoin('imports', 'imports.id', 'pages.import_id')
      // #13 item 3: a trashed page is out of every list until restored (trash/trash-service.ts).
      .where('pages.trashed_at', 'is', null)
      .select([
        'pages.id',
        'pages.case_id',
        'pages.envelope_id',
        'imports.source_name',
        'pages.source_page',
        'pages.position',
        'pages.kind',
        'pages.kind_confirmed',
        'pages.width',
        'pages.height',
        'pages.ocr_status',
        'pages.ocr_confidence',
        'pages.thumbnail',
        'pages.form_id',
        'pages.created_at',
      ]);
  }

  private async change(
    actor: Actor,
    id: string,
    action: string,
    apply: (trx: Transaction<Database>, before: PagesTable) => Promise<Record<string, unknown>>,
  ): Promise<PageSummary> {
    await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw new KaijiError('NOT_FOUND');
      const summary = await apply(trx, before);
      await this.audit.append(trx, actor, { action, recordType: 'page', recordId: id, summary });
    });
    const row = await this.summaryQuery().where('pages.id', '=', id).executeTakeFirstOrThrow();
    return toSummary(row);
  }
}

interface SummaryRow {
  id: string;
  case_id: string | null;
  envelope_id: string | null;
  source_name: string;
  source_page: number;
  position: number;
  kind: string;
  kind_confirmed: number;
  width: number;
  height: number;
  ocr_status: string;
  ocr_confidence: number | null;
  thumbnail: Buffer;
  form_id: string | null;
}

function toSummary(row: SummaryRow): PageSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    envelopeId: row.envelope_id,
    sourceName: row.source_name,
    sourcePage: row.source_page,
    position: row.position,
    kind: row.kind as PageKindId,
    kindConfirmed: row.kind_confirmed === 1,
    width: row.width,
    height: row.height,
    ocrStatus: row.ocr_status as 'done' | 'failed',
    ocrConfidence: row.ocr_confidence,
    thumbnail: `data:image/png;base64,${Buffer.from(row.thumbnail).toString('base64')}`,
    formId: row.form_id,
  };
}
