import type { Kysely } from 'kysely';
import { isoDateInJapan } from '@shared/domain/dates';
import { checklistOf, type Checklist } from '@shared/domain/verification';
import { requestedKinds } from '@shared/domain/verification/fees';
import type { AgentProofType } from '@shared/domain/verification/agents';
import type { FieldValues } from '@shared/domain/verification/completeness';
import type { IdDocument, IdDocumentType } from '@shared/domain/verification/identity-documents';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { CaseFileService } from '../cases/case-file';
import { feeOrdersOf } from '../fees/fee-orders';
import { resubmittedOn } from './resubmitted-on';
import type { SettingsService } from '../settings/settings-service';
import type { CaseDocumentsTable, Database } from '../vault/schema';

/** The checklist together with the form values it judged (the deficiency list needs both). */
export interface ComputedChecklist {
  checklist: Checklist;
  fields: FieldValues;
}

/**
 * "Can we accept this application?": the shared rules run over what the case holds — the
 * form's fields, the documents staff recorded, earlier requests of the same person (R3).
 * After a re-submission (I4) only the new set counts: see currentSetStart.
 */
export class ChecklistService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly caseFiles: CaseFileService,
    private readonly settings: SettingsService,
  ) {}

  /** The checklist as staff see it; looking at it is audited like any view of the case. */
  async checklist(actor: Actor, caseId: string): Promise<Checklist> {
    const { checklist } = await this.compute(caseId);
    await this.audit.append(this.db, actor, {
      action: 'case.checked',
      recordType: 'case',
      recordId: caseId,
      summary: { overall: checklist.overall, results: checklist.results.map((r) => [r.ruleId, r.status]) },
    });
    return checklist;
  }

  /**
   * The checklist without side effects. `db` may be the caller's transaction (a deficiency
   * decision stores the list computed inside the same transaction as the status change).
   */
  async compute(caseId: string, db: Kysely<Database> = this.db): Promise<ComputedChecklist> {
    const exists = await db.selectFrom('cases').select(['id', 'received_on']).where('id', '=', caseId).executeTakeFirst();
    if (!exists) throw new KaijiError('NOT_FOUND');
    const since = await this.currentSetStart(caseId, db);
    const [fields, docs, earlier, settings] = await Promise.all([
      fieldValues(db, caseId),
      this.currentDocuments(db, caseId, since),
      this.caseFiles.earlierCasesOf(caseId, db),
      this.settings.get(db),
    ]);
    // One query for the ticked kinds of every earlier case (R3), not one per case.
    const kindFields = await kindFieldsOf(db, earlier.map((c) => c.id));
    const earlierCases = earlier.map((c) => ({ caseNo: c.caseNo, receivedOn: c.receivedOn, kinds: requestedKinds(kindFields.get(c.id) ?? {}), outcome: c.status }));
    // I4: a re-sent set is judged from the day its envelope arrived (the attach day without one).
    const resentOn = since === null ? undefined : await resubmittedOn(db, caseId, since);
    const checklist = checklistOf({
      fields,
      receivedOn: since === null ? exists.received_on : resentOn,
      subjectIds: docs.filter((d) => d.party === 'subject' && d.kind === 'id').map(toIdDocument),
      agentIds: docs.filter((d) => d.party === 'agent' && d.kind === 'id').map(toIdDocument),
      agentProofs: docs.filter((d) => d.kind === 'agent_proof').map((d) => ({ type: d.type as AgentProofType, issuedOn: d.issued_on ?? undefined, suggested: d.suggested === 1 })),
      // F1/F3: the money orders of the current set (since `since`) that pay the fee, from the ledger.
      moneyOrders: await feeOrdersOf(db, caseId, since === null ? null : (resentOn ?? isoDateInJapan(new Date(since)))),
      earlierCases,
      repeatPeriodMonths: settings.repeatPeriodMonths,
      enclosedPages: await enclosedPagesOf(db, caseId),
    });
    return { checklist, fields };
  }

  /**
   * I4: when the set being judged started — the moment the latest re-sent set was attached
   * (ISO timestamp), or null while the case still holds its first set. Documents and money
   * orders from before this moment belong to the rejected set and never count again.
   */
  async currentSetStart(caseId: string, db: Kysely<Database> = this.db): Promise<string | null> {
    const row = await db
      .selectFrom('case_deficiencies')
      .select('resolved_at')
      .where('case_id', '=', caseId)
      .where('resolved_at', 'is not', null)
      .orderBy('resolved_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.resolved_at ?? null;
  }

  /**
   * The recorded documents of the current set: all of them for a first set; after a
   * re-submission, those recorded for pages of the re-sent envelope or recorded since.
   */
  private async currentDocuments(db: Kysely<Database>, caseId: string, since: string | null): Promise<CaseDocumentsTable[]> {
    let q = db.selectFrom('case_documents').selectAll().where('case_id', '=', caseId);
    if (since !== null) {
      q = q.where((eb) =>
        eb.or([
          eb('recorded_at', '>=', since),
          eb(
            'page_id',
            'in',
            eb
              .selectFrom('pages')
              .select('pages.id')
              .where(
                'pages.envelope_id',
                'in',
                eb
                  .selectFrom('case_deficiencies')
                  .select('resolved_envelope_id')
                  .where('case_id', '=', caseId)
                  .where('resolved_at', '=', since)
                  .where('resolved_envelope_id', 'is not', null)
                  .$narrowType<{ resolved_envelope_id: string }>(),
              ),
          ),
        ]),
      );
    }
    return q.orderBy('recorded_at').execute();
  }
}

async function fieldValues(db: Kysely<Database>, caseId: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom('case_fields').select(['field', 'value']).where('case_id', '=', caseId).execute();
  return Object.fromEntries(rows.map((r) => [r.field, r.value]));
}

/** The request.k1..k6 fields of several cases, by case. */
async function kindFieldsOf(db: Kysely<Database>, caseIds: readonly string[]): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  if (caseIds.length === 0) return out;
  const rows = await db.selectFrom('case_fields').select(['case_id', 'field', 'value']).where('case_id', 'in', caseIds).where('field', 'like', 'request.k_').execute();
  for (const r of rows) out.set(r.case_id, { ...out.get(r.case_id), [r.field]: r.value });
  return out;
}

function toIdDocument(d: CaseDocumentsTable): IdDocument {
  return {
    type: d.type as IdDocumentType,
    name: d.name,
    address: d.address,
    birthDate: d.birth_date ?? undefined,
    issuedOn: d.issued_on ?? undefined,
    validUntil: d.valid_until ?? undefined,
    suggested: d.suggested === 1,
  };
}

/** Pages classed as ID document / money order in the case (#10 item 7: enclosed, maybe not recorded yet). */
async function enclosedPagesOf(db: Kysely<Database>, caseId: string): Promise<{ idDocument: number; moneyOrder: number }> {
  const rows = await db
    .selectFrom('pages')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('case_id', '=', caseId)
    .where('kind', 'in', ['id_document', 'money_order'])
    .where('trashed_at', 'is', null)
    .groupBy('kind')
    .execute();
  const n = (k: string) => Number(rows.find((r) => r.kind === k)?.n ?? 0);
  return { idDocument: n('id_document'), moneyOrder: n('money_order') };
}
