import type { Bilingual } from '../result';
import type { Role } from '../roles';

/**
 * The second administrator's approval (決裁; issue #13 item 2b), a setting that is off by
 * default. When it is on, a letter — and with it every decision it carries (R1-R4) — goes out
 * only after an administrator who neither drafted or changed the letter nor made one of those
 * decisions approved it (four eyes, S1). The approver may instead send it back with a reason.
 * Any later change to the letter or to a decision it carries takes the approval away again.
 *
 * Decisions reach the applicant only through a letter, so the approval sits on the letter and
 * names the deciders among those who may not give it. Pure: used by the services, the UI and
 * the tests alike.
 */

/** 'not_required' while the setting is off. */
export const APPROVAL_STATES = ['not_required', 'awaiting', 'approved', 'sent_back'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** The act stored on the letter: the last approval or send-back, cleared by any change. */
export type ApprovalAct = 'approved' | 'sent_back' | null;

export function approvalState(required: boolean, act: ApprovalAct | string | null | undefined): ApprovalState {
  if (!required) return 'not_required';
  if (act === 'approved') return 'approved';
  if (act === 'sent_back') return 'sent_back';
  return 'awaiting';
}

export const APPROVAL_STATE_LABELS: Record<ApprovalState, Bilingual> = {
  not_required: { ja: '決裁不要', en: 'No approval needed' },
  awaiting: { ja: '決裁待ち', en: 'Awaiting approval' },
  approved: { ja: '決裁済み', en: 'Approved' },
  sent_back: { ja: '差戻し', en: 'Sent back' },
};

export interface ApprovalSubject {
  /** Only a draft can be approved or sent back: an issued letter is frozen. */
  status: 'draft' | 'issued';
  /** Everyone who drafted or changed the letter. */
  preparers: readonly string[];
  /** Everyone who made a decision the letter carries. */
  deciders: readonly string[];
}

export type ApprovalRefusal = 'role' | 'issued' | 'self';

/**
 * Why `actor` may not approve (or send back) this letter, or null when they may: only an
 * administrator (role), only a draft (issued), never one's own work (self).
 */
export function approvalRefusal(actor: { id: string | null; role?: Role }, subject: ApprovalSubject): ApprovalRefusal | null {
  if (actor.role !== 'administrator') return 'role';
  if (subject.status !== 'draft') return 'issued';
  if (!actor.id || subject.preparers.includes(actor.id) || subject.deciders.includes(actor.id)) return 'self';
  return null;
}

/** May the letter be issued as far as approval goes? (Roles to issue are case-permissions'.) */
export function approvalAllowsIssue(state: ApprovalState): boolean {
  return state === 'not_required' || state === 'approved';
}

/** Everyone who prepared a letter: its author, the last editor and the recorded preparers. */
export function preparersOf(letter: { createdBy: string | null; updatedBy: string | null; preparedBy: readonly string[] }): string[] {
  return [...new Set([letter.createdBy, letter.updatedBy, ...letter.preparedBy].filter((x): x is string => !!x))];
}
