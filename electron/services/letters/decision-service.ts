import type { Kysely, Transaction } from 'kysely';
import type { CaseDecision } from '@shared/contract/letters-types';
import { caseStateLabel } from '@shared/domain/case-state';
import { decisionProblem, type DecisionGround, type DecisionOutcome, type KindDecision } from '@shared/domain/decisions';
import type { RequestKind } from '@shared/domain/page-kind';
import { requestedKinds } from '@shared/domain/verification/fees';
import type { FieldName } from '@shared/domain/application-form';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { CaseService } from '../cases/case-service';
import type { Database } from '../vault/schema';
import type { CaseDecisionsTable } from './schema';
import { newRowId } from '../core/row-id';

type Db = Kysely<Database> | Transaction<Database>;

/** States in which the administrator may (re)decide: after acceptance, before the response went out. */
const DECIDABLE = new Set(['accepted', 'deciding']);

/** Runs inside the transaction that records a decision (e.g. K5 -> the do-not-provide list, T2). */
export type DecisionHook = (trx: Transaction<Database>, actor: Actor, caseId: string, decision: KindDecision, decidedAt: string) => Promise<void>;

/**
 * The administrator's decision per requested kind (R1-R4). One row per case and kind;
 * saving again replaces it (audited each time). The first decision starts `deciding`.
 */
export class DecisionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly cases: CaseService,
    private readonly now: () => Date,
  ) {}

  private readonly hooks: DecisionHook[] = [];

  addDecisionHook(hook: DecisionHook): void {
    this.hooks.push(hook);
  }

  async record(actor: Actor, caseId: string, input: KindDecision): Promise<CaseDecision> {
    const decision = normalise(input);
    const problem = decisionProblem(decision);
    if (problem) throw new KaijiError('DECISION_INVALID', { ja: problem.ja, en: problem.en });
    const saved = await this.db.transaction().execute(async (trx) => {
      const c = await trx.selectFrom('cases').select(['case_no', 'status']).where('id', '=', caseId).executeTakeFirst();
      if (!c) throw new KaijiError('NOT_FOUND');
      if (!DECIDABLE.has(c.status)) {
        const label = caseStateLabel(c.status);
        throw new KaijiError('DECISION_NOT_ALLOWED', { state: c.status, stateJa: label.ja, stateEn: label.en });
      }
      const kinds = await requestedKindsOf(trx, caseId);
      if (!kinds.includes(decision.kind)) throw new KaijiError('KIND_NOT_REQUESTED', { kind: decision.kind });
      // Item 6 (#10): a tick only OCR saw cannot be decided until a person confirms it.
      if (!(await confirmedKindsOf(trx, caseId)).includes(decision.kind)) throw new KaijiError('KINDS_UNCONFIRMED', { kinds: decision.kind });
      const earlier = await trx.selectFrom('case_decisions').select('id').where('case_id', '=', caseId).where('kind', '=', decision.kind).executeTakeFirst();
      const row: CaseDecisionsTable = {
        id: earlier?.id ?? newRowId(),
        case_id: caseId,
        kind: decision.kind,
        outcome: decision.outcome,
        grounds: JSON.stringify(decision.grounds),
        reason_text: decision.reasonText,
        alternative_measure: decision.alternativeMeasure ?? null,
        enclosures: JSON.stringify(decision.enclosures ?? []),
        decided_by: actor.id,
        decided_by_name: actor.name,
        decided_at: this.now().toISOString(),
      };
      if (earlier) await trx.updateTable('case_decisions').set(row).where('id', '=', earlier.id).execute();
      else await trx.insertInto('case_decisions').values(row).execute();
      // The reason text may name people: the trail keeps what was decided, not the words.
      await this.audit.append(trx, actor, {
        action: earlier ? 'decision.replaced' : 'decision.recorded',
        recordType: 'case',
        recordId: caseId,
        summary: { caseNo: c.case_no, kind: row.kind, outcome: row.outcome, grounds: decision.grounds },
      });
      for (const hook of this.hooks) await hook(trx, actor, caseId, decision, row.decided_at);
      // The first decision starts the deciding stage, in the same transaction.
      if (c.status === 'accepted') await this.cases.setStatusIn(trx, actor, caseId, 'deciding');
      return row;
    });
    return toDecision(saved);
  }

  async list(caseId: string, db: Db = this.db): Promise<CaseDecision[]> {
    const rows = await db.selectFrom('case_decisions').selectAll().where('case_id', '=', caseId).orderBy('kind').execute();
    return rows.map(toDecision);
  }

  /** The ticked kinds a person confirmed (item 6 of #10): the only ones a letter names. */
  confirmedKinds(caseId: string, db: Db = this.db): Promise<RequestKind[]> {
    return confirmedKindsOf(db, caseId);
  }

  /** The kinds ticked on the application (request.k1..k6), in K order. */
  requestedKinds(caseId: string, db: Db = this.db): Promise<RequestKind[]> {
    return requestedKindsOf(db, caseId);
  }
}

/** Ticked kinds a person typed or confirmed (no OCR confidence left, nothing to review). */
async function confirmedKindsOf(db: Db, caseId: string): Promise<RequestKind[]> {
  const rows = await db
    .selectFrom('case_fields')
    .select(['field', 'value'])
    .where('case_id', '=', caseId)
    .where('field', 'like', 'request.k%')
    .where('confidence', 'is', null)
    .where('needs_review', '=', 0)
    .execute();
  return requestedKinds(Object.fromEntries(rows.map((r) => [r.field as FieldName, r.value])));
}

async function requestedKindsOf(db: Db, caseId: string): Promise<RequestKind[]> {
  const rows = await db.selectFrom('case_fields').select(['field', 'value']).where('case_id', '=', caseId).where('field', 'like', 'request.k%').execute();
  return requestedKinds(Object.fromEntries(rows.map((r) => [r.field as FieldName, r.value])));
}

function normalise(d: KindDecision): KindDecision {
  const measure = d.alternativeMeasure?.trim();
  const enclosures = (d.enclosures ?? []).map((e) => e.trim()).filter(Boolean);
  return {
    kind: d.kind,
    outcome: d.outcome,
    grounds: [...new Set(d.grounds)],
    reasonText: d.reasonText.trim(),
    // Only meaningful where the rules allow them (R4: K4/K5; enclosures: K1/K6).
    ...(measure && (d.kind === 'K4' || d.kind === 'K5') ? { alternativeMeasure: measure } : {}),
    ...(enclosures.length > 0 && (d.kind === 'K1' || d.kind === 'K6') ? { enclosures } : {}),
  };
}

export function toDecision(r: CaseDecisionsTable): CaseDecision {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind as RequestKind,
    outcome: r.outcome as DecisionOutcome,
    grounds: JSON.parse(r.grounds) as DecisionGround[],
    reasonText: r.reason_text,
    ...(r.alternative_measure ? { alternativeMeasure: r.alternative_measure } : {}),
    enclosures: JSON.parse(r.enclosures) as string[],
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
  };
}
