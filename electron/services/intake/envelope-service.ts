import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChannelParsed, Envelope, EnvelopeLogged, TrackingStatus } from '@shared/contract';
import { isoDateInJapan } from '@shared/domain/dates';
import type { DeliveryMethod } from '@shared/domain/mail';
import { checkTrackingNumber } from '@shared/domain/tracking-number';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { CaseService } from '../cases/case-service';
import type { Database, EnvelopesTable } from '../vault/schema';

export type LogEnvelopeInput = ChannelParsed<'envelopes.log'>;

/**
 * The day's mail (I1, I2, M1): each envelope is logged on arrival, and every
 * application in it becomes a case whose clock starts on the arrival date (I5).
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
    const tracking = this.tracking(input.trackingNumber, input.trackingOverrideReason);
    const row: EnvelopesTable = {
      id: randomUUID(),
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
      for (let i = 0; i < input.applications; i++) {
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
        },
      });
      return { envelope: toEnvelope(row, cases.map((c) => c.caseNo)), cases };
    });
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

  /** M1: a wrong check digit is refused unless staff give a reason to keep it as written. */
  private tracking(input: string | undefined, overrideReason: string | undefined): { number: string | null; status: TrackingStatus } {
    if (!input?.trim()) return { number: null, status: 'none' };
    const check = checkTrackingNumber(input);
    if (check.valid) return { number: check.normalized, status: check.checkDigit ? 'valid' : 'unchecked' };
    if (overrideReason?.trim()) return { number: check.normalized, status: 'overridden' };
    throw new KaijiError('TRACKING_NUMBER_INVALID', {
      number: check.normalized,
      whyJa: check.reason === 'check_digit' ? `最後の桁は ${check.expected} のはずです` : '桁数または形式が違います',
      whyEn: check.reason === 'check_digit' ? `the last digit should be ${check.expected}` : 'wrong length or format',
      reason: check.reason,
      ...(check.expected ? { expected: check.expected } : {}),
    });
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
