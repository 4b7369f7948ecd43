import { sql, type Kysely, type Transaction } from 'kysely';
import { claimVersion } from '../concurrency/versions';
import type { CaseDetail, CaseField, CaseSummary, Envelope } from '@shared/contract';
import { parseJapaneseDate } from '@shared/domain/era';
import { addressKey, nameKey } from '@shared/domain/names';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { EnvelopeService } from '../intake/envelope-service';
import { toSummary } from './case-service';
import type { PageStore } from '../pages/page-store';
import type { Database } from '../vault/schema';
import { newRowId } from '../core/row-id';

/** Below this OCR confidence a pre-filled value is marked for review. */
export const REVIEW_BELOW_CONFIDENCE = 75;

export interface FieldValue {
  field: string;
  value: string;
  confidence?: number | null;
  zone?: { x: number; y: number; width: number; height: number } | null;
}

/**
 * The case file: parties and request as read from the application, the envelopes and
 * pages, notes, the timeline of what happened, and earlier requests of the same person (R3).
 */
export class CaseFileService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly pages: PageStore,
    private readonly envelopes: EnvelopeService,
    private readonly now: () => Date,
  ) {}

  async detail(actor: Actor, id: string): Promise<CaseDetail> {
    const row = await this.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    const [fields, envelopeIds, pages, notes, timeline, earlierCases] = await Promise.all([
      this.db.selectFrom('case_fields').selectAll().where('case_id', '=', id).orderBy('field').execute(),
      this.db.selectFrom('case_envelopes').select('envelope_id').where('case_id', '=', id).execute(),
      this.pages.listForCase(id),
      this.db.selectFrom('case_notes').selectAll().where('case_id', '=', id).orderBy('created_at', 'desc').execute(),
      this.db
        .selectFrom('audit_log')
        .select(['at', 'action', 'actor_name', 'summary'])
        .where((eb) =>
          eb.or([
            eb.and([eb('record_type', '=', 'case'), eb('record_id', '=', id)]),
            // What happened to the case's pages belongs to its story too.
            eb.and([
              eb('record_type', '=', 'page'),
              eb('record_id', 'in', eb.selectFrom('pages').select('id').where('case_id', '=', id)),
            ]),
          ]),
        )
        .where('action', 'not in', ['case.viewed', 'page.viewed', 'case.checked'])
        .orderBy('seq', 'desc')
        .limit(200)
        .execute(),
      this.earlierCases(row),
    ]);
    const envelopes: Envelope[] = [];
    for (const { envelope_id } of envelopeIds) {
      const e = await this.envelopes.get(envelope_id);
      if (e) envelopes.push(e);
    }
    await this.audit.append(this.db, actor, { action: 'case.viewed', recordType: 'case', recordId: id, summary: { caseNo: row.case_no } });
    return {
      case: {
        ...toSummary(row),
        birthDate: row.subject_birth_date,
        address: row.subject_address,
        // #16 item 3: what the desk sends back with an edit (cases.setFields, cases.updateSubject).
        version: row.version ?? 1,
        // #13 item 2a: the person in charge in the case header.
        assigneeId: row.assignee_id ?? null,
        assigneeName: row.assignee_id ? ((await this.db.selectFrom('staff').select('display_name').where('id', '=', row.assignee_id).executeTakeFirst())?.display_name ?? null) : null,
      },
      fields: fields.map(
        (f): CaseField => ({
          field: f.field,
          value: f.value,
          confidence: f.confidence,
          sourcePageId: f.source_page_id,
          zone: f.zone ? (JSON.parse(f.zone) as CaseField['zone']) : null,
          needsReview: f.needs_review === 1,
        }),
      ),
      envelopes,
      pages,
      notes: notes.map((n) => ({ id: n.id, body: n.body, author: n.created_by_name, createdAt: n.created_at })),
      timeline: timeline.map((t) => ({ at: t.at, action: t.action, actor: t.actor_name, summary: JSON.parse(t.summary) as Record<string, unknown> })),
      earlierCases,
    };
  }

  /**
   * Values typed or confirmed by staff: they are final, never overwritten by a later scan.
   * `version`: the case's version the desk showed (#16 item 3); an edit from a view another
   * desk has since changed is refused as CONFLICT. Returns the case's new version.
   */
  async setFields(actor: Actor, id: string, values: FieldValue[], version?: number): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      // First: claims the case (row lock on the office database) or refuses a stale view.
      const next = await claimVersion(trx, 'cases', id, version, 'case');
      for (const v of values) await this.upsert(trx, actor, id, v, null, false);
      await this.syncSubject(trx, id);
      await this.audit.append(trx, actor, {
        action: 'case.fields_updated',
        recordType: 'case',
        recordId: id,
        summary: { fields: values.map((v) => v.field) },
      });
      return next;
    });
  }

  /** The data subject typed by staff (e.g. from a free-form letter): the same path as any field. */
  async setSubject(actor: Actor, id: string, subject: { name: string; kana: string; birthDate?: string; address?: string }, version?: number): Promise<number> {
    const fields: FieldValue[] = [
      { field: 'subject.name', value: subject.name },
      { field: 'subject.kana', value: subject.kana },
    ];
    if (subject.birthDate) fields.push({ field: 'subject.birthDate', value: subject.birthDate });
    if (subject.address !== undefined) fields.push({ field: 'subject.address', value: subject.address });
    return this.setFields(actor, id, fields, version);
  }

  /** Pre-fills from a recognised form; skips fields staff have already confirmed. */
  async applyRecognised(trx: Transaction<Database>, actor: Actor, id: string, pageId: string, values: FieldValue[]): Promise<string[]> {
    const confirmed = new Set(
      (
        await trx
          .selectFrom('case_fields')
          .select('field')
          .where('case_id', '=', id)
          .where('confidence', 'is', null)
          .where('needs_review', '=', 0)
          .execute()
      ).map((r) => r.field),
    );
    const applied: string[] = [];
    for (const v of values) {
      if (confirmed.has(v.field)) continue;
      const review = !v.value.trim() || (v.confidence ?? 0) < REVIEW_BELOW_CONFIDENCE;
      await this.upsert(trx, actor, id, v, pageId, review);
      applied.push(v.field);
    }
    await this.syncSubject(trx, id);
    await this.audit.append(trx, actor, {
      action: 'case.fields_recognised',
      recordType: 'case',
      recordId: id,
      summary: { pageId, fields: applied },
    });
    return applied;
  }

  async addNote(actor: Actor, id: string, body: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw new KaijiError('NOT_FOUND');
      const noteId = newRowId();
      await trx
        .insertInto('case_notes')
        .values({ id: noteId, case_id: id, body, created_by: actor.id, created_by_name: actor.name, created_at: this.now().toISOString() })
        .execute();
      await this.audit.append(trx, actor, { action: 'case.note_added', recordType: 'case', recordId: id, summary: { noteId } });
    });
  }

  /** Earlier requests of the same person as this case (R3); `db` may be the caller's transaction. */
  async earlierCasesOf(caseId: string, db: Kysely<Database> = this.db): Promise<CaseSummary[]> {
    const row = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    return this.earlierCases(row, db);
  }

  /**
   * Same person (R3): the same name or reading, and not contradicted by a different known
   * birth date; a matching birth date or address makes it certain enough to show.
   */
  private async earlierCases(row: Database['cases'], db: Kysely<Database> = this.db): Promise<CaseSummary[]> {
    const keys = [row.subject_name_key, row.subject_kana_key].filter(Boolean);
    if (keys.length === 0) return [];
    const candidates = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '!=', row.id)
      .where((eb) =>
        eb.or([
          ...(row.subject_name_key ? [eb('subject_name_key', '=', row.subject_name_key)] : []),
          ...(row.subject_kana_key ? [eb('subject_kana_key', '=', row.subject_kana_key)] : []),
        ]),
      )
      .orderBy('received_on', 'desc')
      .limit(100)
      .execute();
    const address = row.subject_address ? addressKey(row.subject_address) : null;
    return candidates
      .filter((c) => {
        if (row.subject_birth_date && c.subject_birth_date) return row.subject_birth_date === c.subject_birth_date;
        const sameAddress = address !== null && c.subject_address !== null && addressKey(c.subject_address) === address;
        return sameAddress || (c.subject_name_key === row.subject_name_key && c.subject_kana_key === row.subject_kana_key);
      })
      .map(toSummary);
  }

  private async upsert(trx: Transaction<Database>, actor: Actor, caseId: string, v: FieldValue, pageId: string | null, review: boolean): Promise<void> {
    const row = {
      case_id: caseId,
      field: v.field,
      value: v.value,
      confidence: v.confidence ?? null,
      source_page_id: pageId,
      zone: v.zone ? JSON.stringify(v.zone) : null,
      needs_review: review ? 1 : 0,
      updated_by: actor.id,
      updated_at: this.now().toISOString(),
    };
    await trx
      .insertInto('case_fields')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['case_id', 'field']).doUpdateSet({
          // #16 item 3: the field's own version moves with every change of it.
          version: sql<number>`case_fields.version + 1`,
          value: row.value,
          confidence: row.confidence,
          needs_review: row.needs_review,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
          ...(pageId ? { source_page_id: pageId, zone: row.zone } : {}),
        }),
      )
      .execute();
  }

  /** The case's search and matching columns follow the subject fields. */
  private async syncSubject(trx: Transaction<Database>, caseId: string): Promise<void> {
    const fields = await trx
      .selectFrom('case_fields')
      .select(['field', 'value'])
      .where('case_id', '=', caseId)
      .where('field', 'in', ['subject.name', 'subject.kana', 'subject.birthDate', 'subject.address', 'subject.postalCode'])
      .execute();
    const get = (f: string) => fields.find((x) => x.field === f)?.value.trim() ?? '';
    const name = get('subject.name');
    const kana = get('subject.kana');
    const address = [get('subject.postalCode') && `〒${get('subject.postalCode').replace(/^〒/, '')}`, get('subject.address')].filter(Boolean).join(' ');
    await trx
      .updateTable('cases')
      .set({
        subject_name: name,
        subject_kana: kana,
        subject_name_key: nameKey(name),
        subject_kana_key: nameKey(kana),
        subject_birth_date: parseJapaneseDate(get('subject.birthDate')),
        subject_address: address || null,
        updated_at: this.now().toISOString(),
      })
      .where('id', '=', caseId)
      .execute();
  }
}
