import type { Kysely } from 'kysely';
import type { RequestKind } from '@shared/domain/page-kind';
import { checklistOf, type Checklist } from '@shared/domain/verification';
import type { AgentProofType } from '@shared/domain/verification/agents';
import type { IdDocument, IdDocumentType } from '@shared/domain/verification/identity-documents';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { CaseFileService } from '../cases/case-file';
import type { CaseDocumentsTable, Database } from '../vault/schema';

/**
 * "Can we accept this application?": the shared rules run over what the case holds — the
 * form's fields, the documents staff recorded, earlier requests of the same person. Money
 * orders join when the fee ledger records them; until then none are counted.
 */
export class ChecklistService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly caseFiles: CaseFileService,
  ) {}

  async checklist(actor: Actor, caseId: string): Promise<Checklist> {
    const exists = await this.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
    if (!exists) throw new KaijiError('NOT_FOUND');
    const [fields, docs, earlier] = await Promise.all([
      this.fieldValues(caseId),
      this.db.selectFrom('case_documents').selectAll().where('case_id', '=', caseId).execute(),
      this.caseFiles.earlierCasesOf(caseId),
    ]);
    const earlierCases = await Promise.all(
      earlier.map(async (c) => ({ caseNo: c.caseNo, receivedOn: c.receivedOn, kinds: kindsOf(await this.fieldValues(c.id)), outcome: c.status })),
    );
    const checklist = checklistOf({
      fields,
      subjectIds: docs.filter((d) => d.party === 'subject' && d.kind === 'id').map(toIdDocument),
      agentIds: docs.filter((d) => d.party === 'agent' && d.kind === 'id').map(toIdDocument),
      agentProofs: docs.filter((d) => d.kind === 'agent_proof').map((d) => ({ type: d.type as AgentProofType, issuedOn: d.issued_on ?? undefined })),
      moneyOrders: [],
      earlierCases,
    });
    await this.audit.append(this.db, actor, {
      action: 'case.checked',
      recordType: 'case',
      recordId: caseId,
      summary: { overall: checklist.overall, results: checklist.results.map((r) => [r.ruleId, r.status]) },
    });
    return checklist;
  }

  private async fieldValues(caseId: string): Promise<Record<string, string>> {
    const rows = await this.db.selectFrom('case_fields').select(['field', 'value']).where('case_id', '=', caseId).execute();
    return Object.fromEntries(rows.map((r) => [r.field, r.value]));
  }
}

function kindsOf(fields: Record<string, string>): RequestKind[] {
  return (['K1', 'K2', 'K3', 'K4', 'K5', 'K6'] as const).filter((k) => fields[`request.${k.toLowerCase()}`] === 'true');
}

function toIdDocument(d: CaseDocumentsTable): IdDocument {
  return {
    type: d.type as IdDocumentType,
    name: d.name,
    address: d.address,
    birthDate: d.birth_date ?? undefined,
    issuedOn: d.issued_on ?? undefined,
    validUntil: d.valid_until ?? undefined,
  };
}
