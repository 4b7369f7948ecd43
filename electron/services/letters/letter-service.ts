import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CaseSummary } from '@shared/contract';
import { claimVersion } from '../concurrency/versions';
import type { LetterDetail, LetterFile, LetterPages, LetterRecipient, LetterSuggestion, LetterSummary } from '@shared/contract/letters-types';
import { CASE_STATE_LABELS, caseStateLabel } from '@shared/domain/case-state';
import { isoDateInJapan } from '@shared/domain/dates';
import { composeLetter } from '@shared/domain/letters';
import type { LetterDraft, LetterLang, LetterTemplateId } from '@shared/domain/letters/types';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { CaseService } from '../cases/case-service';
import type { MoneyOrderLedger } from '../fees/money-order-ledger';
import { rasterizePdf } from '../imaging/pdf-raster';
import type { SettingsService } from '../settings/settings-service';
import type { DeficiencyService } from '../verification/deficiency-service';
import type { Database } from '../vault/schema';
import type { DecisionService } from './decision-service';
import { RETURNABLE_ORDER_STATES, gatherLetterData } from './letter-data';
import { carriesDecision, isFinalResponse, returnsMoneyOrders, suggestionsFor } from './letter-rules';
import { caseSnapshot } from '../lifecycle/case-snapshot';
import { assertMay, auditIfDenied } from '../lifecycle/guard';
import { caseObligations } from '@shared/domain/obligations';
import { mayDo } from '@shared/domain/case-permissions';
import { renderAddressLabelSheet, renderLetterPdf } from './letter-render';
import type { LettersTable } from './schema';
import type { ApprovalService } from '../approval/approval-service';
import { newRowId } from '../core/row-id';

type Db = Kysely<Database> | Transaction<Database>;
type Row = LettersTable & { case_no: string; case_status: string; issued_by_name?: string | null };

export type DraftText = Omit<LetterDraft, 'templateId' | 'lang'>;

/**
 * Letters from draft to issued (R1, R5; issue #6 item 4). A draft's text and address may be
 * edited; issuing renders the PDF once, stores it inside the encrypted database with its
 * SHA-256 (also written to the audit trail) and freezes the row. Reprints render the frozen
 * text again, marked 控, and are counted.
 */
export class LetterService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly cases: CaseService,
    private readonly decisions: DecisionService,
    private readonly settings: SettingsService,
    private readonly deficiencies: DeficiencyService,
    private readonly moneyOrders: MoneyOrderLedger,
    private readonly now: () => Date,
  ) {}

  private approvals: ApprovalService | null = null;

  /** #13 item 2b: the second administrator's approval (wired in workspace.ts). */
  setApprovals(approvals: ApprovalService): void {
    this.approvals = approvals;
  }

  /** What to draft now, read off what the case still owes (shared/domain/obligations.ts). */
  async suggest(caseId: string): Promise<LetterSuggestion[]> {
    const snapshot = await caseSnapshot(this.db, caseId);
    return suggestionsFor({ owed: caseObligations(snapshot), decisions: snapshot.decisions });
  }

  async create(actor: Actor, input: { caseId: string; template: LetterTemplateId; lang: LetterLang; to: 'subject' | 'agent' }): Promise<LetterDetail> {
    const c = await this.caseRow(this.db, input.caseId);
    // A refusal or withdrawal letter belongs to a case in that state (#10 item 3).
    if (input.template === 'refusal_notice' || input.template === 'withdrawal_ack') this.checkState(input.template, c.status);
    // Item 6: kinds read by OCR alone are never named in a letter.
    if (input.template !== 'deficiency' && input.template !== 'money_order_return') await this.requireConfirmedKinds(input.caseId);
    if (isFinalResponse(input.template)) await this.requireDecisions(input.caseId);
    const gathered = await gatherLetterData(this.db, { settings: this.settings, decisions: this.decisions, deficiencies: this.deficiencies }, input.caseId, input.template, input.to);
    // Templates refuse (KaijiError) when the case lacks what they need, e.g. no deficiency list.
    const draft = composeLetter(input.template, gathered.data, input.lang);
    const at = this.now().toISOString();
    const row: LettersTable = {
      id: newRowId(),
      case_id: input.caseId,
      template: input.template,
      lang: input.lang,
      draft: JSON.stringify(draft),
      recipient: JSON.stringify(gathered.recipient),
      status: 'draft',
      created_by: actor.id,
      created_at: at,
      updated_by: actor.id,
      updated_at: at,
      issued_on: null,
      issued_at: null,
      issued_by: null,
      pdf: null,
      sha256: null,
      page_count: null,
      reprint_count: 0,
      last_reprinted_at: null,
      money_order_ids: JSON.stringify(gathered.moneyOrderIds),
      needs_approval: 0,
      prepared_by: JSON.stringify([actor.id].filter(Boolean)),
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('letters').values(row).execute();
      await this.audit.append(trx, actor, {
        action: 'letter.drafted',
        recordType: 'case',
        recordId: input.caseId,
        summary: { caseNo: c.case_no, letterId: row.id, template: row.template, lang: row.lang },
      });
    });
    return this.get(row.id);
  }

  async get(id: string): Promise<LetterDetail> {
    const row = await this.row(this.db, id);
    const [summary] = await this.summaries([row]);
    return {
      ...summary!,
      draft: JSON.parse(row.draft) as LetterDraft,
      recipient: JSON.parse(row.recipient) as LetterRecipient,
      moneyOrderIds: JSON.parse(row.money_order_ids) as string[],
    };
  }

  async list(caseId: string): Promise<LetterSummary[]> {
    const rows = await this.withCase(this.db).where('letters.case_id', '=', caseId).orderBy('letters.created_at', 'desc').execute();
    return this.summaries(rows);
  }

  /** Across cases. Shows recipients' names: audited like a case list (S3). */
  async overview(actor: Actor, filter: 'to_send' | 'issued' | 'drafts', limit: number): Promise<LetterSummary[]> {
    let q = this.withCase(this.db);
    if (filter === 'drafts') q = q.where('letters.status', '=', 'draft');
    else q = q.where('letters.status', '=', 'issued');
    if (filter === 'to_send') q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('mail_items').select('mail_items.id').whereRef('mail_items.letter_id', '=', 'letters.id'))));
    const rows = await q.orderBy(filter === 'drafts' ? 'letters.updated_at' : 'letters.issued_at', 'desc').limit(limit).execute();
    if (rows.length > 0) {
      await this.audit.append(this.db, actor, { action: 'letter.listed', recordType: 'letter', summary: { filter, shown: rows.map((r) => r.case_no) } });
    }
    return this.summaries(rows);
  }

  async toSendCount(): Promise<number> {
    const r = await this.db
      .selectFrom('letters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'issued')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('mail_items').select('mail_items.id').whereRef('mail_items.letter_id', '=', 'letters.id'))))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Staff edit a draft's text or address; an issued letter is refused (LETTER_ISSUED). */
  async update(actor: Actor, id: string, patch: { draft?: DraftText; recipient?: LetterRecipient; version?: number }): Promise<LetterDetail> {
    await this.db.transaction().execute(async (trx) => {
      // #16 item 3: the version the desk showed, claimed first (a stale draft is refused as CONFLICT).
      await claimVersion(trx, 'letters', id, patch.version, 'letter');
      const row = await this.row(trx, id);
      if (row.status !== 'draft') throw new KaijiError('LETTER_ISSUED');
      const current = JSON.parse(row.draft) as LetterDraft;
      const draft: LetterDraft | null = patch.draft ? { ...patch.draft, templateId: current.templateId, lang: current.lang } : null;
      // Item 5: a changed text of a letter that carries a decision needs the administrator again;
      // an administrator's own edit is the approval.
      const substance = !!draft && carriesDecision(row.template as LetterTemplateId) && JSON.stringify(draft) !== JSON.stringify(current);
      const needsApproval = substance ? (mayDo(actor.role, 'edit_decided_letter') ? 0 : 1) : row.needs_approval;
      await trx
        .updateTable('letters')
        .set({
          ...(draft ? { draft: JSON.stringify(draft) } : {}),
          ...(patch.recipient ? { recipient: JSON.stringify(patch.recipient) } : {}),
          needs_approval: needsApproval,
          updated_by: actor.id,
          updated_at: this.now().toISOString(),
        })
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .execute();
      // #13 item 2b: whoever changes it becomes one who may not approve it; an approval is gone.
      const cleared = this.approvals ? (await this.approvals.onEdited(trx, actor, row)).approvalCleared : false;
      await this.audit.append(trx, actor, {
        action: 'letter.edited',
        recordType: 'case',
        recordId: row.case_id,
        summary: { caseNo: row.case_no, letterId: id, text: !!draft, recipient: !!patch.recipient, needsApproval: needsApproval === 1, ...(cleared ? { approvalCleared: true } : {}) },
      });
    });
    return this.get(id);
  }

  /** #13 item 3: a discarded draft goes to the trash (restorable for settings.trashDays days). */
  async discard(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.row(trx, id);
      if (row.status !== 'draft') throw new KaijiError('LETTER_ISSUED');
      await trx.updateTable('letters').set({ trashed_at: this.now().toISOString(), trashed_by: actor.id }).where('id', '=', id).where('status', '=', 'draft').execute();
      await this.audit.append(trx, actor, { action: 'letter.trashed', recordType: 'case', recordId: row.case_id, summary: { caseNo: row.case_no, letterId: id, template: row.template } });
    });
  }

  /** Page images for the in-app preview (no PDF plugin needed): the stored PDF, or a draft's sample. */
  async preview(actor: Actor, id: string, dpi: number): Promise<LetterPages> {
    const row = await this.row(this.db, id);
    const pdf = row.status === 'issued' ? row.pdf! : (await this.renderRow(row, { sample: true })).pdf;
    const pages: LetterPages['pages'] = [];
    for await (const p of rasterizePdf(pdf, { dpi, fileName: 'letter.pdf' })) {
      pages.push({ dataUrl: `data:image/png;base64,${p.png.toString('base64')}`, width: p.width, height: p.height });
    }
    await this.audit.append(this.db, actor, { action: 'letter.previewed', recordType: 'case', recordId: row.case_id, summary: { caseNo: row.case_no, letterId: id, status: row.status } });
    return { pages, pageCount: pages.length, draft: row.status !== 'issued' };
  }

  /**
   * Issues the letter: renders it once, stores PDF + hash, freezes the row (the triggers of
   * migration 008 refuse any later change). A final response moves the case from deciding to
   * responding in the same transaction; a return letter marks its money orders returned (F4).
   */
  async issue(actor: Actor, id: string): Promise<LetterDetail> {
    const before = await this.row(this.db, id);
    if (before.status !== 'draft') throw new KaijiError('LETTER_ISSUED');
    const template = before.template as LetterTemplateId;
    // #13 item 2b: with the setting on, only an approved letter goes out.
    if (this.approvals) await this.approvals.assertMayIssue(this.db, actor, before);
    if (before.needs_approval === 1 && !mayDo(actor.role, 'approve_letter')) {
      const denied = new KaijiError('LETTER_NEEDS_APPROVAL');
      await auditIfDenied(this.db, this.audit, actor, denied, { caseId: before.case_id, caseNo: before.case_no });
      throw denied;
    }
    this.checkState(template, before.case_status);
    if (isFinalResponse(template)) await this.requireDecisions(before.case_id);
    const issuedOn = isoDateInJapan(this.now());
    const rendered = await this.renderRow(before, { issuedOn });
    const sha256 = createHash('sha256').update(rendered.pdf).digest('hex');
    await this.db.transaction().execute(async (trx) => {
      const row = await this.row(trx, id);
      // Edited or issued by someone else while this one was rendering: refuse, nothing stored.
      if (row.status !== 'draft' || row.updated_at !== before.updated_at) throw new KaijiError('LETTER_ISSUED');
      // Sent back (or its approval cleared by a new decision) while rendering: nothing is stored.
      if ((row.approval ?? null) !== (before.approval ?? null)) throw new KaijiError('LETTER_AWAITING_APPROVAL');
      await trx
        .updateTable('letters')
        .set({
          status: 'issued',
          issued_on: issuedOn,
          issued_at: this.now().toISOString(),
          issued_by: actor.id,
          pdf: Buffer.from(rendered.pdf),
          sha256,
          page_count: rendered.pageCount,
          needs_approval: 0,
        })
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .execute();
      await this.audit.append(trx, actor, {
        action: 'letter.issued',
        recordType: 'case',
        recordId: row.case_id,
        summary: { caseNo: row.case_no, letterId: id, template, lang: row.lang, issuedOn, sha256, pageCount: rendered.pageCount, bytes: rendered.pdf.byteLength },
      });
      if (isFinalResponse(template) && row.case_status === 'deciding') {
        await this.cases.setStatusIn(trx, actor, row.case_id, 'responding');
      }
    });
    // The ledger's own transition rules and audit entries apply (F4); the letter is already issued.
    if (returnsMoneyOrders(template)) {
      for (const orderId of JSON.parse(before.money_order_ids) as string[]) {
        await this.moneyOrders.markReturned(actor, orderId, { returnedOn: issuedOn, letterId: id });
      }
    }
    return this.get(id);
  }

  /** The PDF to print or download: exactly the stored bytes of an issued letter, or a draft's sample. */
  async pdf(actor: Actor, id: string): Promise<LetterFile> {
    const row = await this.row(this.db, id);
    const bytes = row.status === 'issued' ? row.pdf! : Buffer.from((await this.renderRow(row, { sample: true })).pdf);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.audit.append(this.db, actor, {
      action: 'letter.downloaded',
      recordType: 'case',
      recordId: row.case_id,
      summary: { caseNo: row.case_no, letterId: id, status: row.status, sha256 },
    });
    return { fileName: fileName(row, row.status === 'issued' ? '' : '-draft'), dataBase64: Buffer.from(bytes).toString('base64'), sha256 };
  }

  /** A copy of an issued letter, rendered from the frozen text and marked 控; counted and audited. */
  async reprint(actor: Actor, id: string): Promise<LetterFile> {
    const row = await this.row(this.db, id);
    if (row.status !== 'issued') throw new KaijiError('LETTER_NOT_ISSUED');
    const rendered = await this.renderRow(row, { issuedOn: row.issued_on!, copy: true });
    const sha256 = createHash('sha256').update(rendered.pdf).digest('hex');
    const count = row.reprint_count + 1;
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('letters').set({ reprint_count: count, last_reprinted_at: this.now().toISOString() }).where('id', '=', id).execute();
      await this.audit.append(trx, actor, {
        action: 'letter.reprinted',
        recordType: 'case',
        recordId: row.case_id,
        summary: { caseNo: row.case_no, letterId: id, copy: count, sha256, originalSha256: row.sha256 },
      });
    });
    return { fileName: fileName(row, `-copy${count}`), dataBase64: Buffer.from(rendered.pdf).toString('base64'), sha256 };
  }

  /** An address-label sheet for the letters' recipients (instead of window envelopes). */
  async labels(actor: Actor, ids: string[]): Promise<LetterFile> {
    const rows = await this.withCase(this.db).where('letters.id', 'in', ids).execute();
    if (rows.length !== new Set(ids).size) throw new KaijiError('NOT_FOUND');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = ids.map((i) => byId.get(i)!);
    const pdf = await renderAddressLabelSheet(ordered.map((r) => ({ recipient: JSON.parse(r.recipient) as LetterRecipient, caseNo: r.case_no })));
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await this.audit.append(this.db, actor, { action: 'letter.labels_printed', recordType: 'letter', summary: { letterIds: ids, caseNos: ordered.map((r) => r.case_no) } });
    return { fileName: `kaiji-labels-${isoDateInJapan(this.now())}.pdf`, dataBase64: Buffer.from(pdf).toString('base64'), sha256 };
  }

  /** Item 5: the administrator approves a decided letter whose text a clerk changed. */
  async approve(actor: Actor, id: string): Promise<void> {
    // #13 item 2b: with the setting on, approving is the second administrator's 決裁 (never one's own).
    if (this.approvals && (await this.approvals.required())) return this.approvals.approve(actor, id);
    const row = await this.row(this.db, id);
    try {
      assertMay(actor, 'approve_letter');
    } catch (e) {
      await auditIfDenied(this.db, this.audit, actor, e, { caseId: row.case_id, caseNo: row.case_no });
      throw e;
    }
    if (row.status !== 'draft') throw new KaijiError('LETTER_ISSUED');
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('letters').set({ needs_approval: 0 }).where('id', '=', id).where('status', '=', 'draft').execute();
      await this.audit.append(trx, actor, { action: 'letter.approved', recordType: 'case', recordId: row.case_id, summary: { caseNo: row.case_no, letterId: id } });
    });
  }

  /**
   * M2: a case closed by hand (no proof of delivery will come), with the reason. What is still
   * owed is waived with that reason (administrators only; the close guard stores each item).
   */
  async closeCase(actor: Actor, caseId: string, reason: string): Promise<CaseSummary> {
    const c = await this.caseRow(this.db, caseId);
    if (c.status !== 'responding' && c.status !== 'refused' && c.status !== 'withdrawn') {
      const label = caseStateLabel(c.status);
      throw new KaijiError('ILLEGAL_TRANSITION', { from: c.status, to: 'closed', fromJa: label.ja, fromEn: label.en, toJa: CASE_STATE_LABELS.closed.ja, toEn: CASE_STATE_LABELS.closed.en });
    }
    return this.cases.setStatus(actor, caseId, 'closed', reason, { manual: true, waive: true });
  }

  private async renderRow(row: LettersTable & { case_no: string }, opts: { issuedOn?: string; sample?: boolean; copy?: boolean }) {
    const settings = await this.settings.get();
    return renderLetterPdf({
      draft: JSON.parse(row.draft) as LetterDraft,
      recipient: JSON.parse(row.recipient) as LetterRecipient,
      caseNo: row.case_no,
      letterId: row.id,
      issuedOn: opts.issuedOn ?? isoDateInJapan(this.now()),
      settings,
      sample: opts.sample ?? false,
      copy: opts.copy ?? false,
    });
  }

  private checkState(template: LetterTemplateId, status: string): void {
    const ok =
      template === 'deficiency'
        ? status === 'deficient'
        : template === 'refusal_notice'
          ? status === 'refused'
          : template === 'withdrawal_ack'
            ? status === 'withdrawn'
            : isFinalResponse(template)
              ? status === 'deciding' || status === 'responding'
              : true;
    if (!ok) {
      const label = caseStateLabel(status);
      throw new KaijiError('LETTER_WRONG_STATE', { state: status, stateJa: label.ja, stateEn: label.en });
    }
  }

  /** Item 6: OCR-read kinds nobody confirmed cannot be named in a letter. */
  private async requireConfirmedKinds(caseId: string): Promise<void> {
    const snapshot = await caseSnapshot(this.db, caseId);
    const unconfirmed = snapshot.requested.filter((r) => !r.confirmed).map((r) => r.kind);
    if (unconfirmed.length > 0) throw new KaijiError('KINDS_UNCONFIRMED', { kinds: unconfirmed.join(', ') });
  }

  /** R1: every requested kind ends in a written answer, so the answer waits for every decision. */
  private async requireDecisions(caseId: string): Promise<void> {
    const [requested, decided] = await Promise.all([this.decisions.requestedKinds(caseId), this.decisions.list(caseId)]);
    const missing = requested.filter((k) => !decided.some((d) => d.kind === k));
    if (requested.length === 0 || missing.length > 0) throw new KaijiError('LETTER_NEEDS_DECISIONS', { kinds: (missing.length ? missing : ['K1-K6']).join(', ') });
  }

  private async caseRow(db: Db, caseId: string) {
    const c = await db.selectFrom('cases').select(['id', 'case_no', 'status']).where('id', '=', caseId).executeTakeFirst();
    if (!c) throw new KaijiError('NOT_FOUND');
    return c;
  }

  private withCase(db: Db) {
    return db
      .selectFrom('letters')
      .innerJoin('cases', 'cases.id', 'letters.case_id')
      .leftJoin('staff', 'staff.id', 'letters.issued_by')
      .selectAll('letters')
      .select(['cases.case_no as case_no', 'cases.status as case_status', 'staff.display_name as issued_by_name'])
      // #13 item 3: a trashed draft is out of the case until restored.
      .where('letters.trashed_at', 'is', null);
  }

  private async row(db: Db, id: string): Promise<Row> {
    const row = await this.withCase(db).where('letters.id', '=', id).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    return row;
  }

  private async summaries(rows: Row[]): Promise<LetterSummary[]> {
    if (rows.length === 0) return [];
    const mail = await this.db
      .selectFrom('mail_items')
      .selectAll()
      .where('letter_id', 'in', rows.map((r) => r.id))
      .orderBy('created_at', 'desc')
      .execute();
    const approvals = this.approvals ? await this.approvals.describe(rows) : new Map();
    return rows.map((r) => {
      const m = mail.find((x) => x.letter_id === r.id);
      const draft = JSON.parse(r.draft) as LetterDraft;
      const recipient = JSON.parse(r.recipient) as LetterRecipient;
      return {
        id: r.id,
        caseId: r.case_id,
        caseNo: r.case_no,
        caseStatus: r.case_status,
        template: r.template as LetterTemplateId,
        lang: r.lang as LetterLang,
        title: draft.title,
        status: r.status as 'draft' | 'issued',
        recipientName: recipient.name,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        issuedOn: r.issued_on,
        issuedByName: r.issued_by_name ?? null,
        sha256: r.sha256,
        pageCount: r.page_count,
        reprintCount: r.reprint_count,
        mail: m
          ? {
              id: m.id,
              method: m.method,
              trackingNumber: m.tracking_no,
              sentOn: m.sent_on,
              deliveredOn: m.delivered_on,
              proofReceivedOn: m.proof_received_on,
              proofRequested: m.proof_requested === 1,
              closesCase: m.closes_case === 1,
            }
          : null,
        finalResponse: isFinalResponse(r.template as LetterTemplateId),
        needsApproval: r.needs_approval === 1,
        version: r.version ?? 1,
        approval: approvals.get(r.id) ?? { state: 'not_required', byName: null, at: null, reason: null, excluded: [] },
      };
    });
  }
}

function fileName(row: { case_no: string; template: string }, suffix: string): string {
  return `kaiji-${row.case_no}-${row.template}${suffix}.pdf`;
}
