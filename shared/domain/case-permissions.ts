import type { Bilingual } from '../result';
import type { Role } from '../roles';
import { canTransition, type CaseState } from './case-state';

/**
 * Who may do what to a case (S1, issue #10 item 5): the one table the services enforce and the
 * UI reads to hide actions. Administrators (the Personal Information Administrator) decide,
 * accept, refuse, mark deficient, withdraw, close and change the substance of a decided letter;
 * clerks prepare drafts, log mail and record delivery. Auditors only read.
 */
export const CASE_ACTIONS = [
  'start_check',
  'accept',
  'mark_deficient',
  'refuse',
  'withdraw',
  'close',
  'waive',
  'decide',
  'confirm_kinds',
  'draft_letter',
  'edit_letter',
  'edit_decided_letter',
  'approve_letter',
  'issue_letter',
  'log_mail',
  'record_delivery',
  'resubmit',
  // #13 item 2a: set or change the person in charge (担当者) / take an unassigned case oneself.
  'assign_case',
  'take_case',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const ADMIN: readonly Role[] = ['administrator'];
const STAFF: readonly Role[] = ['administrator', 'clerk'];

export const ACTION_ROLES: Record<CaseAction, readonly Role[]> = {
  start_check: STAFF,
  accept: ADMIN,
  mark_deficient: ADMIN,
  refuse: ADMIN,
  withdraw: ADMIN,
  close: ADMIN,
  // Closing while something is still owed: the administrator's written reason (R1).
  waive: ADMIN,
  decide: ADMIN,
  // One click that says a person read the ticked kinds on the paper (OCR alone never counts).
  confirm_kinds: STAFF,
  draft_letter: STAFF,
  edit_letter: STAFF,
  // The text of a letter that answers a decision (or refuses): after a clerk's change the
  // administrator must look again before it goes out.
  edit_decided_letter: ADMIN,
  approve_letter: ADMIN,
  issue_letter: STAFF,
  log_mail: STAFF,
  record_delivery: STAFF,
  resubmit: STAFF,
  assign_case: ADMIN,
  take_case: STAFF,
};

export const CASE_ACTION_LABELS: Record<CaseAction, Bilingual> = {
  start_check: { ja: '確認開始', en: 'start checking' },
  accept: { ja: '受理', en: 'accept' },
  mark_deficient: { ja: '不備とする', en: 'mark deficient' },
  refuse: { ja: '拒否', en: 'refuse' },
  withdraw: { ja: '取下げの記録', en: 'record a withdrawal' },
  close: { ja: '完了にする', en: 'close' },
  waive: { ja: '未了の義務を理由付きで免除', en: 'waive what is still owed, with a reason' },
  decide: { ja: '決定', en: 'decide' },
  confirm_kinds: { ja: '請求種別の確認', en: 'confirm the requested kinds' },
  draft_letter: { ja: '通知書の作成', en: 'draft a letter' },
  edit_letter: { ja: '通知書の編集', en: 'edit a letter' },
  edit_decided_letter: { ja: '決定済み通知書の内容変更', en: 'change a decided letter' },
  approve_letter: { ja: '通知書の承認', en: 'approve a letter' },
  issue_letter: { ja: '通知書の発行', en: 'issue a letter' },
  log_mail: { ja: '発送の記録', en: 'log mail' },
  record_delivery: { ja: '配達の記録', en: 'record delivery' },
  resubmit: { ja: '再提出の受付', en: 'take a re-sent set' },
  assign_case: { ja: '担当者の設定・変更', en: 'set or change the person in charge' },
  take_case: { ja: '未割当の案件を担当する', en: 'take an unassigned case' },
};

export const ROLE_LABELS: Record<Role, Bilingual> = {
  administrator: { ja: '管理者', en: 'administrators' },
  clerk: { ja: '事務担当', en: 'clerks' },
  auditor: { ja: '監査担当', en: 'auditors' },
};

export function mayDo(role: Role | undefined, action: CaseAction): boolean {
  return !!role && ACTION_ROLES[action].includes(role);
}

/**
 * The action a move by hand (`cases.transition`) amounts to, or null where no one moves the
 * case by hand: accepted -> deciding follows the first decision, deciding -> responding the
 * first issued answer; these happen only as part of those actions.
 */
export function transitionAction(from: CaseState, to: CaseState): CaseAction | null {
  if (!canTransition(from, to)) return null;
  switch (to) {
    case 'checking':
      return from === 'deficient' ? 'resubmit' : 'start_check';
    case 'accepted':
      return 'accept';
    case 'deficient':
      return 'mark_deficient';
    case 'refused':
      return 'refuse';
    case 'withdrawn':
      return 'withdraw';
    case 'closed':
      return 'close';
    default:
      return null;
  }
}

/** May `role` move a case from `from` to `to` by hand? (The matrix test enumerates this.) */
export function mayTransition(role: Role | undefined, from: CaseState, to: CaseState): boolean {
  const action = transitionAction(from, to);
  return action !== null && mayDo(role, action);
}

/** Error details naming the action and who may do it, both languages (ROLE_FORBIDS). */
export function forbiddenDetails(action: CaseAction): Record<string, string> {
  const who = ACTION_ROLES[action];
  return {
    action,
    actionJa: CASE_ACTION_LABELS[action].ja,
    actionEn: CASE_ACTION_LABELS[action].en,
    rolesJa: who.length ? who.map((r) => ROLE_LABELS[r].ja).join('・') : '（なし）',
    rolesEn: who.length ? who.map((r) => ROLE_LABELS[r].en).join(', ') : 'no one',
  };
}

/** #13 item 2a: who may be in charge of a case (auditors only read, S1). */
export const ASSIGNABLE_ROLES: readonly Role[] = ['administrator', 'clerk'];

export interface AssignmentRequest {
  actorId: string;
  role: Role | undefined;
  /** The person in charge now (null: unassigned). */
  current: string | null;
  /** The person in charge asked for (null: unassign). */
  next: string | null;
  caseState: CaseState;
}

/**
 * The action an assignment amounts to, or null when the actor's role may not do it:
 * administrators set, change and clear the person in charge of any case (assign_case); a clerk
 * may only take an open, unassigned case for themself (take_case).
 */
export function assignmentAction(r: AssignmentRequest): CaseAction | null {
  if (mayDo(r.role, 'assign_case')) return 'assign_case';
  if (mayDo(r.role, 'take_case') && r.current === null && r.next === r.actorId && r.caseState !== 'closed') return 'take_case';
  return null;
}
