import type { Kysely, Transaction } from 'kysely';
import type { LetterRecipient } from '@shared/contract/letters-types';
import type { KindDecision } from '@shared/domain/decisions';
import { REFUSAL_GROUNDS, type LetterData, type LetterTemplateId, type MoneyOrderReturnReason, type RefusalGround } from '@shared/domain/letters/types';
import { isoDateInJapan } from '@shared/domain/dates';
import { WITHDRAWAL_WAYS, type WithdrawalWay } from '@shared/domain/obligations';
import { feeDue } from '@shared/domain/verification/fees';
import { KaijiError } from '@shared/errors';
import { confirmedProvisionRecords } from '../provisions/provision-service';
import type { DeficiencyService } from '../verification/deficiency-service';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../vault/schema';
import type { DecisionService } from './decision-service';
import { companyOf } from './letter-render';

type Db = Kysely<Database> | Transaction<Database>;

/** Money orders still in the office's hands (F4: received or lapsed, neither cashed nor returned). */
export const RETURNABLE_ORDER_STATES = ['received', 'lapsed'] as const;

export interface GatheredLetterData {
  data: LetterData;
  recipient: LetterRecipient;
  moneyOrderIds: string[];
}

/**
 * Everything a template may need for one case, read from the case file, the settings, the
 * decisions, the stored deficiency list (R5) and the money-order ledger (F4).
 */
export async function gatherLetterData(
  db: Db,
  deps: { settings: SettingsService; decisions: DecisionService; deficiencies: DeficiencyService },
  caseId: string,
  template: LetterTemplateId,
  to: 'subject' | 'agent',
): Promise<GatheredLetterData> {
  const c = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c) throw new KaijiError('NOT_FOUND');
  const fieldRows = await db.selectFrom('case_fields').select(['field', 'value']).where('case_id', '=', caseId).execute();
  const fields = new Map(fieldRows.map((f) => [f.field, f.value.trim()]));
  const settings = await deps.settings.get(db as Kysely<Database>);
  const company = companyOf(settings);
  // Item 6: only kinds a person confirmed are named (letters.create refuses while any is not).
  const requestedKinds = await deps.decisions.confirmedKinds(caseId, db);
  const decisions: KindDecision[] = (await deps.decisions.list(caseId, db)).map((d) => ({
    kind: d.kind,
    outcome: d.outcome,
    grounds: d.grounds,
    reasonText: d.reasonText,
    ...(d.alternativeMeasure ? { alternativeMeasure: d.alternativeMeasure } : {}),
    ...(d.enclosures.length ? { enclosures: d.enclosures } : {}),
  }));
  const recipient = recipientOf(c, fields, to);
  // A case's few orders are sorted here: on an office database the certificate number is sealed (#16).
  const orders =
    template === 'money_order_return' || template === 'refusal_notice' || template === 'withdrawal_ack'
      ? (
          await db
            .selectFrom('money_orders')
            .select(['id', 'certificate_no', 'face_value', 'received_on'])
            .where('case_id', '=', caseId)
            .where('state', 'in', [...RETURNABLE_ORDER_STATES])
            .execute()
        ).sort((a, b) => a.received_on.localeCompare(b.received_on) || (a.certificate_no < b.certificate_no ? -1 : a.certificate_no > b.certificate_no ? 1 : 0))
      : [];
  // The refusal's ground and reason, the withdrawal's way: stored with the status change.
  const change = template === 'refusal_notice' || template === 'withdrawal_ack'
    ? await db
        .selectFrom('case_status_changes')
        .select(['ground', 'reason', 'changed_at'])
        .where('case_id', '=', caseId)
        .where('to_state', '=', template === 'refusal_notice' ? 'refused' : 'withdrawn')
        .orderBy('changed_at', 'desc')
        .executeTakeFirst()
    : undefined;
  const changedOn = change ? isoDateInJapan(new Date(change.changed_at)) : '';
  const refusal = template === 'refusal_notice' && change
    ? { ground: ((REFUSAL_GROUNDS as readonly string[]).includes(change.ground ?? '') ? change.ground : 'not_liable') as RefusalGround, reasonText: change.reason ?? '', decidedOn: changedOn }
    : undefined;
  const withdrawal = template === 'withdrawal_ack' && change
    ? { via: ((WITHDRAWAL_WAYS as readonly string[]).includes(change.ground ?? '') ? change.ground : 'other') as WithdrawalWay, receivedOn: changedOn }
    : undefined;
  const stored = template === 'deficiency' ? await deps.deficiencies.latest(caseId, db as Kysely<Database>) : null;
  const deficiency = stored?.notice;
  // K6 from the register once a person confirmed the requester's records (T2).
  const provisionRecords = template === 'provision_records' ? await confirmedProvisionRecords(db, caseId) : undefined;
  const data: LetterData = {
    caseNo: c.case_no,
    recipient: { name: recipient.name, postalCode: recipient.postalCode, address: recipient.address },
    receivedOn: c.received_on,
    requestedKinds,
    decisions,
    ...(deficiency ? { deficiency } : {}),
    // R5: the administrator's own words go on the notice verbatim (issue #10 item 8).
    ...(stored?.reason ? { deficiencyReason: stored.reason } : {}),
    ...(refusal ? { refusal } : {}),
    ...(withdrawal ? { withdrawal } : {}),
    ...(provisionRecords ? { provisionRecords } : {}),
    ...(orders.length
      ? {
          moneyOrders: orders.map((o) => ({ certificateNo: o.certificate_no, faceValue: o.face_value })),
          moneyOrderReturnReason: returnReason(c.status, requestedKinds.length > 0 && feeDue(requestedKinds) === 0, orders.reduce((s, o) => s + o.face_value, 0)),
        }
      : {}),
    company,
  };
  return { data, recipient, moneyOrderIds: orders.map((o) => o.id) };
}

/** M2: to the data subject, or to the agent who applied, as given on the application. */
function recipientOf(c: Database['cases'], fields: Map<string, string>, to: 'subject' | 'agent'): LetterRecipient {
  if (to === 'agent' && fields.get('agent.name')) {
    return { name: fields.get('agent.name')!, postalCode: fields.get('agent.postalCode') ?? '', address: fields.get('agent.address') ?? '', honorific: '様' };
  }
  return {
    name: c.subject_name || fields.get('subject.name') || '',
    postalCode: fields.get('subject.postalCode') ?? '',
    address: fields.get('subject.address') || c.subject_address || '',
    honorific: '様',
  };
}

function returnReason(status: string, freeKindsOnly: boolean, total: number): MoneyOrderReturnReason {
  if (status === 'deficient' || status === 'checking' || status === 'received') return 'deficiency';
  if (status === 'withdrawn') return 'withdrawn';
  if (status === 'refused') return 'refused';
  if (freeKindsOnly) return 'fee_not_required';
  return total > 1000 ? 'excess' : 'refused';
}
