import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { KindDecision } from '@shared/domain/decisions';
import { isoDateInJapan } from '@shared/domain/dates';
import type { ProvisionRecordLine } from '@shared/domain/letters/types';
import { nameKey } from '@shared/domain/names';
import {
  PROVISION_FIELD_LABELS,
  PROVISION_FIELDS,
  REQUIRED_PROVISION_FIELDS,
  checkProvision,
  fingerprintText,
  provisionRetentionUntil,
  readProvisionRow,
  recipientKey,
  samePerson,
  validateProvisionEntry,
  type ColumnMapping,
  type DoNotProvideEntry,
  type ProvisionBasis,
  type ProvisionEntryInput,
  type ProvisionField,
} from '@shared/domain/provisions';
import {
  MAX_LISTED_ROW_ERRORS,
  type DoNotProvideItem,
  type ImportRowError,
  type ProvisionCheckResult,
  type ProvisionImportPreview,
  type ProvisionImportResult,
  type ProvisionMatch,
  type ProvisionPage,
  type ProvisionRecord,
} from '@shared/contract/provisions-types';
import { KaijiError } from '@shared/errors';
import type { Actor, AuditLog } from '../audit/audit-log';
import type { Database } from '../vault/schema';
import type { ProvisionRecordsTable } from './schema';
import { readTableFile, type TableFile } from './table-file';
import { newRowId } from '../core/row-id';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per INSERT: 21 columns x 200 stays far below SQLite's bound-parameter limit. */
const BATCH = 200;
const SAMPLE_ROWS = 20;

/** Header words business systems use, per field (compared by nameKey). */
const HEADER_WORDS: Record<ProvisionField, string[]> = {
  providedOn: ['提供日', '提供年月日', '日付', 'date', 'provided', 'providedon', 'provisiondate'],
  recipient: ['提供先', '第三者', '受領者', '提供先名', 'recipient', 'thirdparty'],
  name: ['氏名', '名前', '本人氏名', 'name', 'fullname'],
  kana: ['フリガナ', 'ふりがな', 'カナ', 'カナ氏名', 'reading', 'kana'],
  birthDate: ['生年月日', 'birthdate', 'dateofbirth', 'dob'],
  address: ['住所', 'address'],
  items: ['項目', '提供項目', '提供した項目', 'データ項目', 'items', 'data'],
  basis: ['根拠', '提供根拠', '区分', 'basis'],
};

/** Columns guessed from the header row. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const keys = headers.map((h) => nameKey(h));
  const mapping: ColumnMapping = {};
  for (const f of PROVISION_FIELDS) {
    const words = HEADER_WORDS[f].map(nameKey);
    const col = keys.findIndex((k, i) => words.includes(k) && !Object.values(mapping).includes(i));
    if (col >= 0) mapping[f] = col;
  }
  return mapping;
}

interface ReadRows {
  valid: { row: number; entry: ProvisionEntryInput; fingerprint: string }[];
  errors: ImportRowError[];
  errorRows: number;
}

/**
 * The third-party provision register (T1), the do-not-provide list (T2, fed by K5 decisions)
 * and K6 matches. Every change is audited in its transaction with counts and ids only: no
 * names, recipients, dates or file names in the trail.
 */
export class ProvisionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  async list(actor: Actor, f: { query?: string; from?: string; to?: string; limit: number; offset: number }): Promise<ProvisionPage> {
    let q = this.db.selectFrom('provision_records');
    if (f.from) q = q.where('provided_on', '>=', f.from);
    if (f.to) q = q.where('provided_on', '<=', f.to);
    const key = f.query ? nameKey(f.query) : '';
    if (key) q = q.where((eb) => eb.or([eb('name_key', '=', key), eb('kana_key', '=', key), eb('recipient_key', '=', key)]));
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('provided_on', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    await this.audit.append(this.db, actor, { action: 'provision.listed', recordType: 'provision', summary: { filtered: key !== '', count: rows.length } });
    return { records: rows.map(toRecord), total: Number(count.n) };
  }

  async add(actor: Actor, raw: Record<ProvisionField, string>): Promise<ProvisionRecord> {
    const read = validateProvisionEntry(raw);
    if (!read.ok) {
      const p = read.problems;
      throw new KaijiError('PROVISION_ENTRY_INVALID', { ja: p.map((x) => x.message.ja).join(' '), en: p.map((x) => x.message.en).join(' '), fields: p.map((x) => x.field) });
    }
    return this.db.transaction().execute(async (trx) => {
      const row = this.row(actor, read.entry, fingerprintOf(read.entry), 'manual', null, null);
      const inserted = await trx.insertInto('provision_records').values(row).onConflict((oc) => oc.column('fingerprint').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
        const existing = await trx.selectFrom('provision_records').selectAll().where('fingerprint', '=', row.fingerprint).executeTakeFirstOrThrow();
        return toRecord(existing);
      }
      if (row.basis === 'contract') await extendContractRetention(trx, [row]);
      await this.audit.append(trx, actor, { action: 'provision.recorded', recordType: 'provision', recordId: row.id, summary: { basis: row.basis } });
      return toRecord((await trx.selectFrom('provision_records').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow()));
    });
  }

  async previewImport(actor: Actor, bytes: Buffer, mapping?: ColumnMapping): Promise<ProvisionImportPreview> {
    const table = await readTableFile(bytes);
    const headers = table.rows[0] ?? [];
    const suggested = suggestMapping(headers);
    const use = mapping ?? suggested;
    const missing = REQUIRED_PROVISION_FIELDS.filter((f) => use[f] === undefined);
    const read = missing.length === 0 ? readRows(table, use) : { valid: [], errors: [], errorRows: 0 };
    const duplicates = await countExisting(this.db, read.valid.map((v) => v.fingerprint));
    await this.audit.append(this.db, actor, { action: 'provision.import_previewed', recordType: 'provision', summary: { format: table.format, rows: table.rows.length - 1 } });
    return {
      format: table.format,
      headers,
      rowCount: Math.max(0, table.rows.length - 1),
      suggestedMapping: suggested,
      sample: read.valid.slice(0, SAMPLE_ROWS).map((v) => ({ row: v.row, entry: v.entry })),
      valid: read.valid.length,
      duplicates,
      errorCount: read.errorRows,
      errors: read.errors.slice(0, MAX_LISTED_ROW_ERRORS),
    };
  }

  /**
   * One transaction for the whole file: every valid row is stored or none is (a failure part
   * way rolls back everything). Bad rows are reported with their row number and skipped; rows
   * already in the register (same fingerprint) add nothing, so re-importing a file is harmless.
   */
  async import(actor: Actor, bytes: Buffer, mapping: ColumnMapping): Promise<ProvisionImportResult> {
    const missing = REQUIRED_PROVISION_FIELDS.filter((f) => mapping[f] === undefined);
    if (missing.length > 0) {
      throw new KaijiError('PROVISION_MAPPING_INCOMPLETE', {
        fields: missing,
        fieldsJa: missing.map((f) => PROVISION_FIELD_LABELS[f].ja).join('、'),
        fieldsEn: missing.map((f) => PROVISION_FIELD_LABELS[f].en).join(', '),
      });
    }
    const table = await readTableFile(bytes);
    const read = readRows(table, mapping);
    const importId = randomUUID();
    const rowsTotal = Math.max(0, table.rows.length - 1);
    const added = await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('provision_imports')
        .values({
          id: importId,
          format: table.format,
          file_sha256: createHash('sha256').update(bytes).digest('hex'),
          rows_total: rowsTotal,
          rows_added: 0,
          rows_duplicate: 0,
          rows_rejected: read.errorRows,
          imported_by: actor.id,
          imported_at: this.now().toISOString(),
        })
        .execute();
      let n = 0;
      const contract: ProvisionRecordsTable[] = [];
      for (let i = 0; i < read.valid.length; i += BATCH) {
        const rows = read.valid.slice(i, i + BATCH).map((v) => this.row(actor, v.entry, v.fingerprint, 'import', importId, v.row));
        const r = await trx.insertInto('provision_records').values(rows).onConflict((oc) => oc.column('fingerprint').doNothing()).executeTakeFirst();
        n += Number(r.numInsertedOrUpdatedRows ?? 0);
        contract.push(...rows.filter((x) => x.basis === 'contract'));
      }
      if (contract.length > 0) await extendContractRetention(trx, contract);
      await trx.updateTable('provision_imports').set({ rows_added: n, rows_duplicate: read.valid.length - n }).where('id', '=', importId).execute();
      await this.audit.append(trx, actor, {
        action: 'provision.imported',
        recordType: 'provision_import',
        recordId: importId,
        summary: { format: table.format, rows: rowsTotal, added: n, duplicates: read.valid.length - n, rejected: read.errorRows },
      });
      return n;
    });
    return { importId, rowsTotal, added, duplicates: read.valid.length - added, rejected: read.errorRows, errors: read.errors.slice(0, MAX_LISTED_ROW_ERRORS) };
  }

  /** T2: whether a provision of this person's data to this recipient on this date is allowed. */
  async check(actor: Actor, input: { name: string; kana: string; birthDate?: string; address: string; recipient: string; date: string }): Promise<ProvisionCheckResult> {
    const person = { name: input.name, kana: input.kana, birthDate: input.birthDate ?? null, address: input.address || null };
    const result = checkProvision(person, input.recipient, input.date, await this.listEntries(this.db, person));
    await this.audit.append(this.db, actor, { action: 'provision.checked', recordType: 'provision', summary: { allowed: result.allowed, blockedBy: result.blockedBy.length } });
    return result;
  }

  async blockList(actor: Actor): Promise<DoNotProvideItem[]> {
    const rows = await this.db
      .selectFrom('do_not_provide as d')
      .leftJoin('cases as c', 'c.id', 'd.case_id')
      .selectAll('d')
      .select('c.case_no')
      .orderBy('d.from_date', 'desc')
      .execute();
    await this.audit.append(this.db, actor, { action: 'provision.block_list_viewed', recordType: 'provision', summary: { count: rows.length } });
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNo: r.case_no,
      name: r.subject_name,
      kana: r.subject_kana,
      birthDate: r.subject_birth_date,
      address: r.subject_address,
      recipient: r.recipient,
      fromDate: r.from_date,
    }));
  }

  /**
   * Hooked into DecisionService.record, inside its transaction (T2): a K5 decision `done` puts
   * the case's person on the list from the decision date (Japan); any other outcome for K5
   * takes the case's entry off again (a replaced decision).
   */
  readonly onDecision = async (trx: Transaction<Database>, actor: Actor, caseId: string, decision: KindDecision, decidedAt: string): Promise<void> => {
    if (decision.kind !== 'K5') return;
    const existing = await trx.selectFrom('do_not_provide').select(['id', 'from_date']).where('case_id', '=', caseId).executeTakeFirst();
    if (decision.outcome !== 'done') {
      if (existing) {
        await trx.deleteFrom('do_not_provide').where('id', '=', existing.id).execute();
        await this.audit.append(trx, actor, { action: 'provision.block_removed', recordType: 'case', recordId: caseId, summary: { outcome: decision.outcome } });
      }
      return;
    }
    const c = await trx.selectFrom('cases').select(['case_no', 'subject_name', 'subject_kana', 'subject_birth_date', 'subject_address']).where('id', '=', caseId).executeTakeFirstOrThrow();
    // The first `done` decision's date stands: replacing the text does not move the start.
    const fromDate = existing?.from_date ?? isoDateInJapan(new Date(decidedAt));
    const values = {
      subject_name: c.subject_name,
      subject_kana: c.subject_kana,
      subject_birth_date: c.subject_birth_date,
      subject_address: c.subject_address ?? '',
      name_key: nameKey(c.subject_name),
      kana_key: nameKey(c.subject_kana),
      recipient: null,
      from_date: fromDate,
    };
    if (existing) await trx.updateTable('do_not_provide').set(values).where('id', '=', existing.id).execute();
    else await trx.insertInto('do_not_provide').values({ id: newRowId(), case_id: caseId, created_by: actor.id, created_at: this.now().toISOString(), ...values }).execute();
    await this.audit.append(trx, actor, { action: 'provision.block_listed', recordType: 'case', recordId: caseId, summary: { caseNo: c.case_no, fromDate } });
  };

  /** A K6 case's requester, the register entries that may be theirs (R3 keys) and the confirmed match. */
  async match(actor: Actor, caseId: string): Promise<ProvisionMatch> {
    const result = await matchOf(this.db, caseId);
    await this.audit.append(this.db, actor, { action: 'provision.match_viewed', recordType: 'case', recordId: caseId, summary: { caseNo: result.caseNo, candidates: result.candidates.length } });
    return result;
  }

  /** A person confirms which candidates are the requester's ([] = none); the K6 letter lists exactly these. */
  async confirmMatch(actor: Actor, caseId: string, recordIds: readonly string[]): Promise<ProvisionMatch> {
    return this.db.transaction().execute(async (trx) => {
      const current = await matchOf(trx, caseId);
      const allowed = new Set(current.candidates.map((c) => c.id));
      const ids = [...new Set(recordIds)];
      if (ids.some((i) => !allowed.has(i))) throw new KaijiError('PROVISION_MATCH_NOT_CANDIDATE');
      const row = { record_ids: JSON.stringify(ids), confirmed_by: actor.id, confirmed_by_name: actor.name, confirmed_at: this.now().toISOString() };
      await trx.insertInto('provision_matches').values({ case_id: caseId, ...row }).onConflict((oc) => oc.column('case_id').doUpdateSet(row)).execute();
      await this.audit.append(trx, actor, {
        action: 'provision.match_confirmed',
        recordType: 'case',
        recordId: caseId,
        summary: { caseNo: current.caseNo, candidates: current.candidates.length, confirmed: ids.length },
      });
      return matchOf(trx, caseId);
    });
  }

  /** List entries whose keys could be this person's (one index range per key). */
  private async listEntries(db: Db, person: { name: string; kana: string }): Promise<DoNotProvideEntry[]> {
    const keys = [nameKey(person.name), nameKey(person.kana)].filter(Boolean);
    if (keys.length === 0) return [];
    const rows = await db
      .selectFrom('do_not_provide as d')
      .leftJoin('cases as c', 'c.id', 'd.case_id')
      .selectAll('d')
      .select('c.case_no')
      .where((eb) => eb.or([eb('d.name_key', 'in', keys), eb('d.kana_key', 'in', keys)]))
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.subject_name,
      kana: r.subject_kana,
      birthDate: r.subject_birth_date,
      address: r.subject_address || null,
      recipient: r.recipient,
      fromDate: r.from_date,
      caseNo: r.case_no,
    }));
  }

  private row(actor: Actor, e: ProvisionEntryInput, fingerprint: string, source: 'manual' | 'import', importId: string | null, sourceRow: number | null): ProvisionRecordsTable {
    return {
      id: newRowId(),
      provided_on: e.providedOn,
      recipient: e.recipient,
      recipient_key: recipientKey(e.recipient),
      subject_name: e.name,
      subject_kana: e.kana,
      subject_birth_date: e.birthDate,
      subject_address: e.address,
      name_key: nameKey(e.name),
      kana_key: nameKey(e.kana),
      items: e.items,
      basis: e.basis,
      source,
      import_id: importId,
      source_row: sourceRow,
      fingerprint,
      keep_until: provisionRetentionUntil(e),
      created_by: actor.id,
      created_at: this.now().toISOString(),
    };
  }
}

const fingerprintOf = (e: ProvisionEntryInput) => createHash('sha256').update(fingerprintText(e)).digest('hex');

/** Rows 2.. of the file (row 1 is the header), checked one by one. */
function readRows(table: TableFile, mapping: ColumnMapping): ReadRows {
  const valid: ReadRows['valid'] = [];
  const errors: ImportRowError[] = [];
  let errorRows = 0;
  for (let i = 1; i < table.rows.length; i++) {
    const r = readProvisionRow(table.rows[i]!, mapping);
    if (r.ok) valid.push({ row: i + 1, entry: r.entry, fingerprint: fingerprintOf(r.entry) });
    else {
      errorRows++;
      for (const p of r.problems) errors.push({ row: i + 1, field: p.field, message: p.message });
    }
  }
  return { valid, errors, errorRows };
}

/** How many of these fingerprints the register already holds. */
async function countExisting(db: Db, fingerprints: string[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < fingerprints.length; i += 500) {
    const part = fingerprints.slice(i, i + 500);
    const r = await db.selectFrom('provision_records').select((eb) => eb.fn.countAll<number>().as('n')).where('fingerprint', 'in', part).executeTakeFirstOrThrow();
    n += Number(r.n);
  }
  return n;
}

/** T1: contract entries of one person and recipient are all kept one year from the latest of them. */
async function extendContractRetention(trx: Transaction<Database>, rows: readonly ProvisionRecordsTable[]): Promise<void> {
  const groups = new Map<string, { recipientKey: string; nameKey: string }>();
  for (const r of rows) groups.set(`${r.recipient_key}\u001f${r.name_key}`, { recipientKey: r.recipient_key, nameKey: r.name_key });
  for (const g of groups.values()) {
    const last = await trx
      .selectFrom('provision_records')
      .select((eb) => eb.fn.max('provided_on').as('last'))
      .where('basis', '=', 'contract')
      .where('recipient_key', '=', g.recipientKey)
      .where('name_key', '=', g.nameKey)
      .executeTakeFirst();
    if (!last?.last) continue;
    const until = provisionRetentionUntil({ providedOn: last.last, basis: 'contract' });
    await trx
      .updateTable('provision_records')
      .set({ keep_until: until })
      .where('basis', '=', 'contract')
      .where('recipient_key', '=', g.recipientKey)
      .where('name_key', '=', g.nameKey)
      .where('keep_until', '<', until)
      .execute();
  }
}

async function matchOf(db: Db, caseId: string): Promise<ProvisionMatch> {
  const c = await db.selectFrom('cases').select(['id', 'case_no', 'subject_name', 'subject_kana', 'subject_birth_date', 'subject_address', 'subject_name_key', 'subject_kana_key']).where('id', '=', caseId).executeTakeFirst();
  if (!c) throw new KaijiError('NOT_FOUND');
  const person = { name: c.subject_name, kana: c.subject_kana, birthDate: c.subject_birth_date, address: c.subject_address };
  const keys = [c.subject_name_key, c.subject_kana_key].filter(Boolean);
  const rows = keys.length
    ? await db
        .selectFrom('provision_records')
        .selectAll()
        .where((eb) => eb.or([eb('name_key', 'in', keys), eb('kana_key', 'in', keys)]))
        .orderBy('provided_on')
        .orderBy('id')
        .limit(5000)
        .execute()
    : [];
  const candidates = rows.filter((r) => samePerson(person, { name: r.subject_name, kana: r.subject_kana, birthDate: r.subject_birth_date, address: r.subject_address || null })).map(toRecord);
  const m = await db.selectFrom('provision_matches').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  return {
    caseId,
    caseNo: c.case_no,
    person,
    candidates,
    confirmed: m ? { recordIds: JSON.parse(m.record_ids) as string[], byName: m.confirmed_by_name, at: m.confirmed_at } : null,
  };
}

/**
 * For the K6 letter (gatherLetterData): the confirmed records of the case, in date order, or
 * undefined when nobody has confirmed a match yet.
 */
export async function confirmedProvisionRecords(db: Db, caseId: string): Promise<ProvisionRecordLine[] | undefined> {
  const m = await db.selectFrom('provision_matches').select('record_ids').where('case_id', '=', caseId).executeTakeFirst();
  if (!m) return undefined;
  const ids = JSON.parse(m.record_ids) as string[];
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('provision_records').select(['provided_on', 'recipient', 'items', 'basis']).where('id', 'in', ids).orderBy('provided_on').orderBy('id').execute();
  return rows.map((r) => ({ providedOn: r.provided_on, recipient: r.recipient, items: r.items, basis: r.basis as ProvisionBasis }));
}

function toRecord(r: ProvisionRecordsTable): ProvisionRecord {
  return {
    id: r.id,
    providedOn: r.provided_on,
    recipient: r.recipient,
    name: r.subject_name,
    kana: r.subject_kana,
    birthDate: r.subject_birth_date,
    address: r.subject_address,
    items: r.items,
    basis: r.basis as ProvisionBasis,
    source: r.source as 'manual' | 'import',
    sourceRow: r.source_row,
    keepUntil: r.keep_until,
    createdAt: r.created_at,
  };
}

