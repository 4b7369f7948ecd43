import type { Bilingual } from '../result';

/**
 * The life of a case (one application), as an explicit state machine.
 *
 *   received ──> checking ──> accepted ──> deciding ──> responding ──> closed
 *                  │  ▲                       │
 *                  ▼  │ (the whole set is     └──> refused (R2/R3, decided)
 *              deficient  re-sent, I4)
 *                  │
 *                  └──> closed (never re-sent: closed without a decision)
 *   checking ──> refused (not liable / obviously repeated, R3, seed Art. 10)
 *   any state before responding ──> withdrawn (in writing, by phone or otherwise)
 *   refused ──> closed, withdrawn ──> closed (once their letters are delivered, R1)
 *
 * Only closed is final: a refusal and a withdrawal still owe their letters (the refusal
 * notice, the acknowledgement, the money-order return), so they close like any other case,
 * through the obligations rule (shared/domain/obligations.ts). `deficient` (不備・再提出待ち) stops the company's
 * clock (I5): the case waits for the applicant; the new set restarts it at `checking`.
 */
export const CASE_STATES = ['received', 'checking', 'deficient', 'accepted', 'deciding', 'responding', 'closed', 'withdrawn', 'refused'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** Same wording as the renderer's cases.statuses.* labels. */
export const CASE_STATE_LABELS: Record<CaseState, Bilingual> = {
  received: { ja: '受付', en: 'Received' },
  checking: { ja: '確認中', en: 'Checking' },
  deficient: { ja: '不備（再提出待ち）', en: 'Deficient (awaiting resubmission)' },
  accepted: { ja: '受理', en: 'Accepted' },
  deciding: { ja: '決定中', en: 'Deciding' },
  responding: { ja: '回答中', en: 'Responding' },
  closed: { ja: '完了', en: 'Closed' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
  refused: { ja: '拒否', en: 'Refused' },
};

/** The label of a stored status; an unknown one (a newer version's state) shows as itself. */
export const caseStateLabel = (s: string): Bilingual => (isCaseState(s) ? CASE_STATE_LABELS[s] : { ja: s, en: s });

export const FINAL_STATES: readonly CaseState[] = ['closed'];
export const OPEN_STATES: readonly CaseState[] = CASE_STATES.filter((s) => !FINAL_STATES.includes(s));
/** States in which the company's response clock (I5 target, reminders) is paused. */
export const CLOCK_PAUSED_STATES: readonly CaseState[] = ['deficient'];

const TRANSITIONS: Record<CaseState, readonly CaseState[]> = {
  received: ['checking', 'withdrawn'],
  checking: ['deficient', 'accepted', 'refused', 'withdrawn'],
  deficient: ['checking', 'closed', 'withdrawn'],
  accepted: ['deciding', 'withdrawn'],
  deciding: ['responding', 'refused', 'withdrawn'],
  responding: ['closed', 'withdrawn'],
  closed: [],
  withdrawn: ['closed'],
  refused: ['closed'],
};

export const isCaseState = (s: string): s is CaseState => (CASE_STATES as readonly string[]).includes(s);
export const isFinal = (s: CaseState): boolean => FINAL_STATES.includes(s);
export const isOpen = (s: CaseState): boolean => !isFinal(s);
export const pausesClock = (s: CaseState): boolean => CLOCK_PAUSED_STATES.includes(s);

/** Where a case may go next from `from` (empty for final states). */
export function nextStates(from: CaseState): readonly CaseState[] {
  return TRANSITIONS[from];
}

export function canTransition(from: CaseState, to: CaseState): boolean {
  return TRANSITIONS[from].includes(to);
}

export type TransitionResult =
  | { ok: true; state: CaseState }
  | { ok: false; error: { code: 'ILLEGAL_TRANSITION'; from: CaseState; to: CaseState; message: Bilingual } };

/** The move as a value: the new state, or an ILLEGAL_TRANSITION error naming both states. */
export function transition(from: CaseState, to: CaseState): TransitionResult {
  if (canTransition(from, to)) return { ok: true, state: to };
  const a = CASE_STATE_LABELS[from];
  const b = CASE_STATE_LABELS[to];
  return {
    ok: false,
    error: {
      code: 'ILLEGAL_TRANSITION',
      from,
      to,
      message: { ja: `「${a.ja}」から「${b.ja}」には変更できません。`, en: `A case cannot move from "${a.en}" to "${b.en}".` },
    },
  };
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: CaseState,
    readonly to: CaseState,
    readonly bilingual: Bilingual,
  ) {
    super(bilingual.en);
    this.name = 'IllegalTransitionError';
  }
}

/** transition() for code paths where an illegal move is a bug: throws IllegalTransitionError. */
export function assertTransition(from: CaseState, to: CaseState): CaseState {
  const r = transition(from, to);
  if (!r.ok) throw new IllegalTransitionError(from, to, r.error.message);
  return r.state;
}
