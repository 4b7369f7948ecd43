import type { Kysely } from 'kysely';
import type { TrackingStatus } from '@shared/contract';
import { acceptTrackingNumber } from './accept-tracking-number';
import type { InboundMailEntry, MailDeliveryRecorded, MailLogEntry, MailLogPage, OutboundMailItem } from '@shared/contract/mail-types';
import { isoDateInJapan } from '@shared/domain/dates';
import { proofAvailable, tracked, type DeliveryMethod, type OutboundMethod } from '@shared/domain/mail';
import { KaijiError, dateOrderError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { CaseService } from '../cases/case-service';
import type { Database } from '../vault/schema';
import type { MailItemsTable } from './schema';
import { caseSnapshot } from '../lifecycle/case-snapshot';
import { owesNothing } from '@shared/domain/obligations';
import type { CaseState } from '@shared/domain/case-state';
import { newRowId } from '../core/row-id';

/** States a delivery may end: answered, refused or withdrawn (not deficient: that waits for the set). */
const CLOSES_ON_DELIVERY: readonly string[] = ['responding', 'refused', 'withdrawn'];

export interface LogOutboundInput {
  caseId: string;
  letterId?: string;
  method: OutboundMethod;
  trackingNumber?: string;
  trackingOverrideReason?: string;
  proofRequested: boolean;
  sentOn: string;
  closesCase: boolean;
}

export interface MailListFilter {
  direction: 'all' | 'inbound' | 'outbound';
  awaitingProof: boolean;
  caseId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

type ItemRow = MailItemsTable & { case_no: string };

const FIELD = {
  sentOn: { fieldJa: '差出日', fieldEn: 'sending date' },
  deliveredOn: { fieldJa: '配達日', fieldEn: 'delivery date' },
  proofReceivedOn: { fieldJa: '配達証明の受領日', fieldEn: 'proof-of-delivery date' },
  returnedOn: { fieldJa: '返送日', fieldEn: 'return date' },
} as const;

/**
 * The registered-mail log (M1, M2): inbound envelopes (logged at intake, read-only here) and the
 * letters the office sends, with their tracking numbers, delivery and proof of delivery.
 */
export class MailLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly cases: CaseService,
    private readonly now: () => Date,
  ) {}

  private today(): string {
    return isoDateInJapan(this.now());
  }

  /** M2: one outbound item. Tracking numbers are checked as at intake (M1); a wrong one needs a reason. */
  async logOutbound(actor: Actor, input: LogOutboundInput): Promise<OutboundMailItem> {
    if (input.sentOn > this.today()) throw new KaijiError('DATE_IN_FUTURE', FIELD.sentOn);
    if (input.proofRequested && !proofAvailable(input.method)) throw new KaijiError('MAIL_PROOF_NOT_AVAILABLE');
    const tracking = acceptTrackingNumber(input.trackingNumber, input.trackingOverrideReason);
    return this.db.transaction().execute(async (trx) => {
      const kase = await trx.selectFrom('cases').select(['id', 'case_no']).where('id', '=', input.caseId).executeTakeFirst();
      if (!kase) throw new KaijiError('NOT_FOUND');
      const row: MailItemsTable = {
        id: newRowId(),
        case_id: kase.id,
        letter_id: input.letterId ?? null,
        method: input.method,
        tracking_no: tracking.number,
        tracking_status: tracking.status,
        tracking_override_reason: tracking.status === 'overridden' ? input.trackingOverrideReason!.trim() : null,
        proof_requested: input.proofRequested ? 1 : 0,
        sent_on: input.sentOn,
        delivered_on: null,
        proof_received_on: null,
        returned_on: null,
        closes_case: input.closesCase ? 1 : 0,
        note: '',
        created_by: actor.id,
        created_at: this.now().toISOString(),
      };
      await trx.insertInto('mail_items').values(row).execute();
      await this.audit.append(trx, actor, {
        action: 'mail.sent_logged',
        recordType: 'mail_item',
        recordId: row.id,
        summary: {
          caseNo: kase.case_no,
          method: row.method,
          trackingNumber: row.tracking_no,
          trackingStatus: row.tracking_status,
          proofRequested: input.proofRequested,
          sentOn: row.sent_on,
          closesCase: input.closesCase,
          ...(input.letterId ? { letterId: input.letterId } : {}),
        },
      });
      return toOutbound({ ...row, case_no: kase.case_no });
    });
  }

  /**
   * Delivery and/or proof of delivery (配達証明) came back. When the item carries the final
   * response (closes_case) and the case is `responding`, the case is closed in the same
   * transaction (CaseService.setStatusIn: its state rules, history and audit entry apply).
   */
  async recordDelivery(actor: Actor, id: string, input: { deliveredOn?: string; proofReceivedOn?: string }): Promise<MailDeliveryRecorded> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.row(trx, id);
      if (row.returned_on) throw closed('returned');
      const deliveredOn = input.deliveredOn ?? row.delivered_on ?? undefined;
      if (input.proofReceivedOn !== undefined && row.proof_requested !== 1) throw new KaijiError('MAIL_PROOF_NOT_AVAILABLE');
      for (const [key, date] of [['deliveredOn', input.deliveredOn], ['proofReceivedOn', input.proofReceivedOn]] as const) {
        if (date === undefined) continue;
        if (date > this.today()) throw new KaijiError('DATE_IN_FUTURE', FIELD[key]);
        if (date < row.sent_on) throw dateOrderError(FIELD[key], FIELD.sentOn);
      }
      if (input.proofReceivedOn !== undefined && deliveredOn !== undefined && input.proofReceivedOn < deliveredOn) {
        throw dateOrderError(FIELD.proofReceivedOn, FIELD.deliveredOn);
      }
      const values = {
        delivered_on: input.deliveredOn ?? row.delivered_on,
        proof_received_on: input.proofReceivedOn ?? row.proof_received_on,
      };
      await trx.updateTable('mail_items').set(values).where('id', '=', id).execute();
      await this.audit.append(trx, actor, {
        action: 'mail.delivery_recorded',
        recordType: 'mail_item',
        recordId: id,
        summary: { caseNo: row.case_no, ...(input.deliveredOn ? { deliveredOn: input.deliveredOn } : {}), ...(input.proofReceivedOn ? { proofReceivedOn: input.proofReceivedOn } : {}) },
      });
      // R1 (#10): a delivery closes the case once nothing at all is owed any more, whichever
      // letter it was (one K2 answer still out keeps the case open).
      let caseClosed = false;
      const kase = await trx.selectFrom('cases').select('status').where('id', '=', row.case_id).executeTakeFirst();
      if (kase && CLOSES_ON_DELIVERY.includes(kase.status)) {
        const snapshot = await caseSnapshot(trx, row.case_id, { state: 'closed', closedFrom: kase.status as CaseState });
        if (owesNothing(snapshot)) {
          await this.cases.setStatusIn(trx, actor, row.case_id, 'closed', '回答書の配達を確認 / response delivered (M2)');
          caseClosed = true;
        }
      }
      return { item: toOutbound({ ...row, ...values }), caseClosed };
    });
  }

  /** The item came back undelivered (宛所不明, 保管期間経過 ...). */
  async markReturned(actor: Actor, id: string, input: { returnedOn: string }): Promise<OutboundMailItem> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.row(trx, id);
      if (row.returned_on) throw closed('returned');
      if (row.delivered_on) throw closed('delivered');
      if (input.returnedOn > this.today()) throw new KaijiError('DATE_IN_FUTURE', FIELD.returnedOn);
      if (input.returnedOn < row.sent_on) throw dateOrderError(FIELD.returnedOn, FIELD.sentOn);
      await trx.updateTable('mail_items').set({ returned_on: input.returnedOn }).where('id', '=', id).execute();
      await this.audit.append(trx, actor, {
        action: 'mail.returned_undelivered',
        recordType: 'mail_item',
        recordId: id,
        summary: { caseNo: row.case_no, returnedOn: input.returnedOn },
      });
      return toOutbound({ ...row, returned_on: input.returnedOn });
    });
  }

  /**
   * Inbound and outbound in one list, newest first, paged (#13 item 1). Each side is read in
   * the merged order (date, then logged time, then id: unique), its first offset + limit rows
   * are merged and the page cut from them; the total is both sides' counts. Viewing is audited
   * (counts only).
   */
  async list(actor: Actor, f: MailListFilter): Promise<MailLogPage> {
    const take = f.offset + f.limit;
    const withInbound = f.direction !== 'outbound' && !f.awaitingProof;
    const withOutbound = f.direction !== 'inbound';
    const merged: (MailLogEntry & { _at: string; _created: string })[] = [];
    let total = 0;
    if (withInbound) {
      merged.push(...(await this.inbound(f, take)));
      total += Number((await this.inboundQuery(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    }
    if (withOutbound) {
      merged.push(...(await this.outbound(f, take)));
      total += Number((await this.outboundQuery(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    }
    merged.sort((a, b) => b._at.localeCompare(a._at) || b._created.localeCompare(a._created) || b.direction.localeCompare(a.direction) || b.id.localeCompare(a.id));
    const entries = merged.slice(f.offset, take).map(({ _at, _created, ...e }) => e as MailLogEntry);
    await this.audit.append(this.db, actor, {
      action: 'mail.listed',
      recordType: 'mail_item',
      summary: { direction: f.direction, awaitingProof: f.awaitingProof, count: entries.length },
    });
    return { entries, total };
  }

  private outboundQuery(f: MailListFilter) {
    let q = this.db.selectFrom('mail_items').innerJoin('cases', 'cases.id', 'mail_items.case_id');
    if (f.awaitingProof) {
      q = q.where('mail_items.proof_requested', '=', 1).where('mail_items.proof_received_on', 'is', null).where('mail_items.returned_on', 'is', null);
    }
    if (f.caseId) q = q.where('mail_items.case_id', '=', f.caseId);
    if (f.from) q = q.where('mail_items.sent_on', '>=', f.from);
    if (f.to) q = q.where('mail_items.sent_on', '<=', f.to);
    return q;
  }

  private async outbound(f: MailListFilter, take: number): Promise<(OutboundMailItem & { _at: string; _created: string })[]> {
    const rows = await this.outboundQuery(f)
      .selectAll('mail_items')
      .select('cases.case_no')
      .orderBy('mail_items.sent_on', 'desc')
      .orderBy('mail_items.created_at', 'desc')
      .orderBy('mail_items.id', 'desc')
      .limit(take)
      .execute();
    return rows.map((r) => ({ ...toOutbound(r), _at: r.sent_on, _created: r.created_at }));
  }

  private inboundQuery(f: MailListFilter) {
    let q = this.db.selectFrom('envelopes').where((eb) => eb.or([eb('tracking_no', 'is not', null), eb('delivery', 'in', [...tracked])]));
    if (f.caseId) {
      const caseId = f.caseId;
      q = q.where('id', 'in', (eb) => eb.selectFrom('case_envelopes').select('envelope_id').where('case_id', '=', caseId));
    }
    if (f.from) q = q.where('arrived_on', '>=', f.from);
    if (f.to) q = q.where('arrived_on', '<=', f.to);
    return q;
  }

  /** M1: envelopes that came by a tracked method or with a tracking number. */
  private async inbound(f: MailListFilter, take: number): Promise<(InboundMailEntry & { _at: string; _created: string })[]> {
    const rows = await this.inboundQuery(f).selectAll().orderBy('arrived_on', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(take).execute();
    if (rows.length === 0) return [];
    const links = await this.db
      .selectFrom('case_envelopes')
      .innerJoin('cases', 'cases.id', 'case_envelopes.case_id')
      .select(['case_envelopes.envelope_id', 'cases.id', 'cases.case_no'])
      .where('case_envelopes.envelope_id', 'in', rows.map((r) => r.id))
      .orderBy('cases.case_no')
      .execute();
    return rows.map((r) => {
      const own = links.filter((l) => l.envelope_id === r.id);
      return {
        direction: 'inbound',
        id: r.id,
        date: r.arrived_on,
        method: r.delivery as DeliveryMethod,
        trackingNumber: r.tracking_no,
        trackingStatus: r.tracking_status as TrackingStatus,
        caseIds: own.map((l) => l.id),
        caseNos: own.map((l) => l.case_no),
        _at: r.arrived_on,
        _created: r.created_at,
      };
    });
  }

  private async row(db: Kysely<Database>, id: string): Promise<ItemRow> {
    const row = await db
      .selectFrom('mail_items')
      .innerJoin('cases', 'cases.id', 'mail_items.case_id')
      .selectAll('mail_items')
      .select('cases.case_no')
      .where('mail_items.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    return row;
  }
}

function toOutbound(r: ItemRow): OutboundMailItem {
  return {
    direction: 'outbound',
    id: r.id,
    caseId: r.case_id,
    caseNo: r.case_no,
    letterId: r.letter_id,
    method: r.method as OutboundMethod,
    trackingNumber: r.tracking_no,
    trackingStatus: r.tracking_status as TrackingStatus,
    trackingOverrideReason: r.tracking_override_reason,
    proofRequested: r.proof_requested === 1,
    sentOn: r.sent_on,
    deliveredOn: r.delivered_on,
    proofReceivedOn: r.proof_received_on,
    returnedOn: r.returned_on,
    closesCase: r.closes_case === 1,
    awaitingProof: r.proof_requested === 1 && r.proof_received_on === null && r.returned_on === null,
  };
}

function closed(state: 'returned' | 'delivered'): KaijiError {
  return state === 'returned'
    ? new KaijiError('MAIL_ITEM_CLOSED', { stateJa: '返送（不着）', stateEn: 'returned undelivered' })
    : new KaijiError('MAIL_ITEM_CLOSED', { stateJa: '配達済み', stateEn: 'delivered' });
}
