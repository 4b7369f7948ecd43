import { z } from 'zod';
import { ADMIN, CASEWORK, INTAKE, channel, id, isoDate, multilineText, secret, text } from '../channel';
import { MONEY_ORDER_STATES } from '../../domain/money-orders';
import type { MoneyOrderExport, MoneyOrderLedgerPage, MoneyOrderMonth, MoneyOrderRecord } from '../ledger-types';

/** The ledger's filter: also what an export names in its audit entry. */
export const moneyOrderFilter = z.object({
  state: z.enum(MONEY_ORDER_STATES).optional(),
  caseId: id.optional(),
  /** Received-date range (inclusive). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Only orders still held whose last payable day is within the warning horizon (or already past). */
  lapsing: z.boolean().optional(),
});

/**
 * Channels of the money-order ledger (#5, F1-F4). Recording and state changes are intake work
 * (the mail desk holds the orders); reading is casework. The accounts export is ADMIN only:
 * it is the one path by which ledger data leaves the vault as a file (S1 least privilege, S2),
 * so the Personal Information Administrator answers for it; auditors see every export in the
 * audit trail without being able to make one.
 */
export const ledgerChannels = {
  'moneyOrders.record': channel<MoneyOrderRecord>()({
    access: INTAKE,
    personal: true,
    input: z.object({
      caseId: id,
      certificateNo: text(40, { min: 1 }),
      faceValue: z.number().int(),
      issuedOn: isoDate,
      issuingOffice: text(120, { min: 1 }),
      receivedOn: isoDate,
      note: multilineText(1000).default(''),
    }),
  }),
  'moneyOrders.list': channel<MoneyOrderRecord[]>()({ access: CASEWORK, personal: true, input: z.object({ caseId: id }) }),
  'moneyOrders.ledger': channel<MoneyOrderLedgerPage>()({
    access: CASEWORK,
    personal: true,
    input: moneyOrderFilter.extend({
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  }),
  'moneyOrders.monthlyTotals': channel<MoneyOrderMonth[]>()({
    access: CASEWORK,
    input: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
  }),
  'moneyOrders.cash': channel<MoneyOrderRecord>()({
    access: INTAKE,
    input: z.object({ id, cashedOn: isoDate, depositRef: text(120, { min: 1 }) }),
  }),
  'moneyOrders.return': channel<MoneyOrderRecord>()({
    access: INTAKE,
    input: z.object({ id, returnedOn: isoDate, letterId: id.optional() }),
  }),
  'moneyOrders.lapse': channel<MoneyOrderRecord>()({
    access: INTAKE,
    input: z.object({ id, lapsedOn: isoDate.optional() }),
  }),
  'moneyOrders.export': channel<MoneyOrderExport>()({
    access: ADMIN,
    personal: true,
    input: z.object({
      filter: moneyOrderFilter.default({}),
      format: z.enum(['xlsx', 'csv']),
      /** Encrypts the XLSX (ECMA-376 agile encryption, opened by Excel with this password). */
      password: secret(255).min(8).optional(),
      /** Must be true for an export without a password: the user read the warning. */
      plaintextAcknowledged: z.boolean().default(false),
    }),
  }),
} as const;
