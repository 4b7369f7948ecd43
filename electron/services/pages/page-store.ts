import type { Kysely, Selectable, Transaction } from 'kysely';
import type { PageKindId, PageSummary } from '@shared/contract';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import { rotatePage, thumbnail, type QuarterTurn } from '../imaging';
import { indexPageText, removePageText } from '../vault/fulltext';
import type { Database, PagesTable } from '../vault/schema';
import { normalisedPng, parseTransform, type PageTransform } from './keep-original';
import { PageFiles } from './page-files';

type Db = Kysely<Database> | Transaction<Database>;

/** A page row as the import writes it: the image in memory, stored to a page file on insert. */
export type NewPage = Omit<PagesTable, 'image_file' | 'image_key'>;

/**
 * Scanned pages. The row (text, words, small thumbnail, the image file's key) lives in the
 * encrypted database; the image itself in an individually encrypted page file beside it
 * (page-files.ts, #15 item 6). A page is stored whole, with its text indexed, or not at all: the
 * file is written before the row's transaction commits, and a file whose row never committed has
 * no key anywhere and is swept at the next unlock. Files are removed after the commit that
 * deleted or replaced their row.
 */
export class PageStore {
  readonly files: PageFiles;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    files: PageFiles | string,
    /**
     * #16: on an office database the image stays in its row (`pages.image`, sealed and padded at
     * the desk like every blob column): there is no folder shared by the desks for page files.
     */
    private readonly imagesInRows = false,
  ) {
    this.files = typeof files === 'string' ? new PageFiles(files) : files;
    // A removed image (deleted, disposed, replaced) leaves the derived-page cache at once.
    this.files.onRemove((name) => this.recent.delete(name));
  }

  async insert(trx: Transaction<Database>, row: NewPage): Promise<void> {
    if (this.imagesInRows) {
      await trx.insertInto('pages').values({ ...row, image: Buffer.from(row.image), image_file: null, image_key: null }).execute();
      await indexPageText(trx, row.id, row.ocr_text);
      return;
    }
    const file = this.files.write(Buffer.from(row.image));
    await trx.insertInto('pages').values({ ...row, image: Buffer.alloc(0), image_file: file.name, image_key: file.key }).execute();
    await indexPageText(trx, row.id, row.ocr_text);
  }

  /** The stored image bytes of a row: its page file, or the column in rows from before migration 032. */
  private storedOf(row: { image: Uint8Array; image_file: string | null; image_key: Uint8Array | null }): Buffer {
    return row.image_file && row.image_key ? this.files.read(row.image_file, row.image_key) : Buffer.from(row.image);
  }

  /**
   * The normalised greyscale PNG every service step works on: a kept scanner JPEG is decoded to it,
   * turned and straightened as its row records (migration 044).
   */
  private async pngOf(row: { image: Uint8Array; image_file: string | null; image_key: Uint8Array | null; image_transform?: string | null }): Promise<Buffer> {
    const transform = parseTransform(row.image_transform);
    return transform ? this.derived(row, transform) : normalisedPng(this.storedOf(row));
  }

  /**
   * A kept JPEG turned and straightened into the page (#15 item 6). Deriving costs a decode, a
   * rotation and a PNG encode (~0.25 s a page here, more under load), so the last few are kept in
   * memory by file name (a replaced image has a new name; the cache goes with the session).
   */
  private async derived(row: { image: Uint8Array; image_file: string | null; image_key: Uint8Array | null }, transform: PageTransform): Promise<Buffer> {
    const name = row.image_file;
    const hit = name ? this.recent.get(name) : undefined;
    if (hit) {
      this.recent.delete(name!);
      this.recent.set(name!, hit);
      return hit;
    }
    const png = await normalisedPng(this.storedOf(row), transform, true);
    if (name) {
      this.recent.set(name, png);
      if (this.recent.size > 6) this.recent.delete(this.recent.keys().next().value!);
    }
    return png;
  }

  private readonly recent = new Map<string, Buffer>();

  /**
   * Rows of older vaults carry their image inside the database: moved out to page files, a
   * batch per transaction, and the column emptied (secure_delete zeroes the freed pages).
   * Idempotent; run at unlock.
   */
  async moveImagesOut(batch = 50): Promise<number> {
    if (this.imagesInRows) return 0;
    let moved = 0;
    for (;;) {
      const rows = await this.db.selectFrom('pages').select(['id', 'image']).where('image_file', 'is', null).limit(batch).execute();
      if (!rows.length) return moved;
      const written: string[] = [];
      try {
        await this.db.transaction().execute(async (trx) => {
          for (const r of rows) {
            const file = this.files.write(Buffer.from(r.image));
            written.push(file.name);
            await trx.updateTable('pages').set({ image: Buffer.alloc(0), image_file: file.name, image_key: file.key }).where('id', '=', r.id).execute();
          }
        });
      } catch (error) {
        for (const name of written) this.files.remove(name);
        throw error;
      }
      moved += rows.length;
    }
  }

  /** Page files no row refers to (interrupted writes or deletes): removed. Run at unlock. */
  async sweepFiles(minAgeMs?: number): Promise<number> {
    if (this.imagesInRows) return 0;
    const rows = await this.db.selectFrom('pages').select('image_file').where('image_file', 'is not', null).execute();
    return this.files.sweep(new Set(rows.map((r) => r.image_file!)), minAgeMs);
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

  /**
   * The full image: viewing it is a view of personal data (S3). A kept scanner JPEG is shown as
   * it is (`mime`), not decoded and re-encoded for every view. A trashed page (#13 item 3) is not
   * shown until restored; the Trash view shows its thumbnail.
   */
  async image(actor: Actor, id: string): Promise<{ png: Buffer; mime: 'image/png' | 'image/jpeg'; width: number; height: number }> {
    const row = await this.db.selectFrom('pages').select(['image', 'image_file', 'image_key', 'image_transform', 'width', 'height', 'case_id']).where('id', '=', id).where('trashed_at', 'is', null).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    const transform = parseTransform(row.image_transform);
    // A kept JPEG that needs a turn or deskew is shown as the page (same pixels the field boxes
    // were measured on), encoded quickly for this view only.
    const bytes = transform ? await this.derived(row, transform) : this.storedOf(row);
    await this.audit.append(this.db, actor, { action: 'page.viewed', recordType: 'page', recordId: id, summary: { caseId: row.case_id } });
    return { png: bytes, mime: bytes[0] === 0xff && bytes[1] === 0xd8 ? 'image/jpeg' : 'image/png', width: row.width, height: row.height };
  }

  /** The stored image for further processing by the services (not a view by a person). */
  async imageForProcessing(id: string): Promise<{ png: Buffer; width: number; height: number }> {
    return this.imageIn(this.db, id);
  }

  /** The same inside a transaction (masking reads and replaces in one). */
  async imageIn(db: Db, id: string): Promise<{ png: Buffer; width: number; height: number }> {
    const row = await db.selectFrom('pages').select(['image', 'image_file', 'image_key', 'image_transform', 'width', 'height']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    return { png: await this.pngOf(row), width: row.width, height: row.height };
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
    let old: string | null = null;
    const result = await this.change(actor, id, action, async (trx) => {
      old = await this.setImageIn(trx, id, image);
      return summary;
    });
    this.files.remove(old);
    return result;
  }

  /**
   * Writes a new image file for a page inside the caller's transaction and points the row at it.
   * Returns the old file's name: the caller removes it after the commit (`files.remove`).
   */
  async setImageIn(trx: Transaction<Database>, id: string, image: { png: Buffer; thumbnail: Buffer; width: number; height: number }): Promise<string | null> {
    const before = await trx.selectFrom('pages').select('image_file').where('id', '=', id).executeTakeFirst();
    if (!before) throw new KaijiError('NOT_FOUND');
    if (this.imagesInRows) {
      await trx
        .updateTable('pages')
        .set({ image: image.png, image_file: null, image_key: null, thumbnail: image.thumbnail, width: image.width, height: image.height })
        .where('id', '=', id)
        .execute();
      return null;
    }
    const file = this.files.write(image.png);
    await trx
      .updateTable('pages')
      // The new image is the page itself (a PNG): no transform applies any more.
      .set({ image: Buffer.alloc(0), image_file: file.name, image_key: file.key, image_transform: null, thumbnail: image.thumbnail, width: image.width, height: image.height })
      .where('id', '=', id)
      .execute();
    return before.image_file;
  }

  /** The clerk's "turn this page" (lossless quarter turns). */
  async rotate(actor: Actor, id: string, degrees: QuarterTurn): Promise<PageSummary> {
    const { png } = await this.imageForProcessing(id);
    const turned = await rotatePage(png, degrees);
    // Crops were measured on the page as it was; after a turn they would show the wrong place.
    await this.db.updateTable('case_fields').set({ zone: null }).where('source_page_id', '=', id).execute();
    return this.replaceImage(actor, id, { ...turned, thumbnail: await thumbnail(turned.png) }, 'page.rotated', { degrees });
  }

  /** Deletion removes the image and its text for good; the audit trail keeps that it happened. */
  async delete(actor: Actor, id: string): Promise<void> {
    const file = await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('pages').select(['case_id', 'source_page', 'import_id', 'kind', 'image_file']).where('id', '=', id).executeTakeFirst();
      if (!row) throw new KaijiError('NOT_FOUND');
      const { image_file, ...before } = row;
      await trx.updateTable('case_fields').set({ source_page_id: null }).where('source_page_id', '=', id).execute();
      await removePageText(trx, id);
      await trx.deleteFrom('pages').where('id', '=', id).execute();
      await this.audit.append(trx, actor, { action: 'page.deleted', recordType: 'page', recordId: id, summary: before });
      return image_file;
    });
    // After the commit: the key is gone with the row; the file follows.
    this.files.remove(file);
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
    apply: (trx: Transaction<Database>, before: Selectable<PagesTable>) => Promise<Record<string, unknown>>,
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
    thumbnail: thumbnailDataUrl(row.thumbnail),
    formId: row.form_id,
  };
}

/** Thumbnails are WebP since #15 item 6 (about a quarter of the PNG's size); older rows keep PNG. */
/** A stored thumbnail as a data URL naming its format (WebP since #15 item 6; older rows PNG). */
export function thumbnailDataUrl(bytes: Uint8Array): string {
  return `data:image/${isWebp(bytes) ? 'webp' : 'png'};base64,${Buffer.from(bytes).toString('base64')}`;
}

function isWebp(b: Uint8Array): boolean {
  return b.length > 12 && Buffer.from(b.subarray(0, 4)).toString('latin1') === 'RIFF' && Buffer.from(b.subarray(8, 12)).toString('latin1') === 'WEBP';
}
