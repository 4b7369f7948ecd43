import { z } from 'zod';
import { CASE_SORTS, SORT_DIRECTIONS } from '../../domain/case-list';
import { CASE_STATES } from '../../domain/case-state';
import { REQUEST_KINDS } from '../../domain/page-kind';
import { CASEWORK, INTAKE, channel, id, none, text } from '../channel';
import type { CaseSummary } from '../types';
import type { Assignee, SavedFilter } from '../worklist-types';

/**
 * The case list's filter (#13 item 1; shared/domain/case-list.ts). 'me' in `assignee` means
 * whoever asks, so a saved "my cases" filter works for each person.
 */
export const caseListFilter = z
  .object({
    states: z.array(z.enum(CASE_STATES)).max(CASE_STATES.length).optional(),
    open: z.boolean().optional(),
    kinds: z.array(z.enum(REQUEST_KINDS)).max(REQUEST_KINDS.length).optional(),
    assignee: z.union([z.enum(['me', 'none']), id]).optional(),
    overdue: z.boolean().optional(),
    answersOwed: z.boolean().optional(),
    needsMyAction: z.boolean().optional(),
  })
  .strict();

/** Paging and sorting of the case list: offset + limit over a sort ending in the unique case number. */
export const caseListInput = z.object({
  query: text(100).optional(),
  sort: z.enum(CASE_SORTS).default('received'),
  /** Omitted: the sort's natural direction (DEFAULT_DIRECTION). */
  dir: z.enum(SORT_DIRECTIONS).optional(),
  filter: caseListFilter.optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});

/** Channels of work assignment and saved filters (#13 items 1 and 2a). */
export const worklistChannels = {
  /**
   * Sets the person in charge (null: nobody). Administrators for any case; a clerk only takes
   * an open unassigned case for themself (shared/domain/case-permissions.ts assignmentAction).
   */
  'cases.assign': channel<CaseSummary>()({ access: INTAKE, personal: true, input: z.object({ caseId: id, assigneeId: id.nullable() }) }),
  /** Everyone who may be in charge (active administrators and clerks), for pickers and filters. */
  'cases.assignees': channel<Assignee[]>()({ access: CASEWORK, input: none }),
  /** The caller's own saved filters of one list. */
  'savedFilters.list': channel<SavedFilter[]>()({ access: CASEWORK, input: z.object({ list: z.enum(['cases']) }) }),
  /** Saves under a name; the same name replaces the caller's earlier filter. */
  'savedFilters.save': channel<SavedFilter>()({
    access: CASEWORK,
    input: z.object({ list: z.enum(['cases']), name: text(60, { min: 1 }), filter: caseListFilter }),
  }),
  'savedFilters.delete': channel<null>()({ access: CASEWORK, input: z.object({ id }) }),
} as const;
