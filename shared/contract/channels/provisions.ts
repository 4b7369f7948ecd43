import { z } from 'zod';
import { CASEWORK, INTAKE, base64, channel, id, isoDate, isoDateOf, multilineText, text, typedDate } from '../channel';
import { PROVISION_BASES, PROVISION_FIELDS } from '../../domain/provisions';
import type { DoNotProvideItem, ProvisionCheckResult, ProvisionImportPreview, ProvisionImportResult, ProvisionMatch, ProvisionPage, ProvisionRecord } from '../provisions-types';

/** A file as the renderer sends it (base64); 30 MB covers a year of a large system's export. */
const file = z.object({ data: base64(40_000_000).min(1) });
const mapping = z.object(Object.fromEntries(PROVISION_FIELDS.map((f) => [f, z.number().int().min(0).max(500).optional()])) as Record<(typeof PROVISION_FIELDS)[number], z.ZodOptional<z.ZodNumber>>).strict();

/** Channels of the third-party provision register (T1, T2). */
export const provisionChannels = {
  'provisions.list': channel<ProvisionPage>()({
    access: CASEWORK,
    personal: true,
    input: z.object({
      /** Name or reading (compared by the R3 keys) or recipient. */
      query: text(100).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  }),
  'provisions.add': channel<ProvisionRecord>()({
    access: INTAKE,
    personal: true,
    input: z.object({
      providedOn: typedDate('event'),
      recipient: text(200),
      name: text(100),
      kana: text(100).default(''),
      birthDate: typedDate('birth').default(''),
      address: text(300).default(''),
      items: multilineText(1000),
      basis: z.enum(PROVISION_BASES),
    }),
  }),
  'provisions.previewImport': channel<ProvisionImportPreview>()({ access: INTAKE, personal: true, input: z.object({ file, mapping: mapping.optional() }) }),
  'provisions.import': channel<ProvisionImportResult>()({ access: INTAKE, input: z.object({ file, mapping }) }),
  'provisions.check': channel<ProvisionCheckResult>()({
    access: CASEWORK,
    personal: true,
    input: z.object({
      name: text(100).min(1),
      kana: text(100).default(''),
      birthDate: isoDateOf('birth').optional(),
      address: text(300).default(''),
      recipient: text(200).min(1),
      date: isoDate,
    }),
  }),
  'provisions.blockList': channel<DoNotProvideItem[]>()({ access: CASEWORK, personal: true, input: z.object({}).strict() }),
  'provisions.match': channel<ProvisionMatch>()({ access: CASEWORK, personal: true, input: z.object({ caseId: id }) }),
  'provisions.confirmMatch': channel<ProvisionMatch>()({ access: INTAKE, personal: true, input: z.object({ caseId: id, recordIds: z.array(id).max(5000) }) }),
} as const;
