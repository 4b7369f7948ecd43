import { z } from 'zod';
import { ADMIN, OVERSIGHT, channel, id, multilineText, none, secret } from '../channel';
import { RECORD_CLASSES, type RetentionSchedule } from '../../domain/retention';
import type { MoneyOrderExport } from '../ledger-types';
import type { DisposalBatch, DisposalDue, DisposalEntry, LegalHold, RetentionPdf } from '../retention-types';

const reason = multilineText(500, { min: 1 });

/**
 * Channels of retention and disposal (#15 item 2, S4) and the case register export (item 5).
 * Disposal and holds are the Personal Information Administrator's decision (ADMIN); the register
 * of disposals is read by administrators and auditors (OVERSIGHT) and holds no personal data.
 */
export const retentionChannels = {
  'retention.schedule': channel<RetentionSchedule>()({ access: ADMIN, input: none }),
  'retention.updateSchedule': channel<RetentionSchedule>()({
    access: ADMIN,
    input: z
      .object({
        idDocumentsMonths: z.number().int().min(0).max(120),
        moneyOrderImagesMonths: z.number().int().min(0).max(120),
        caseFileYears: z.number().int().min(1).max(30),
      })
      .partial(),
  }),
  'retention.due': channel<DisposalDue[]>()({ access: ADMIN, input: none }),
  'retention.dispose': channel<DisposalBatch>()({
    access: ADMIN,
    input: z.object({
      items: z.array(z.object({ caseId: id, classes: z.array(z.enum(RECORD_CLASSES)).min(1) })).min(1).max(1000),
      reason,
    }),
  }),
  'retention.placeHold': channel<LegalHold>()({ access: ADMIN, input: z.object({ caseId: id, reason }) }),
  'retention.releaseHold': channel<null>()({ access: ADMIN, input: z.object({ caseId: id }) }),
  'retention.holds': channel<LegalHold[]>()({ access: OVERSIGHT, input: none }),
  'retention.register': channel<{ entries: DisposalEntry[]; total: number }>()({
    access: OVERSIGHT,
    input: z.object({ batchId: id.optional(), limit: z.number().int().min(1).max(500).default(200), offset: z.number().int().min(0).default(0) }),
  }),
  /** The printable 廃棄記録 of one disposal batch. */
  'retention.recordPdf': channel<RetentionPdf>()({ access: OVERSIGHT, input: z.object({ batchId: id }) }),
  /** The case register for administrators: encrypted XLSX unless the plaintext warning was acknowledged (S2). */
  'cases.exportRegister': channel<MoneyOrderExport>()({
    personal: true,
    access: ADMIN,
    input: z.object({
      format: z.enum(['xlsx', 'csv']),
      password: secret(255).min(8).optional(),
      plaintextAcknowledged: z.boolean().default(false),
    }),
  }),
} as const;
