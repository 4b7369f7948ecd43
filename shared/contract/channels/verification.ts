import { z } from 'zod';
import { ADMIN, CASEWORK, INTAKE, channel, id, multilineText, none, text } from '../channel';
import type { CaseSummary, PageSummary } from '../types';
import type { MaskSuggestion } from '../../domain/mask-suggestions';
import type { CaseMaskState, PageMaskRecord } from '../../domain/verification/masking';
import type { AwaitingResubmission, StoredDeficiency } from '../../domain/verification/stored-deficiency';

/** A rectangle in the stored page's pixels (whole pixels; the service checks it lies inside). */
const maskRect = z.object({
  x: z.number().int().min(0).max(100_000),
  y: z.number().int().min(0).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});

/** Channels of #4 verification: deficiencies, re-submission, masking. */
export const verificationChannels = {
  /** The case's latest deficiency decision (R5/I4): the stored list, or null if never deficient. */
  'cases.deficiency': channel<StoredDeficiency | null>()({ access: CASEWORK, personal: true, input: z.object({ id }) }),
  /** Cases waiting in `deficient` for a re-sent set: the intake's picker (envelopes.log resubmissionFor). */
  'cases.awaitingResubmission': channel<AwaitingResubmission[]>()({ access: INTAKE, personal: true, input: none }),
  /** R3: refuse as a repeated request — administrator, written reason, earlier cases in the period. */
  'cases.refuseAsRepeated': channel<CaseSummary>()({
    access: ADMIN,
    personal: true,
    input: z.object({ id, reason: multilineText(2000, { min: 1 }), earlierCaseNos: z.array(text(20, { min: 1 })).min(1).max(50) }),
  }),
  /** D6: burns the rectangles into the stored page for good and drops the OCR text under them. */
  'pages.mask': channel<PageSummary>()({ access: INTAKE, personal: true, input: z.object({ id, rects: z.array(maskRect).min(1).max(50) }) }),
  /** D6: rectangles suggested from the page's OCR words (insurer / insured / pension numbers). */
  'pages.maskSuggestions': channel<MaskSuggestion[]>()({ access: INTAKE, personal: true, input: z.object({ id }) }),
  /** Masked pages of a case, and unmasked ID pages that carry D6 numbers (the pages panel's hints). */
  'pages.maskState': channel<CaseMaskState>()({ access: CASEWORK, input: z.object({ caseId: id }) }),
  /** The maskings already done on a page. */
  'pages.masks': channel<PageMaskRecord[]>()({ access: CASEWORK, input: z.object({ id }) }),
} as const;
