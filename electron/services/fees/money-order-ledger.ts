import { sql, type Kysely } from 'kysely';
import type { MoneyOrderExport, MoneyOrderLedgerPage, MoneyOrderMonth, MoneyOrderRecord } from '@shared/contract/ledger-types';
import { isoDateInJapan } from '@shared/domain/dates';
import { formatEraDate } from '@shared/domain/era';
import {
  MONEY_ORDER_STATE_LABELS,
  canChangeMoneyOrder,
  normalizeCertificateNo,
  payableUntil,
  type MoneyOrderState,
} from '@shared/domain/money-orders';
import { isKnownFaceValue } from '@shared/domain/verification/fees';
import { conflict } from '../concurrency/versions';
import { KaijiError, dateOrderError, type NamedField } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../vault/schema';
import { buildLedgerExport, type ExportRequest } from './ledger-export';
import { applyFilter, ordersWithCase, toRecord, type Db, type LedgerFilter, type OrderRow } from './money-order-rows';
import type { MoneyOrdersTable } from './schema';
import { newRowId } from '../core/row-id';

export interface RecordOrderInput {
  caseId: string;
  certificateNo: string;
  faceValue: number;
  issuedOn: string;
  issuingOffice: string;
  receivedOn: string;
  note?: string;
}

const FIELD = {
  issuedOn: { fieldJa: '発行日', fieldEn: 'issue date' },
  receivedOn: { fieldJa: '受領日', fieldEn: 'received date' },
  cashedOn: { fieldJa: '換金日', fieldEn: 'cashing date' },
  returnedOn: { fieldJa: '返還日', fieldEn: 'return date' },
  lapsedOn: { fieldJa: '期間経過の記録日', fieldEn: 'lapse date' },
} as const;

/**
 * The fixed postal money order ledger (F1-F4): every order from the day it is opened until it
 * is cashed or returned. Each change is one transaction with its audit entry; summaries hold
 * ids, case numbers, amounts and dates only.
 */
export class MoneyOrderLedger {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly settings: SettingsService,
    private readonly now: () => Date,
  ) {}

  private today(): string {
    return isoDateInJapan(this.now());
  }

  async record(actor: Actor, input: RecordOrderInput): Promise<MoneyOrderRecord> {
    const today = this.today();
    if (!isKnownFaceValue(input.faceValue)) throw new KaijiError('MONEY_ORDER_FACE_VALUE_UNKNOWN', { value: input.faceValue });
    if (input.issuedOn > today) throw new KaijiError('DATE_IN_FUTURE', FIELD.issuedOn);
    if (input.receivedOn > today) throw new KaijiError('DATE_IN_FUTURE', FIELD.receivedOn);
    if (input.issuedOn > input.receivedOn) throw dateOrder(FIELD.issuedOn, FIELD.receivedOn, 'before');
    const certificateNo = normalizeCertificateNo(input.certificateNo);
    return this.db.transaction().execute(async (trx) => {
      const kase = await trx.selectFrom('cases').select(['id', 'case_no']).where('id', '=', input.caseId).executeTakeFirst();
      if (!kase) throw new KaijiError('NOT_FOUND');
      // The same order may come back after it was returned (a re-sent set, I4); otherwise it is recorded once.
      const held = await ordersWithCase(trx)
        .select('cases.case_no')
        .where('money_orders.certificate_no', '=', certificateNo)
        .where('money_orders.state', '!=', 'returned')
        .executeTakeFirst();
      if (held) throw new KaijiError('MONEY_ORDER_DUPLICATE', { certificateNo, caseNo: held.case_no });
      const at = this.now().toISOString();
      const row: MoneyOrdersTable = {
        id: newRowId(),
        case_id: kase.id,
        certificate_no: certificateNo,
        face_value: input.faceValue,
        issued_on: input.issuedOn,
        issuing_office: input.issuingOffice.trim(),
        received_on: input.receivedOn,
        payable_until: payableUntil(input.issuedOn),
        state: 'received',
        cashed_on: null,
        deposit_ref: null,
        returned_on: null,
        return_letter_id: null,
        lapsed_on: null,
        note: input.note?.trim() ?? '',
        created_by: actor.id,
        created_at: at,
        updated_at: at,
      };
      await trx.insertInto('money_orders').values(row).execute();
      await this.audit.append(trx, actor, {
        action: 'money_order.recorded',
        recordType: 'money_order',
        recordId: row.id,
        summary: { caseNo: kase.case_no, faceValue: row.face_value, issuedOn: row.issued_on, receivedOn: row.received_on, payableUntil: row.payable_until },
      });
      return this.view(trx, { ...row, case_no: kase.case_no }, today);
    });
  }

  /** The orders of one case, oldest first (the case file's money-order panel). */
  async list(caseId: string): Promise<MoneyOrderRecord[]> {
    const rows = await ordersWithCase(this.db)
      .selectAll('money_orders')
      .select('cases.case_no')
      .where('money_orders.case_id', '=', caseId)
      .orderBy('money_orders.received_on')
      .orderBy('money_orders.created_at')
      .execute();
    const warningDays = await this.warningDays();
    const today = this.today();
    return rows.map((r) => toRecord(r, today, warningDays));
  }

  /** The ledger page: filtered rows, their count and sums over all matching rows. Viewing is audited. */
  async ledger(actor: Actor, f: LedgerFilter & { limit: number; offset: number }): Promise<MoneyOrderLedgerPage> {
    const today = this.today();
    const warningDays = await this.warningDays();
    const sums = await applyFilter(ordersWithCase(this.db), f, today, warningDays)
      .select(['money_orders.state as state', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('money_orders.face_value').as('total')])
      .groupBy('money_orders.state')
      .execute();
    const rows = await applyFilter(ordersWithCase(this.db), f, today, warningDays)
      .selectAll('money_orders')
      .select('cases.case_no')
      .orderBy(f.lapsing ? 'money_orders.payable_until' : 'money_orders.received_on', f.lapsing ? 'asc' : 'desc')
      .orderBy('money_orders.created_at', 'desc')
      // Unique last key: pages neither overlap nor skip (#13 item 1).
      .orderBy('money_orders.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    const of = (s: MoneyOrderState) => Number(sums.find((x) => x.state === s)?.total ?? 0);
    const total = sums.reduce((a, x) => a + Number(x.n), 0);
    await this.audit.append(this.db, actor, { action: 'money_order.listed', recordType: 'money_order', summary: { filter: auditFilter(f), count: rows.length } });
    return {
      orders: rows.map((r) => toRecord(r, today, warningDays)),
      total,
      sums: { total: sums.reduce((a, x) => a + Number(x.total ?? 0), 0), received: of('received'), cashed: of('cashed'), returned: of('returned'), lapsed: of('lapsed') },
      today,
      warningDays,
    };
  }

  /** Per month: received by received date; cashed, returned and lapsed by the date each happened. */
  async monthlyTotals(q: { from?: string; to?: string }): Promise<MoneyOrderMonth[]> {
    const months = new Map<string, MoneyOrderMonth>();
    const month = (m: string) => {
      let row = months.get(m);
      if (!row) {
        row = { month: m, receivedCount: 0, received: 0, cashedCount: 0, cashed: 0, returnedCount: 0, returned: 0, lapsedCount: 0, lapsed: 0 };
        months.set(m, row);
      }
      return row;
    };
    const columns = { received: 'received_on', cashed: 'cashed_on', returned: 'returned_on', lapsed: 'lapsed_on' } as const;
    for (const [key, column] of Object.entries(columns) as [keyof typeof columns, (typeof columns)[keyof typeof columns]][]) {
      let query = this.db
        .selectFrom('money_orders')
        .select([sql<string>`substr(${sql.ref(column)}, 1, 7)`.as('m'), (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('face_value').as('total')])
        .where(column, 'is not', null);
      if (q.from) query = query.where(column, '>=', q.from);
      if (q.to) query = query.where(column, '<=', q.to);
      const rows = await query.groupBy('m').execute();
      for (const r of rows) {
        const target = month(r.m);
        target[`${key}Count`] = Number(r.n);
        target[key] = Number(r.total ?? 0);
      }
    }
    return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  }

  /** F4: cashed (換金) on a date, with the deposit reference the accounts department books it under. */
  async cash(actor: Actor, id: string, input: { cashedOn: string; depositRef: string }): Promise<MoneyOrderRecord> {
    return this.change(actor, id, 'cashed', (row) => {
      this.checkDate(input.cashedOn, FIELD.cashedOn, row);
      return { cashed_on: input.cashedOn, deposit_ref: input.depositRef.trim() };
    }, { cashedOn: input.cashedOn });
  }

  /** F4: handed back to the applicant, normally with a letter (the letters service passes its id). */
  async markReturned(actor: Actor, id: string, input: { returnedOn: string; letterId?: string }): Promise<MoneyOrderRecord> {
    return this.change(actor, id, 'returned', (row) => {
      this.checkDate(input.returnedOn, FIELD.returnedOn, row);
      return { returned_on: input.returnedOn, return_letter_id: input.letterId ?? null };
    }, { returnedOn: input.returnedOn, ...(input.letterId ? { letterId: input.letterId } : {}) });
  }

  /** F2: past its last payable day; it still has to be returned or reissued/paid out (then cashed). */
  async markLapsed(actor: Actor, id: string, input: { lapsedOn?: string } = {}): Promise<MoneyOrderRecord> {
    const lapsedOn = input.lapsedOn ?? this.today();
    return this.change(actor, id, 'lapsed', (row) => {
      this.checkDate(lapsedOn, FIELD.lapsedOn, row);
      if (lapsedOn <= row.payable_until) {
        throw new KaijiError('MONEY_ORDER_NOT_LAPSED', { until: row.payable_until, untilJa: formatEraDate(row.payable_until) });
      }
      return { lapsed_on: lapsedOn };
    }, { lapsedOn });
  }

  /** The accounts export: built in memory, encrypted unless the user acknowledged plaintext; audited. */
  async export(actor: Actor, request: ExportRequest & { filter: LedgerFilter }): Promise<MoneyOrderExport> {
    if (request.password === undefined) {
      if (!request.plaintextAcknowledged) throw new KaijiError('EXPORT_PLAINTEXT_NOT_ACKNOWLEDGED');
    } else if (request.format === 'csv') {
      throw new KaijiError('EXPORT_CSV_NOT_ENCRYPTABLE');
    }
    const today = this.today();
    const warningDays = await this.warningDays();
    const rows = await applyFilter(ordersWithCase(this.db), request.filter, today, warningDays)
      .selectAll('money_orders')
      .select('cases.case_no')
      .orderBy('money_orders.received_on')
      .orderBy('cases.case_no')
      .execute();
    const records = rows.map((r) => toRecord(r, today, warningDays));
    const months = await this.monthlyTotals({ from: request.filter.from, to: request.filter.to });
    const file = await buildLedgerExport(records, months, request, today);
    await this.audit.append(this.db, actor, {
      action: 'money_order.exported',
      recordType: 'money_order',
      summary: { filter: auditFilter(request.filter), format: request.format, rows: records.length, encrypted: file.encrypted },
    });
    return file;
  }

  private async change(
    actor: Actor,
    id: string,
    to: MoneyOrderState,
    patch: (row: OrderRow) => Partial<MoneyOrdersTable>,
    summary: Record<string, unknown>,
  ): Promise<MoneyOrderRecord> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.row(trx, id);
      if (!canChangeMoneyOrder(row.state, to)) {
        const from = MONEY_ORDER_STATE_LABELS[row.state];
        const next = MONEY_ORDER_STATE_LABELS[to];
        throw new KaijiError('MONEY_ORDER_ILLEGAL_CHANGE', { from: row.state, to, fromJa: from.ja, fromEn: from.en, toJa: next.ja, toEn: next.en });
      }
      const values = { ...patch(row), state: to, updated_at: this.now().toISOString() };
      // #16 item 3: only from the state the change was checked against, and the version moves:
      // two desks cashing and returning one order at once cannot both succeed.
      const moved = await trx
        .updateTable('money_orders')
        .set({ ...values, version: sql<number>`version + 1` })
        .where('id', '=', id)
        .where('state', '=', row.state)
        .returning('version')
        .executeTakeFirst();
      if (!moved) throw conflict('money_order');
      await this.audit.append(trx, actor, {
        action: `money_order.${to}`,
        recordType: 'money_order',
        recordId: id,
        summary: { caseNo: row.case_no, faceValue: row.face_value, from: row.state, to, ...summary },
      });
      return this.view(trx, { ...row, ...values }, this.today());
    });
  }

  private async row(db: Db, id: string): Promise<OrderRow> {
    const row = await ordersWithCase(db).selectAll('money_orders').select('cases.case_no').where('money_orders.id', '=', id).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    return row;
  }

  private checkDate(date: string, field: { fieldJa: string; fieldEn: string }, row: OrderRow): void {
    if (date > this.today()) throw new KaijiError('DATE_IN_FUTURE', field);
    if (date < row.received_on) throw dateOrder(field, FIELD.receivedOn, 'after');
  }

  /** Inside a transaction `db` must be that transaction: the vault has one connection. */
  private async view(db: Db, row: OrderRow, today: string): Promise<MoneyOrderRecord> {
    return toRecord(row, today, await this.warningDays(db));
  }

  private async warningDays(db: Db = this.db): Promise<number> {
    return (await this.settings.get(db)).moneyOrderWarningDays;
  }
}

/** `later` must not be before `earlier` ('after': the checked field is the later one). */
function dateOrder(checked: NamedField, other: NamedField, checkedIs: 'before' | 'after'): KaijiError {
  return checkedIs === 'after' ? dateOrderError(checked, other) : dateOrderError(other, checked);
}

/** The filter as the audit trail keeps it: ids and dates, no personal data. */
function auditFilter(f: LedgerFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries({ state: f.state, caseId: f.caseId, from: f.from, to: f.to, lapsing: f.lapsing }).filter(([, v]) => v !== undefined));
}
