import type { Kysely, Transaction } from 'kysely';
import type { IdReading } from '@shared/domain/id-reading';
import { nameKey } from '@shared/domain/names';
import type { CaseDocument } from '@shared/contract';
import { parseJapaneseDate } from '@shared/domain/era';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { CaseDocumentsTable, Database } from '../vault/schema';
import { newRowId } from '../core/row-id';

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
      id: newRowId(),
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
      suggested: 0,
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

  /**
   * An ID copy or agent proof read at import (issue 12 item 3) becomes a suggested record inside
   * the import's transaction: the checklist flags it at once, staff confirm it value by value.
   * The party is the agent when the name read matches the agent's name on the form. Documents
   * the guidance does not accept (My Number card, notification card) are not recorded: the
   * page still gets its mask suggestion. Returns the new record's id, or null.
   */
  async suggestIn(trx: Transaction<Database>, actor: Actor, caseId: string, pageId: string, reading: IdReading): Promise<string | null> {
    if (reading.kind === 'not_accepted') return null;
    const earlier = await trx.selectFrom('case_documents').select(['id', 'case_id', 'suggested']).where('page_id', '=', pageId).executeTakeFirst();
    if (earlier && (earlier.case_id === caseId || earlier.suggested !== 1)) return null; // one record per page; staff's is never overridden
    if (earlier) {
      // The page moved to another case: its unconfirmed suggestion goes with it.
      await trx.deleteFrom('case_documents').where('id', '=', earlier.id).execute();
      await this.audit.append(trx, actor, { action: 'document.removed', recordType: 'case', recordId: earlier.case_id, summary: { documentId: earlier.id, type: reading.type } });
    }
    const agentName = await trx.selectFrom('case_fields').select('value').where('case_id', '=', caseId).where('field', '=', 'agent.name').executeTakeFirst();
    const isAgent = reading.kind === 'agent_proof' || (!!agentName?.value.trim() && !!reading.name && nameKey(agentName.value) === nameKey(reading.name));
    const row: CaseDocumentsTable = {
      id: newRowId(),
      case_id: caseId,
      page_id: pageId,
      party: isAgent ? 'agent' : 'subject',
      kind: reading.kind,
      type: reading.type,
      name: reading.name ?? '',
      address: reading.address ?? '',
      birth_date: reading.birthDate ?? null,
      issued_on: reading.issuedOn ?? null,
      valid_until: reading.validUntil ?? null,
      recorded_by: null,
      recorded_at: this.now().toISOString(),
      suggested: 1,
    };
    await trx.insertInto('case_documents').values(row).execute();
    await this.audit.append(trx, actor, {
      action: 'document.suggested',
      recordType: 'case',
      recordId: caseId,
      summary: { documentId: row.id, pageId, party: row.party, type: row.type },
    });
    return row.id;
  }

  /**
   * Staff confirm a suggested record, correcting any value on the way (omitted values keep
   * what was read). From then on it counts like a typed record.
   */
  async confirm(actor: Actor, id: string, values: Partial<Pick<NewCaseDocument, 'name' | 'address' | 'birthDate' | 'issuedOn' | 'validUntil' | 'type' | 'party'>>): Promise<CaseDocument> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('case_documents').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new KaijiError('NOT_FOUND');
      const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => values[k] !== undefined);
      const next: CaseDocumentsTable = {
        ...row,
        type: values.type ?? row.type,
        party: values.party ?? row.party,
        name: values.name ?? row.name,
        address: values.address ?? row.address,
        birth_date: values.birthDate !== undefined ? date(values.birthDate, 'birthDate') : row.birth_date,
        issued_on: values.issuedOn !== undefined ? date(values.issuedOn, 'issuedOn') : row.issued_on,
        valid_until: values.validUntil !== undefined ? date(values.validUntil, 'validUntil') : row.valid_until,
        recorded_by: actor.id,
        suggested: 0,
      };
      await trx
        .updateTable('case_documents')
        .set({ type: next.type, party: next.party, name: next.name, address: next.address, birth_date: next.birth_date, issued_on: next.issued_on, valid_until: next.valid_until, recorded_by: next.recorded_by, suggested: 0 })
        .where('id', '=', id)
        .execute();
      await this.audit.append(trx, actor, { action: 'document.confirmed', recordType: 'case', recordId: row.case_id, summary: { documentId: id, type: next.type, corrected: changed } });
      return toDocument(next);
    });
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
    suggested: row.suggested === 1,
  };
}
