import type { Role } from '../roles';
import { mayDo, type CaseAction } from './case-permissions';
import type { CaseState } from './case-state';
import type { Obligation, ObligationCode } from './obligations';
import type { RequestKind } from './page-kind';

/**
 * The case list's filters and sorts (#13 item 1): one vocabulary for the contract, the service
 * that pages through the vault, the saved filters and the UI.
 */

export const CASE_SORTS = ['received', 'caseNo', 'urgency', 'status', 'due', 'assignee'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** Each sort's natural direction (newest arrivals, most urgent and earliest due first). */
export const DEFAULT_DIRECTION: Record<CaseSort, SortDirection> = {
  received: 'desc',
  caseNo: 'desc',
  urgency: 'asc',
  status: 'asc',
  due: 'asc',
  assignee: 'asc',
};

export interface CaseListFilter {
  states?: CaseState[];
  /** Not closed (any other state). */
  open?: boolean;
  /** Any of these kinds ticked on the application. */
  kinds?: RequestKind[];
  /** 'me': whoever looks (a saved filter means the same for each person); 'none': unassigned. */
  assignee?: 'me' | 'none' | string;
  /** Past the response target while the clock runs (I5). */
  overdue?: boolean;
  /** Still owes an answer or notice (shared/domain/obligations.ts caseObligations non-empty, R1). */
  answersOwed?: boolean;
  /** In my charge, open, and its next step is one my role may take (see needsActionBy). */
  needsMyAction?: boolean;
}

/**
 * The case action that settles each obligation; null where the case waits on the post office.
 * Money orders are cashed or returned in the ledger, which administrators and clerks keep (F4):
 * 'money' stands for that.
 */
export const OBLIGATION_ACTION: Record<ObligationCode, CaseAction | 'money' | null> = {
  record_kinds: 'confirm_kinds',
  confirm_kind: 'confirm_kinds',
  decide: 'decide',
  compose: 'draft_letter',
  // #13 item 2b: approving is an administrator's step, as issuing is; a sent-back draft is revised.
  approve: 'issue_letter',
  revise: 'draft_letter',
  issue: 'issue_letter',
  mail: 'log_mail',
  deliver: null,
  resend: 'log_mail',
  settle_money_orders: 'money',
  return_money_orders: 'money',
};

const LEDGER_ROLES: readonly Role[] = ['administrator', 'clerk'];

/** Still being read and checked: the person in charge's move whatever it owes (I3, D1-D7). */
export const READING_STATES: readonly CaseState[] = ['received', 'checking'];

/**
 * "Needs my action" for one case in my charge: it is being read and checked, or it owes
 * something whose step my role may take (waiting for delivery is nobody's move).
 */
export function needsActionBy(role: Role | undefined, state: CaseState, owed: readonly Pick<Obligation, 'code'>[]): boolean {
  if (state === 'closed') return false;
  if (READING_STATES.includes(state)) return role === 'administrator' || role === 'clerk';
  return owed.some((o) => {
    const action = OBLIGATION_ACTION[o.code];
    if (action === null) return false;
    return action === 'money' ? !!role && LEDGER_ROLES.includes(role) : mayDo(role, action);
  });
}

/** The filter a clerk lands on ("my cases": in my charge and not closed, #13 item 2a). */
export const MY_CASES_FILTER: CaseListFilter = { assignee: 'me', open: true };
