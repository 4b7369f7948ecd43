import type { Kysely } from 'kysely';
import type { MoneyOrderExport } from '@shared/contract/ledger-types';
import { caseStateLabel } from '@shared/domain/case-state';
import { isoDateInJapan } from '@shared/domain/dates';
import { RECORD_CLASS_LABELS, type RecordClass } from '@shared/domain/retention';
import type { Actor, AuditLog } from '../audit/audit-log';
import { assertExportRequest, buildTableExport, type ExportRequest, type ExportSheet } from '../fees/ledger-export';
import type { Database } from '../vault/schema';

interface RegisterRow {
  case_no: string;
  received_on: string;
  status: string;
  request_kinds: string | null;
  subject_name: string;
  subject_kana: string;
  due_on: string | null;
  day14_on: string | null;
  closed_on: string | null;
  disposed: string;
  held: number;
}

const label = (s: string) => `${caseStateLabel(s).ja} ${caseStateLabel(s).en}`;

const COLUMNS: ExportSheet<RegisterRow>['columns'] = [
  { header: '案件番号 Case no.', width: 12, value: (r) => r.case_no },
  { header: '受付日 Received', width: 12, value: (r) => r.received_on },
  { header: '状態 Status', width: 18, value: (r) => label(r.status) },
  { header: '請求の種類 Kinds', width: 14, value: (r) => r.request_kinds ?? '' },
  { header: '請求者 Subject', width: 20, value: (r) => r.subject_name },
  { header: 'フリガナ Reading', width: 20, value: (r) => r.subject_kana },
  { header: '対応目標日 Target', width: 12, value: (r) => r.due_on ?? '' },
  { header: '14日目 Day 14', width: 12, value: (r) => r.day14_on ?? '' },
  { header: '終了日 Closed', width: 12, value: (r) => r.closed_on ?? '' },
  { header: '廃棄 Disposed', width: 24, value: (r) => r.disposed },
  { header: '保存指示 Legal hold', width: 10, value: (r) => (r.held ? '有 yes' : '') },
];

/**
 * The case register (#15 item 5) for the Personal Information Administrator: one row per case.
 * It names applicants, so it follows the money-order export's rule (fees/ledger-export.ts, S2):
 * an encrypted XLSX by default, plaintext only after the warning was acknowledged; audited with
 * the row count and whether it was encrypted, never with the rows.
 */
export async function exportCaseRegister(db: Kysely<Database>, audit: AuditLog, actor: Actor, request: ExportRequest, now: Date): Promise<MoneyOrderExport> {
  assertExportRequest(request);
  const cases = await db
    .selectFrom('cases')
    .leftJoin('legal_holds', 'legal_holds.case_id', 'cases.id')
    .select(['cases.id', 'case_no', 'received_on', 'status', 'request_kinds', 'subject_name', 'subject_kana', 'due_on', 'day14_on', 'closed_on', 'legal_holds.case_id as held'])
    .orderBy('case_no')
    .execute();
  const disposals = await db.selectFrom('disposal_register').select(['case_id', 'classes']).execute();
  const disposedOf = new Map<string, Set<RecordClass>>();
  for (const d of disposals) {
    const set = disposedOf.get(d.case_id) ?? new Set<RecordClass>();
    for (const c of JSON.parse(d.classes) as RecordClass[]) set.add(c);
    disposedOf.set(d.case_id, set);
  }
  const rows: RegisterRow[] = cases.map((c) => ({
    case_no: c.case_no,
    received_on: c.received_on,
    status: c.status,
    request_kinds: c.request_kinds ?? null,
    subject_name: c.subject_name,
    subject_kana: c.subject_kana,
    due_on: c.due_on ?? null,
    day14_on: c.day14_on ?? null,
    closed_on: c.closed_on ?? null,
    disposed: [...(disposedOf.get(c.id) ?? [])].map((x) => RECORD_CLASS_LABELS[x].ja).join('、'),
    held: c.held ? 1 : 0,
  }));
  const file = await buildTableExport(`case-register-${isoDateInJapan(now)}`, [{ name: '案件台帳 Case register', columns: COLUMNS, rows }], request);
  await audit.append(db, actor, { action: 'case.register_exported', recordType: 'case', summary: { format: request.format, rows: rows.length, encrypted: file.encrypted } });
  return file;
}
