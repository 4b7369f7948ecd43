import { dialectOf } from '../vault/migrations/dialect';
import { sql, type Kysely } from 'kysely';
import type { PageSummary } from '@shared/contract';
import { suggestMaskRects, type MaskRect, type MaskSuggestion, type MaskWord } from '@shared/domain/mask-suggestions';
import { D6_PAGE_TEXT, rectInsidePage, splitWordsByMask, textOfWords, type CaseMaskState, type PageMaskRecord } from '@shared/domain/verification/masking';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import { burnMask, maskedPixelsClean, thumbnail } from '../imaging';
import type { PageStore } from '../pages/page-store';
import { indexPageText } from '../vault/fulltext';
import type { Database } from '../vault/schema';
import { newRowId } from '../core/row-id';

/**
 * D6: numbers a company must not keep (insurer / insured numbers, basic pension numbers) are
 * burned out of the stored page. One transaction replaces the image and its thumbnail, drops
 * the OCR words under the rectangles and rebuilds the page's text and its search index from
 * the rest, records the masking and audits it. The database runs with secure_delete, and the
 * WAL is checkpointed afterwards, so the unmasked pixels do not linger in the vault's files.
 */
export class MaskingService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly pages: PageStore,
    private readonly now: () => Date,
  ) {}

  /** Suggested rectangles from the page's stored OCR word boxes (staff check them first). */
  async suggestions(pageId: string): Promise<MaskSuggestion[]> {
    const row = await this.db.selectFrom('pages').select(['ocr_words', 'width', 'height']).where('id', '=', pageId).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    return suggestMaskRects(JSON.parse(row.ocr_words) as MaskWord[], { width: row.width, height: row.height });
  }

  /** The maskings done on a page, oldest first (coordinates only: nothing personal). */
  async history(pageId: string): Promise<PageMaskRecord[]> {
    const rows = await this.db.selectFrom('page_masks').selectAll().where('page_id', '=', pageId).orderBy('masked_at').execute();
    return rows.map((r) => ({ id: r.id, pageId: r.page_id, rects: JSON.parse(r.rects) as MaskRect[], maskedAt: r.masked_at, maskedBy: r.masked_by }));
  }

  /** Which of the case's pages are masked, and which ID pages still should be (D4/D5 copies). */
  async caseState(caseId: string): Promise<CaseMaskState> {
    const masked = await this.db
      .selectFrom('page_masks')
      .innerJoin('pages', 'pages.id', 'page_masks.page_id')
      .select(['page_masks.page_id', (eb) => eb.fn.max('page_masks.masked_at').as('at')])
      .where('pages.case_id', '=', caseId)
      .groupBy('page_masks.page_id')
      .execute();
    const done = new Set(masked.map((m) => m.page_id));
    // A trashed page (#13 item 3) is out of the case until restored.
    const idPages = await this.db.selectFrom('pages').select(['id', 'ocr_text']).where('case_id', '=', caseId).where('kind', '=', 'id_document').where('trashed_at', 'is', null).execute();
    const recorded = await this.db
      .selectFrom('case_documents')
      .select('page_id')
      .where('case_id', '=', caseId)
      .where('type', 'in', ['health_insurance', 'pension_book'])
      .where('page_id', 'is not', null)
      .execute();
    const recordedIds = new Set(recorded.map((r) => r.page_id));
    return {
      masked: masked.map((m) => ({ pageId: m.page_id, maskedAt: String(m.at) })),
      suggested: idPages.filter((p) => !done.has(p.id) && (recordedIds.has(p.id) || D6_PAGE_TEXT.test(p.ocr_text))).map((p) => p.id),
    };
  }

  async mask(actor: Actor, pageId: string, rects: readonly MaskRect[]): Promise<PageSummary> {
    if (rects.length === 0) throw new KaijiError('INVALID_INPUT', { issues: [{ path: 'rects', code: 'too_small' }] });
    const unmaskedFile = await this.db.transaction().execute(async (trx) => {
      const page = await trx.selectFrom('pages').select(['width', 'height', 'case_id', 'ocr_words']).where('id', '=', pageId).executeTakeFirst();
      if (!page) throw new KaijiError('NOT_FOUND');
      if (!rects.every((r) => rectInsidePage(r, page))) throw new KaijiError('MASK_OUTSIDE_PAGE');
      const burned = await burnMask((await this.pages.imageIn(trx, pageId)).png, rects);
      // The self-check of mask.ts: never store a page whose rectangles are not solid black.
      if (burned.width !== page.width || burned.height !== page.height || !(await maskedPixelsClean(burned.png, rects))) throw new KaijiError('INTERNAL');
      const { kept, removed } = splitWordsByMask(JSON.parse(page.ocr_words) as MaskWord[], rects);
      const text = textOfWords(kept);
      // The masked image goes to a new page file; the unmasked one is removed after the commit.
      const old = await this.pages.setImageIn(trx, pageId, { png: burned.png, thumbnail: await thumbnail(burned.png), width: burned.width, height: burned.height });
      await trx.updateTable('pages').set({ ocr_words: JSON.stringify(kept), ocr_text: text }).where('id', '=', pageId).execute();
      await indexPageText(trx, pageId, text);
      const maskId = newRowId();
      await trx
        .insertInto('page_masks')
        .values({ id: maskId, page_id: pageId, case_id: page.case_id, rects: JSON.stringify(rects.map(({ x, y, width, height }) => ({ x, y, width, height }))), masked_by: actor.id, masked_at: this.now().toISOString() })
        .execute();
      // Counts only: what was under the mask is exactly what must not be kept.
      await this.audit.append(trx, actor, {
        action: 'page.masked',
        recordType: 'page',
        recordId: pageId,
        summary: { caseId: page.case_id, maskId, rects: rects.length, wordsRemoved: removed.length },
      });
      return old;
    });
    this.pages.files.remove(unmaskedFile);
    // Old page versions of the image sit in the WAL until a checkpoint: write them back now.
    if (dialectOf(this.db as never) === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(this.db);
    return this.pages.summary(pageId);
  }
}
