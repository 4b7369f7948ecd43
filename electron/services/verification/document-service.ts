import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CaseDocument } from '@shared/contract';
import { parseJapaneseDate } from '@shared/domain/era';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { CaseDocumentsTable, Database } from '../vault/schema';

export interface NewCaseDocument {
  pageId?: string;
  party: 'subject' | 'agent';
  kind: 'id' | 'agent_proof';
  type: string;
  name?: string;
  address?: string;
  /** Era dates (令和8年3月1日, R8.3.1) or ISO. */
  birthDate?: string;
  issuedOn?: string;
  validUntil?: string;
}

/**
 * What the clerk reads off each ID copy and agent proof. Numbers on the documents are not
 * recorded at all: the rules never need them, and D6 forbids keeping some of them.
 */
export class DocumentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  async record(actor: Actor, caseId: string, input: NewCaseDocument): Promise<CaseDocument> {
    const row: CaseDocumentsTable = {
      id: randomUUID(),
      case_id: caseId,
      page_id: input.pageId ?? null,
      party: input.party,
      kind: input.kind,
      type: input.type,
      name: input.name ?? '',
      address: input.address ?? '',
      birth_date: date(input.birthDate, 'birthDate'),
      issued_on: date(input.issuedOn, 'issuedOn'),
      valid_until: date(input.validUntil, 'validUntil'),
      recorded_by: actor.id,
      recorded_at: this.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
      if (!exists) throw new KaijiError('NOT_FOUND');
      await trx.insertInto('case_documents').values(row).execute();
      await this.audit.append(trx, actor, {
        action: 'document.recorded',
        recordType: 'case',
        recordId: caseId,
        summary: { documentId: row.id, party: row.party, type: row.type },
      });
    });
    return toDocument(row);
  }

  async list(caseId: string): Promise<CaseDocument[]> {
    const rows = await this.db.selectFrom('case_documents').selectAll().where('case_id', '=', caseId).orderBy('recorded_at').execute();
    return rows.map(toDocument);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('case_documents').select(['case_id', 'type']).where('id', '=', id).executeTakeFirst();
      if (!row) throw new KaijiError('NOT_FOUND');
      await trx.deleteFrom('case_documents').where('id', '=', id).execute();
      await this.audit.append(trx, actor, { action: 'document.removed', recordType: 'case', recordId: row.case_id, summary: { documentId: id, type: row.type } });
    });
  }
}

/** Dates are stored as ISO; anything unreadable is refused, naming the field (never the value). */
function date(value: string | undefined, field: string): string | null {
  if (!value?.trim()) return null;
  const iso = parseJapaneseDate(value);
  if (!iso) throw new KaijiError('INVALID_DATE', { field });
  return iso;
}

function toDocument(row: CaseDocumentsTable): CaseDocument {
  return {
    id: row.id,
    pageId: row.page_id,
    party: row.party as CaseDocument['party'],
    kind: row.kind as CaseDocument['kind'],
    type: row.type,
    name: row.name,
    address: row.address,
    birthDate: row.birth_date,
    issuedOn: row.issued_on,
    validUntil: row.valid_until,
    recordedAt: row.recorded_at,
  };
}
