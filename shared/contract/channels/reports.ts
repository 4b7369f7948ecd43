import { z } from 'zod';
import { OVERSIGHT, channel } from '../channel';
import type { YearReport } from '../../domain/reports';

const year = z.number().int().min(2000).max(2200);

/** Yearly figures (#15 item 4): administrators and auditors. */
export const reportChannels = {
  'reports.year': channel<YearReport>()({ access: OVERSIGHT, input: z.object({ year }) }),
  'reports.exportXlsx': channel<{ fileName: string; dataBase64: string }>()({ access: OVERSIGHT, input: z.object({ year }) }),
  'reports.exportPdf': channel<{ fileName: string; dataBase64: string }>()({ access: OVERSIGHT, input: z.object({ year }) }),
} as const;
