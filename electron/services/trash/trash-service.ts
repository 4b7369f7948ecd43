import { sql, type Kysely, type Transaction } from 'kysely';
import type { TrashItem, TrashKind } from '@shared/contract/trash-types';
import { purgeDueOn, trashCutoff } from '@shared/domain/trash';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import { thumbnailDataUrl, type PageStore } from '../pages/page-store';
import type { SettingsService } from '../settings/settings-service';
import { indexPageText, removePageText, secureDeletePageText } from '../vault/fulltext';
import { dialectOf } from '../vault/migrations/dialect';
import type { Database } from '../vault/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Who purges what has been in the trash too long: Kaiji itself, not the person signed in. */
const AUTOMATIC: Actor = { id: null, name: null };

/**
 * The trash (issue #13 item 3). Deleting a page or a letter draft only marks its row
 * (`trashed_at`, migration 030): the row stays encrypted in the vault, leaves the case file,
 * the lists and the full-text index, and can be restored (Undo in the toast, the Trash view, or
 * importing the same file again). After `settings.trashDays` days it is purged for good through
 * the page store's own delete (so it works wherever page images are stored), at unlock and
 * daily; secure_delete zeroes the freed pages and a checkpoint empties the WAL.
 */
export class TrashService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly pages: PageStore,
    private readonly settings: SettingsService,
    private readonly now: () => Date,
  ) {}

  private timer: NodeJS.Timeout | null = null;

  async trashPage(actor: Actor, id: string): Promise<TrashItem> {
    await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('pages').select(['case_id', 'source_page', 'import_id', 'kind', 'trashed_at']).where('id', '=', id).executeTakeFirst();
      if (!before || before.trashed_at) throw new KaijiError('NOT_FOUND');
      await trx.updateTable('pages').set({ trashed_at: this.now().toISOString(), trashed_by: actor.id }).where('id', '=', id).execute();
      // FTS5 secure-delete (as retention does): the text's terms leave the index's segments now.
      await secureDeletePageText(trx);
      await removePageText(trx, id);
      await this.audit.append(trx, actor, {
        action: 'page.trashed',
        recordType: 'page',
        recordId: id,
        summary: { caseId: before.case_id, sourcePage: before.source_page, importId: before.import_id, kind: before.kind },
      });
    });
    return this.item('page', id);
  }

  async restore(actor: Actor, kind: TrashKind, id: string): Promise<TrashItem> {
    await this.db.transaction().execute(async (trx) => {
      if (kind === 'page') await this.restorePageIn(trx, actor, id, 'trash');
      else await this.restoreLetterIn(trx, actor, id);
    });
    return this.item(kind, id);
  }

  /**
   * Importing a file whose pages are in the trash brings them back instead of "already
   * imported" (wired into ImportService's duplicate path). Returns the ids restored.
   */
  async restoreImport(actor: Actor, importId: string): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('pages').select('id').where('import_id', '=', importId).where('trashed_at', 'is not', null).orderBy('source_page').execute();
      for (const r of rows) await this.restorePageIn(trx, actor, r.id, 'reimport');
      return rows.map((r) => r.id);
    });
  }

  /** What is in the trash, newest first: of one case, or everywhere. */
  async list(opts: { caseId?: string; limit: number }): Promise<TrashItem[]> {
    const days = (await this.settings.get()).trashDays;
    let pq = this.pageQuery(this.db);
    let lq = this.letterQuery(this.db);
    if (opts.caseId) {
      pq = pq.where('pages.case_id', '=', opts.caseId);
      lq = lq.where('letters.case_id', '=', opts.caseId);
    }
    const [pages, letters] = await Promise.all([pq.orderBy('pages.trashed_at', 'desc').limit(opts.limit).execute(), lq.orderBy('letters.trashed_at', 'desc').limit(opts.limit).execute()]);
    const items = [...pages.map((p) => this.pageItem(p, days)), ...letters.map((l) => this.letterItem(l, days))];
    return items.sort((a, b) => b.trashedAt.localeCompare(a.trashedAt) || a.id.localeCompare(b.id)).slice(0, opts.limit);
  }

  /** Empties the trash now (of one case, or everywhere): purged for good, audited. */
  async empty(actor: Actor, opts: { caseId?: string }): Promise<{ pages: number; letters: number }> {
    return this.purge(actor, { caseId: opts.caseId, before: null, trigger: 'emptied' });
  }

  /** Purges what has been in the trash longer than settings.trashDays (at unlock and daily). */
  async purgeExpired(): Promise<{ pages: number; letters: number }> {
    const days = (await this.settings.get()).trashDays;
    return this.purge(AUTOMATIC, { before: trashCutoff(this.now(), days), trigger: 'expired' });
  }

  /** Daily while the app runs (the first run is at unlock, by KaijiCore). */
  startSchedule(everyMs = 86_400_000): void {
    this.stopSchedule();
    this.timer = setInterval(() => void this.purgeExpired().catch(() => undefined), everyMs);
    this.timer.unref();
  }

  stopSchedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async purge(actor: Actor, opts: { caseId?: string; before: string | null; trigger: 'expired' | 'emptied' }): Promise<{ pages: number; letters: number }> {
    let pq = this.db.selectFrom('pages').select('id').where('trashed_at', 'is not', null);
    let lq = this.db.selectFrom('letters').select(['id', 'case_id']).where('trashed_at', 'is not', null).where('status', '=', 'draft');
    if (opts.before) {
      pq = pq.where('trashed_at', '<=', opts.before);
      lq = lq.where('trashed_at', '<=', opts.before);
    }
    if (opts.caseId) {
      pq = pq.where('case_id', '=', opts.caseId);
      lq = lq.where('case_id', '=', opts.caseId);
    }
    const [pages, letters] = await Promise.all([pq.execute(), lq.execute()]);
    if (pages.length === 0 && letters.length === 0) return { pages: 0, letters: 0 };
    // Each page through the page store's own delete (its audit entry included).
    for (const p of pages) await this.pages.delete(actor, p.id);
    await this.db.transaction().execute(async (trx) => {
      if (letters.length > 0) await trx.deleteFrom('letters').where('id', 'in', letters.map((l) => l.id)).where('status', '=', 'draft').execute();
      await this.audit.append(trx, actor, {
        action: 'trash.purged',
        recordType: 'trash',
        ...(opts.caseId ? { recordId: opts.caseId } : {}),
        summary: { trigger: opts.trigger, pages: pages.length, letters: letters.length, pageIds: pages.map((p) => p.id), letterIds: letters.map((l) => l.id) },
      });
    });
    // secure_delete zeroed the freed pages in the WAL; the checkpoint carries that into the file.
    if (dialectOf(this.db as never) === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(this.db);
    return { pages: pages.length, letters: letters.length };
  }

  private async restorePageIn(trx: Transaction<Database>, actor: Actor, id: string, via: 'trash' | 'reimport'): Promise<void> {
    const row = await trx.selectFrom('pages').select(['case_id', 'source_page', 'import_id', 'ocr_text', 'trashed_at']).where('id', '=', id).executeTakeFirst();
    if (!row || !row.trashed_at) throw new KaijiError('TRASH_GONE');
    await trx.updateTable('pages').set({ trashed_at: null, trashed_by: null }).where('id', '=', id).execute();
    await indexPageText(trx, id, row.ocr_text);
    await this.audit.append(trx, actor, { action: 'page.restored', recordType: 'page', recordId: id, summary: { caseId: row.case_id, sourcePage: row.source_page, importId: row.import_id, via } });
  }

  private async restoreLetterIn(trx: Transaction<Database>, actor: Actor, id: string): Promise<void> {
    const row = await trx
      .selectFrom('letters')
      .innerJoin('cases', 'cases.id', 'letters.case_id')
      .select(['letters.case_id', 'letters.template', 'letters.trashed_at', 'cases.case_no'])
      .where('letters.id', '=', id)
      .executeTakeFirst();
    if (!row || !row.trashed_at) throw new KaijiError('TRASH_GONE');
    await trx.updateTable('letters').set({ trashed_at: null, trashed_by: null }).where('id', '=', id).execute();
    await this.audit.append(trx, actor, { action: 'letter.restored', recordType: 'case', recordId: row.case_id, summary: { caseNo: row.case_no, letterId: id, template: row.template } });
  }

  private async item(kind: TrashKind, id: string): Promise<TrashItem> {
    const days = (await this.settings.get()).trashDays;
    if (kind === 'page') {
      const p = await this.pageQuery(this.db, false).where('pages.id', '=', id).executeTakeFirst();
      if (!p) throw new KaijiError('NOT_FOUND');
      return this.pageItem(p, days);
    }
    const l = await this.letterQuery(this.db, false).where('letters.id', '=', id).executeTakeFirst();
    if (!l) throw new KaijiError('NOT_FOUND');
    return this.letterItem(l, days);
  }

  private pageQuery(db: Db, trashedOnly = true) {
    let q = db
      .selectFrom('pages')
      .leftJoin('cases', 'cases.id', 'pages.case_id')
      .leftJoin('staff', 'staff.id', 'pages.trashed_by')
      .select(['pages.id', 'pages.case_id', 'cases.case_no', 'pages.kind', 'pages.source_page', 'pages.thumbnail', 'pages.trashed_at', 'staff.display_name as by_name']);
    if (trashedOnly) q = q.where('pages.trashed_at', 'is not', null);
    return q;
  }

  private letterQuery(db: Db, trashedOnly = true) {
    let q = db
      .selectFrom('letters')
      .innerJoin('cases', 'cases.id', 'letters.case_id')
      .leftJoin('staff', 'staff.id', 'letters.trashed_by')
      .select(['letters.id', 'letters.case_id', 'cases.case_no', 'letters.template', 'letters.draft', 'letters.trashed_at', 'staff.display_name as by_name'])
      .where('letters.status', '=', 'draft');
    if (trashedOnly) q = q.where('letters.trashed_at', 'is not', null);
    return q;
  }

  private pageItem(p: { id: string; case_id: string | null; case_no: string | null; kind: string; source_page: number; thumbnail: Buffer; trashed_at?: string | null; by_name: string | null }, days: number): TrashItem {
    return {
      kind: 'page',
      id: p.id,
      caseId: p.case_id,
      caseNo: p.case_no,
      pageKind: p.kind,
      sourcePage: p.source_page,
      template: null,
      title: null,
      thumbnail: thumbnailDataUrl(p.thumbnail),
      trashed: !!p.trashed_at,
      trashedAt: p.trashed_at ?? '',
      trashedByName: p.by_name,
      purgeOn: p.trashed_at ? purgeDueOn(p.trashed_at, days) : null,
    };
  }

  private letterItem(l: { id: string; case_id: string; case_no: string; template: string; draft: string; trashed_at?: string | null; by_name: string | null }, days: number): TrashItem {
    return {
      kind: 'letter',
      id: l.id,
      caseId: l.case_id,
      caseNo: l.case_no,
      pageKind: null,
      sourcePage: null,
      template: l.template,
      title: (JSON.parse(l.draft) as { title?: string }).title ?? null,
      thumbnail: null,
      trashed: !!l.trashed_at,
      trashedAt: l.trashed_at ?? '',
      trashedByName: l.by_name,
      purgeOn: l.trashed_at ? purgeDueOn(l.trashed_at, days) : null,
    };
  }
}
