import type { Kysely, Transaction } from 'kysely';
import { acceptTrackingNumber } from '../mail/accept-tracking-number';
import type { CaseSummary, ChannelParsed, Envelope, EnvelopeLogged, TrackingStatus } from '@shared/contract';
import { isoDateInJapan } from '@shared/domain/dates';
import type { DeliveryMethod } from '@shared/domain/mail';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { CaseService } from '../cases/case-service';
import type { Database, EnvelopesTable } from '../vault/schema';
import { newRowId } from '../core/row-id';

export type LogEnvelopeInput = ChannelParsed<'envelopes.log'>;

/**
 * The day's mail (I1, I2, M1): each envelope is logged on arrival, and every
 * application in it becomes a case whose clock starts on the arrival date (I5) — unless the
 * envelope is the re-sent set of a deficient case (I4), which it rejoins.
 */
export class EnvelopeService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly cases: CaseService,
    private readonly now: () => Date,
  ) {}

  async log(actor: Actor, input: LogEnvelopeInput): Promise<EnvelopeLogged> {
    if (input.arrivedOn > isoDateInJapan(this.now())) {
      throw new KaijiError('DATE_IN_FUTURE', { fieldJa: '到着日', fieldEn: 'arrival date' });
    }
    const tracking = acceptTrackingNumber(input.trackingNumber, input.trackingOverrideReason);
    const row: EnvelopesTable = {
      id: newRowId(),
      arrived_on: input.arrivedOn,
      delivery: input.delivery,
      tracking_no: tracking.number,
      tracking_status: tracking.status,
      tracking_override_reason: tracking.status === 'overridden' ? input.trackingOverrideReason! : null,
      red_marking: input.redMarking ? 1 : 0,
      sender_name: input.senderName,
      sender_address: input.senderAddress,
      note: input.note,
      created_by: actor.id,
      created_at: this.now().toISOString(),
    };
    return this.db.transaction().execute(async (trx) => {
      await trx.insertInto('envelopes').values(row).execute();
      const cases = [];
      if (input.resubmissionFor) {
        cases.push(await this.attachResubmission(trx, actor, row.id, input.resubmissionFor));
      }
      for (let i = 0; i < (input.resubmissionFor ? 0 : input.applications); i++) {
        // The subject is filled in from the scanned application (or by hand) afterwards.
        const c = await this.cases.insertIn(trx, actor, { receivedOn: input.arrivedOn, subjectName: '', subjectKana: '' });
        await trx.insertInto('case_envelopes').values({ case_id: c.id, envelope_id: row.id }).execute();
        cases.push(c);
      }
      await this.audit.append(trx, actor, {
        action: 'envelope.logged',
        recordType: 'envelope',
        recordId: row.id,
        summary: {
          arrivedOn: row.arrived_on,
          delivery: row.delivery,
          trackingNumber: row.tracking_no,
          trackingStatus: row.tracking_status,
          redMarking: input.redMarking,
          caseNos: cases.map((c) => c.caseNo),
          ...(input.resubmissionFor ? { resubmissionFor: input.resubmissionFor } : {}),
        },
      });
      return { envelope: toEnvelope(row, cases.map((c) => c.caseNo)), cases };
    });
  }

  /**
   * I4: the envelope holds the whole re-sent set of a case waiting in `deficient`. It joins
   * that case (no new case), and the case goes back to `checking` through setStatusIn, which
   * writes the history and resolves the stored deficiency (the checklist then judges only
   * the new set, ChecklistService.currentSetStart).
   */
  async attachResubmission(trx: Transaction<Database>, actor: Actor, envelopeId: string, caseId: string): Promise<CaseSummary> {
    const c = await trx.selectFrom('cases').select(['case_no', 'status']).where('id', '=', caseId).executeTakeFirst();
    if (!c) throw new KaijiError('NOT_FOUND');
    if (c.status !== 'deficient') throw new KaijiError('NOT_WAITING_FOR_RESUBMISSION', { caseNo: c.case_no });
    await trx.insertInto('case_envelopes').values({ case_id: caseId, envelope_id: envelopeId }).execute();
    return this.cases.setStatusIn(trx, actor, caseId, 'checking', undefined, { envelopeId });
  }

  async get(id: string): Promise<Envelope | undefined> {
    const row = await this.db.selectFrom('envelopes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const links = await this.db
      .selectFrom('case_envelopes')
      .innerJoin('cases', 'cases.id', 'case_envelopes.case_id')
      .select('cases.case_no')
      .where('case_envelopes.envelope_id', '=', id)
      .orderBy('cases.case_no')
      .execute();
    return toEnvelope(row, links.map((l) => l.case_no));
  }

  async list(actor: Actor, q: { from?: string; to?: string; limit: number }): Promise<Envelope[]> {
    let query = this.db.selectFrom('envelopes').selectAll();
    if (q.from) query = query.where('arrived_on', '>=', q.from);
    if (q.to) query = query.where('arrived_on', '<=', q.to);
    const rows = await query.orderBy('arrived_on', 'desc').orderBy('created_at', 'desc').limit(q.limit).execute();
    if (rows.length === 0) return [];
    const links = await this.db
      .selectFrom('case_envelopes')
      .innerJoin('cases', 'cases.id', 'case_envelopes.case_id')
      .select(['case_envelopes.envelope_id', 'cases.case_no'])
      .where('case_envelopes.envelope_id', 'in', rows.map((r) => r.id))
      .orderBy('cases.case_no')
      .execute();
    await this.audit.append(this.db, actor, { action: 'envelope.listed', recordType: 'envelope', summary: { count: rows.length } });
    return rows.map((r) =>
      toEnvelope(
        r,
        links.filter((l) => l.envelope_id === r.id).map((l) => l.case_no),
      ),
    );
  }
}

function toEnvelope(row: EnvelopesTable, caseNos: string[]): Envelope {
  return {
    id: row.id,
    arrivedOn: row.arrived_on,
    delivery: row.delivery as DeliveryMethod,
    trackingNumber: row.tracking_no,
    trackingStatus: row.tracking_status as TrackingStatus,
    trackingOverrideReason: row.tracking_override_reason,
    redMarking: row.red_marking === 1,
    senderName: row.sender_name,
    senderAddress: row.sender_address,
    note: row.note,
    createdAt: row.created_at,
    caseNos,
  };
}
