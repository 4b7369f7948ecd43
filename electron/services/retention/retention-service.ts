import { dialectOf } from '../vault/migrations/dialect';
import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { DisposalBatch, DisposalDue, DisposalEntry, LegalHold } from '@shared/contract/retention-types';
import { isoDateInJapan } from '@shared/domain/dates';
import { FINAL_STATES } from '@shared/domain/case-state';
import {
  CLASS_PAGE_KINDS,
  DEFAULT_RETENTION,
  RECORD_CLASS_LABELS,
  RECORD_CLASSES,
  classesCovered,
  disposalDueOn,
  retentionMonths,
  retentionRule,
  type RecordClass,
  type RetentionSchedule,
} from '@shared/domain/retention';
import { addDays, addMonths } from '@shared/domain/verification/date-rules';
import { KaijiError } from '@shared/errors';
import type { Actor, AuditLog } from '../audit/audit-log';
import { japanDay } from '../today/deadline-store';
import { removePageText, secureDeletePageText } from '../vault/fulltext';
import type { PageFiles } from '../pages/page-files';
import type { Database } from '../vault/schema';
import { newRowId } from '../core/row-id';

type Db = Kysely<Database> | Transaction<Database>;
const KEYS: Record<keyof RetentionSchedule, string> = {
  idDocumentsMonths: 'retention.idDocumentsMonths',
  moneyOrderImagesMonths: 'retention.moneyOrderImagesMonths',
  caseFileYears: 'retention.caseFileYears',
};
// Issued letters are frozen by migration 008's trigger; disposal of the whole case file (S4) is
// the one sanctioned change: the trigger is lifted inside the disposing transaction and put back
// verbatim before it commits.
const FROZEN_TRIGGER = sql`CREATE TRIGGER letters_issued_frozen BEFORE UPDATE OF case_id, template, lang, draft, recipient, status, issued_on, issued_at, issued_by, pdf, sha256, page_count, money_order_ids ON letters
      WHEN OLD.status = 'issued'
      BEGIN SELECT RAISE(ABORT, 'LETTER_ISSUED'); END`;
const DISPOSED = '（廃棄済）';

/**
 * Retention schedule, what is due, legal holds and disposal (S4, #15 item 2). Disposal erases in
 * one transaction with its register rows and audit entry: page images and thumbnails (rows
 * deleted), OCR text and words, the FTS entries, and for the whole case file the personal fields
 * too (subject, form fields, notes, recorded ID documents, envelope sender, issued letters' PDF
 * and text). secure_delete is on, so freed pages are zeroed; FTS5's secure-delete option removes
 * the terms from the index segments; afterwards the WAL is checkpointed and truncated.
 */
export class RetentionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    /** Where page images live since #15 item 6: their files are removed after the disposal commits. */
    private readonly pageFiles: PageFiles | null = null,
  ) {}

  async schedule(db: Db = this.db): Promise<RetentionSchedule> {
    const rows = await db.selectFrom('settings').selectAll().where('key', 'in', Object.values(KEYS)).execute();
    const out: Record<string, unknown> = { ...DEFAULT_RETENTION };
    for (const [name, key] of Object.entries(KEYS)) {
      const row = rows.find((r) => r.key === key);
      if (row) out[name] = JSON.parse(row.value);
    }
    return out as unknown as RetentionSchedule;
  }

  async updateSchedule(actor: Actor, patch: Partial<RetentionSchedule>): Promise<RetentionSchedule> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.schedule(trx);
      const changes: Record<string, [number, number]> = {};
      for (const [name, value] of Object.entries(patch) as [keyof RetentionSchedule, number | undefined][]) {
        if (value === undefined || before[name] === value) continue;
        changes[name] = [before[name], value];
        const v = JSON.stringify(value);
        await trx.insertInto('settings').values({ key: KEYS[name], value: v }).onConflict((oc) => oc.column('key').doUpdateSet({ value: v })).execute();
      }
      if (Object.keys(changes).length) await this.audit.append(trx, actor, { action: 'retention.schedule_updated', recordType: 'settings', summary: changes });
      return this.schedule(trx);
    });
  }

  /**
   * Every class of every final case whose period is over and which still holds something.
   * Candidates: final cases closed before the shortest period's cutoff (a few days' slack for
   * month-end clamping; the exact day is decided by disposalDueOn), at most `limitCases` of them
   * (Today asks for a bounded count). Their page counts per kind and the classes already disposed
   * of come from one query each over the same condition (#13 item 10: index-only on
   * `pages(case_id, kind)`, migration 042, instead of 2 queries per 500 cases; 10k cases: the
   * list is ~13k rows); when the limit cut the candidates short, by their ids instead.
   */
  async due(db: Db = this.db, limitCases = 100_000): Promise<DisposalDue[]> {
    return (await this.dueWithin(db, limitCases)).items;
  }

  /**
   * `due`, and whether the candidates were cut at `limitCases` (then the list is a lower bound:
   * candidates past the limit, in no set order, were not looked at). Today's "and more" must come
   * from the cut, not from how many cases had something due: on the office database 500
   * candidates with 284 due cases were shown as the whole count while more were due.
   */
  async dueWithin(db: Db, limitCases: number): Promise<{ items: DisposalDue[]; cut: boolean }> {
    const schedule = await this.schedule(db);
    const today = isoDateInJapan(this.now());
    const shortest = Math.min(...RECORD_CLASSES.map((c) => retentionMonths(c, schedule)));
    const cutoff = addDays(addMonths(today, -shortest), 3);
    // Portable SQL (no date functions): the close day is closed_on, else the Japan day of
    // status_since, compared as a UTC instant (end of the cutoff day in Japan).
    const cutoffInstant = new Date(Date.parse(`${addDays(cutoff, 1)}T00:00:00+09:00`)).toISOString();
    const candidate = (eb: ExpressionBuilder<Database, 'cases'>) =>
      eb.and([
        eb('cases.status', 'in', [...FINAL_STATES]),
        eb.or([
          eb.and([eb('cases.closed_on', 'is not', null), eb('cases.closed_on', '<=', cutoff)]),
          eb.and([eb('cases.closed_on', 'is', null), eb('cases.status_since', '<', cutoffInstant)]),
        ]),
      ]);
    const rows = await db
      .selectFrom('cases')
      .leftJoin('legal_holds', 'legal_holds.case_id', 'cases.id')
      .select(['cases.id', 'cases.case_no', 'cases.status', 'cases.closed_on', 'cases.status_since', 'legal_holds.case_id as held'])
      .where(candidate)
      // No ORDER BY: with it SQLite sorts every final case before the limit (~200 ms on 100k,
      // measured); Today only needs a bounded count, and the list is sorted below.
      .limit(limitCases)
      .execute();
    // Pages each class covers, per case, in RECORD_CLASSES order (the case file covers every page):
    // three numbers per case rather than a map of kinds (~9k cases: less garbage).
    const pagesOf = new Map<string, number[]>();
    const doneOf = new Map<string, Set<RecordClass>>();
    const classesOfKind = (kind: string) => RECORD_CLASSES.map((cls, i) => (cls === 'case_file' || CLASS_PAGE_KINDS[cls].includes(kind) ? i : -1)).filter((i) => i >= 0);
    const kindClasses = new Map<string, number[]>();
    const addCounts = (counts: { case_id: string | null; kind: string; n: number | string | bigint }[]) => {
      for (const c of counts) {
        let per = pagesOf.get(c.case_id!);
        if (!per) pagesOf.set(c.case_id!, (per = RECORD_CLASSES.map(() => 0)));
        let classes = kindClasses.get(c.kind);
        if (!classes) kindClasses.set(c.kind, (classes = classesOfKind(c.kind)));
        for (const i of classes) per[i]! += Number(c.n);
      }
    };
    const addDisposed = (disposed: { case_id: string; classes: string }[]) => {
      for (const d of disposed) {
        const set = doneOf.get(d.case_id) ?? new Set<RecordClass>();
        for (const cls of JSON.parse(d.classes) as RecordClass[]) set.add(cls);
        doneOf.set(d.case_id, set);
      }
    };
    if (rows.length < limitCases) {
      // Every candidate is in `rows`: the same condition joined, one query each.
      addCounts(
        await db
          .selectFrom('cases')
          .innerJoin('pages', 'pages.case_id', 'cases.id')
          .select(['pages.case_id', 'pages.kind', (eb) => eb.fn.countAll<number>().as('n')])
          .where(candidate)
          .groupBy(['pages.case_id', 'pages.kind'])
          .execute(),
      );
      addDisposed(
        await db.selectFrom('cases').innerJoin('disposal_register', 'disposal_register.case_id', 'cases.id').select(['disposal_register.case_id', 'disposal_register.classes']).where(candidate).execute(),
      );
    } else {
      for (let i = 0; i < rows.length; i += 500) {
        const ids = rows.slice(i, i + 500).map((r) => r.id);
        addCounts(await db.selectFrom('pages').select(['case_id', 'kind', (eb) => eb.fn.countAll<number>().as('n')]).where('case_id', 'in', ids).groupBy(['case_id', 'kind']).execute());
        addDisposed(await db.selectFrom('disposal_register').select(['case_id', 'classes']).where('case_id', 'in', ids).execute());
      }
    }
    const out: DisposalDue[] = [];
    // Thousands of cases share a close day: each class's due day is worked out once per day.
    const dueDays = RECORD_CLASSES.map(() => new Map<string, string>());
    const dueOf = (i: number, closed: string) => {
      let v = dueDays[i]!.get(closed);
      if (v === undefined) dueDays[i]!.set(closed, (v = disposalDueOn(RECORD_CLASSES[i]!, closed, schedule)));
      return v;
    };
    const none = RECORD_CLASSES.map(() => 0);
    for (const c of rows) {
      const closed = c.closed_on ?? (c.status_since ? japanDay(c.status_since) : null);
      if (!closed) continue;
      const done = doneOf.get(c.id);
      const per = pagesOf.get(c.id) ?? none;
      for (const [i, cls] of RECORD_CLASSES.entries()) {
        if (done?.has(cls)) continue;
        const dueOn = dueOf(i, closed);
        if (dueOn > today) continue;
        const pages = per[i]!;
        if (cls !== 'case_file' && pages === 0) continue;
        out.push({ caseId: c.id, caseNo: c.case_no, status: c.status, closedOn: closed, recordClass: cls, dueOn, pages, held: c.held !== null });
      }
    }
    // Days and case numbers are ASCII of one shape: code-unit order is their order (and ~10x
    // quicker than localeCompare over ~13k rows).
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    out.sort((a, b) => cmp(a.dueOn, b.dueOn) || cmp(a.caseNo, b.caseNo) || RECORD_CLASSES.indexOf(a.recordClass) - RECORD_CLASSES.indexOf(b.recordClass));
    return { items: out, cut: rows.length >= limitCases };
  }

  async dispose(actor: Actor, input: { items: { caseId: string; classes: RecordClass[] }[]; reason: string }): Promise<DisposalBatch> {
    const batchId = randomUUID();
    const at = this.now().toISOString();
    const files: string[] = [];
    const entries = await this.db.transaction().execute(async (trx) => {
      // FTS5 secure-delete (SQLite >= 3.42; persistent for the table): a deleted row's terms
      // leave the index's segments now, not at some later merge.
      await secureDeletePageText(trx);
      const due = await this.due(trx);
      const schedule = await this.schedule(trx);
      const entries: DisposalEntry[] = [];
      for (const item of input.items) {
        const c = await trx.selectFrom('cases').select(['id', 'case_no', 'status', 'closed_on', 'status_since']).where('id', '=', item.caseId).executeTakeFirst();
        if (!c) throw new KaijiError('NOT_FOUND');
        const hold = await trx.selectFrom('legal_holds').select('case_id').where('case_id', '=', c.id).executeTakeFirst();
        if (hold) throw new KaijiError('LEGAL_HOLD', { caseNo: c.case_no });
        const classes = classesCovered(item.classes);
        for (const cls of item.classes) {
          if (due.some((d) => d.caseId === c.id && d.recordClass === cls)) continue;
          const closedOn = c.closed_on ?? (c.status_since && (FINAL_STATES as readonly string[]).includes(c.status) ? japanDay(c.status_since) : null);
          throw new KaijiError('DISPOSAL_NOT_DUE', {
            caseNo: c.case_no,
            classJa: RECORD_CLASS_LABELS[cls].ja,
            classEn: RECORD_CLASS_LABELS[cls].en,
            dueOn: closedOn ? disposalDueOn(cls, closedOn, schedule) : '—',
          });
        }
        const pagesErased = await this.erase(trx, c.id, classes, files);
        const entry: DisposalEntry = {
          id: newRowId(),
          batchId,
          caseId: c.id,
          caseNo: c.case_no,
          classes,
          rule: item.classes.map((cls) => retentionRule(cls, schedule)).join('; '),
          reason: input.reason,
          pagesErased,
          disposedByName: actor.name,
          disposedAt: at,
        };
        await trx
          .insertInto('disposal_register')
          .values({
            id: entry.id,
            batch_id: batchId,
            case_id: c.id,
            case_no: c.case_no,
            classes: JSON.stringify(classes),
            rule: entry.rule,
            reason: input.reason,
            pages_erased: pagesErased,
            disposed_by: actor.id,
            disposed_by_name: actor.name,
            disposed_at: at,
          })
          .execute();
        entries.push(entry);
      }
      await this.audit.append(trx, actor, {
        action: 'records.disposed',
        recordType: 'disposal',
        recordId: batchId,
        summary: { cases: entries.map((e) => ({ caseNo: e.caseNo, classes: e.classes, pages: e.pagesErased })), reason: input.reason },
      });
      return entries;
    });
    // Outside the transaction: write the zeroed pages back into the main file, then empty the WAL
    // (the page files' keys were in those rows), then the page files themselves go.
    if (dialectOf(this.db as never) === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(this.db);
    for (const f of files) this.pageFiles?.remove(f);
    return { batchId, entries };
  }

  async placeHold(actor: Actor, caseId: string, reason: string): Promise<LegalHold> {
    return this.db.transaction().execute(async (trx) => {
      const c = await trx.selectFrom('cases').select(['id', 'case_no']).where('id', '=', caseId).executeTakeFirst();
      if (!c) throw new KaijiError('NOT_FOUND');
      const placedAt = this.now().toISOString();
      await trx
        .insertInto('legal_holds')
        .values({ case_id: caseId, reason, placed_by: actor.id, placed_at: placedAt })
        .onConflict((oc) => oc.column('case_id').doUpdateSet({ reason, placed_by: actor.id, placed_at: placedAt }))
        .execute();
      await this.audit.append(trx, actor, { action: 'retention.hold_placed', recordType: 'case', recordId: caseId, summary: { caseNo: c.case_no, reason } });
      return { caseId, caseNo: c.case_no, reason, placedAt };
    });
  }

  async releaseHold(actor: Actor, caseId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const c = await trx.selectFrom('cases').select(['case_no']).where('id', '=', caseId).executeTakeFirst();
      const { numDeletedRows } = await trx.deleteFrom('legal_holds').where('case_id', '=', caseId).executeTakeFirst();
      if (!c || numDeletedRows === 0n) throw new KaijiError('NOT_FOUND');
      await this.audit.append(trx, actor, { action: 'retention.hold_released', recordType: 'case', recordId: caseId, summary: { caseNo: c.case_no } });
    });
  }

  async holds(): Promise<LegalHold[]> {
    const rows = await this.db
      .selectFrom('legal_holds')
      .innerJoin('cases', 'cases.id', 'legal_holds.case_id')
      .select(['legal_holds.case_id', 'cases.case_no', 'legal_holds.reason', 'legal_holds.placed_at'])
      .orderBy('cases.case_no')
      .execute();
    return rows.map((r) => ({ caseId: r.case_id, caseNo: r.case_no, reason: r.reason, placedAt: r.placed_at }));
  }

  async register(filter: { batchId?: string; limit: number; offset: number } = { limit: 200, offset: 0 }): Promise<{ entries: DisposalEntry[]; total: number }> {
    let q = this.db.selectFrom('disposal_register');
    if (filter.batchId) q = q.where('batch_id', '=', filter.batchId);
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.selectAll().orderBy('disposed_at', 'desc').orderBy('case_no').limit(filter.limit).offset(filter.offset).execute();
    return {
      total: Number(n),
      entries: rows.map((r) => ({
        id: r.id,
        batchId: r.batch_id,
        caseId: r.case_id,
        caseNo: r.case_no,
        classes: JSON.parse(r.classes) as RecordClass[],
        rule: r.rule,
        reason: r.reason,
        pagesErased: r.pages_erased,
        disposedByName: r.disposed_by_name,
        disposedAt: r.disposed_at,
      })),
    };
  }

  /** Erases what the classes cover; returns the number of pages removed. */
  private async erase(trx: Transaction<Database>, caseId: string, classes: RecordClass[], files: string[]): Promise<number> {
    let q = trx.selectFrom('pages').select(['id', 'image_file']).where('case_id', '=', caseId);
    if (!classes.includes('case_file')) q = q.where('kind', 'in', classes.flatMap((c) => (c === 'case_file' ? [] : [...CLASS_PAGE_KINDS[c]])));
    const rows = await q.execute();
    const pages = rows.map((p) => p.id);
    for (const r of rows) if (r.image_file) files.push(r.image_file);
    for (const id of pages) {
      await removePageText(trx, id);
      await trx.updateTable('case_fields').set({ source_page_id: null, zone: null }).where('source_page_id', '=', id).execute();
      // What Kaiji read off the copy goes with it (#12 item 3): an unconfirmed suggestion is
      // deleted; a confirmed record keeps its kind and dates (proof of the check) without the
      // name, address and birth date copied from the document.
      await trx.deleteFrom('case_documents').where('page_id', '=', id).where('suggested', '=', 1).execute();
      await trx.updateTable('case_documents').set({ page_id: null, name: '', address: '', birth_date: null }).where('page_id', '=', id).execute();
    }
    if (pages.length) {
      await trx.deleteFrom('page_masks').where('page_id', 'in', pages).execute();
      await trx.deleteFrom('pages').where('id', 'in', pages).execute();
    }
    if (classes.includes('case_file')) await this.erasePersonalFields(trx, caseId);
    return pages.length;
  }

  private async erasePersonalFields(trx: Transaction<Database>, caseId: string): Promise<void> {
    const at = this.now().toISOString();
    await trx
      .updateTable('cases')
      .set({ subject_name: DISPOSED, subject_kana: '', subject_birth_date: null, subject_address: null, subject_name_key: '', subject_kana_key: '', updated_at: at })
      .where('id', '=', caseId)
      .execute();
    await trx.deleteFrom('case_fields').where('case_id', '=', caseId).execute();
    await trx.deleteFrom('case_notes').where('case_id', '=', caseId).execute();
    await trx.updateTable('case_documents').set({ name: '', address: '', birth_date: null }).where('case_id', '=', caseId).execute();
    const envelopes = await trx.selectFrom('case_envelopes').select('envelope_id').where('case_id', '=', caseId).execute();
    if (envelopes.length) {
      await trx.updateTable('envelopes').set({ sender_name: '', sender_address: '', note: '' }).where('id', 'in', envelopes.map((e) => e.envelope_id)).execute();
    }
    await trx.updateTable('imports').set({ source_name: DISPOSED }).where('case_id', '=', caseId).execute();
    await trx.updateTable('case_decisions').set({ reason_text: '', enclosures: '[]' }).where('case_id', '=', caseId).execute();
    await trx.updateTable('mail_items').set({ note: '' }).where('case_id', '=', caseId).execute();
    const letters = await trx.selectFrom('letters').select(['id', 'draft', 'recipient']).where('case_id', '=', caseId).execute();
    if (letters.length) {
      await sql`drop trigger letters_issued_frozen`.execute(trx);
      for (const l of letters) {
        // Same JSON shape, every string emptied: readers keep working, no text remains.
        await trx
          .updateTable('letters')
          .set({ draft: JSON.stringify(blankStrings(JSON.parse(l.draft))), recipient: JSON.stringify(blankStrings(JSON.parse(l.recipient))), pdf: null })
          .where('id', '=', l.id)
          .execute();
      }
      await FROZEN_TRIGGER.execute(trx);
    }
  }
}

function blankStrings(v: unknown): unknown {
  if (typeof v === 'string') return '';
  if (Array.isArray(v)) return v.map(blankStrings);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blankStrings(x)]));
  return v;
}
