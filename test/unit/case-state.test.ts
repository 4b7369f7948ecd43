import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  canTransition,
  CASE_STATE_LABELS,
  CASE_STATES,
  type CaseState,
  IllegalTransitionError,
  isCaseState,
  isFinal,
  isOpen,
  nextStates,
  OPEN_STATES,
  pausesClock,
  transition,
} from '../../shared/domain/case-state';
import { caseStatuses } from '../../renderer/src/features/cases/status';
import { en } from '../../renderer/src/i18n/en';
import { ja } from '../../renderer/src/i18n/ja';

/** The full legal-move table: every pair not listed here must be refused. */
const LEGAL: Record<CaseState, CaseState[]> = {
  received: ['checking', 'withdrawn'],
  checking: ['deficient', 'accepted', 'refused', 'withdrawn'],
  deficient: ['checking', 'closed', 'withdrawn'],
  accepted: ['deciding', 'withdrawn'],
  deciding: ['responding', 'refused', 'withdrawn'],
  responding: ['closed', 'withdrawn'],
  closed: [],
  // #10 item 3: not final until their letters are delivered; they close like any case.
  withdrawn: ['closed'],
  refused: ['closed'],
};

describe('case state machine', () => {
  const pairs = CASE_STATES.flatMap((from) => CASE_STATES.map((to) => [from, to] as const));
  it.each(pairs)('%s -> %s', (from, to) => {
    const legal = LEGAL[from].includes(to);
    expect(canTransition(from, to)).toBe(legal);
    const r = transition(from, to);
    expect(r.ok).toBe(legal);
    if (r.ok) expect(r.state).toBe(to);
    else {
      expect(r.error).toMatchObject({ code: 'ILLEGAL_TRANSITION', from, to });
      expect(r.error.message.ja).toContain(CASE_STATE_LABELS[from].ja);
      expect(r.error.message.ja).toContain(CASE_STATE_LABELS[to].ja);
      expect(() => assertTransition(from, to)).toThrow(IllegalTransitionError);
    }
  });

  it('the happy path and the deficiency loop', () => {
    const path: CaseState[] = ['received', 'checking', 'deficient', 'checking', 'accepted', 'deciding', 'responding', 'closed'];
    let s: CaseState = path[0]!;
    for (const next of path.slice(1)) s = assertTransition(s, next);
    expect(s).toBe('closed');
  });

  it('withdrawn from every state before a letter answers, refused only from checking and deciding', () => {
    for (const s of OPEN_STATES.filter((x) => x !== 'withdrawn' && x !== 'refused')) expect(canTransition(s, 'withdrawn')).toBe(true);
    expect(CASE_STATES.filter((s) => canTransition(s, 'refused'))).toEqual(['checking', 'deciding']);
  });

  it('only closed is final; refused and withdrawn go on to closed; no state moves to itself or back to received', () => {
    expect(CASE_STATES.filter(isFinal)).toEqual(['closed']);
    expect(nextStates('refused')).toEqual(['closed']);
    expect(nextStates('withdrawn')).toEqual(['closed']);
    for (const s of CASE_STATES) {
      expect(canTransition(s, s)).toBe(false);
      expect(canTransition(s, 'received')).toBe(false);
      expect(isOpen(s)).toBe(!isFinal(s));
      expect(nextStates(s).length === 0).toBe(isFinal(s));
    }
  });

  it('only the deficient (waiting) state pauses the clock (I5)', () => {
    expect(CASE_STATES.filter(pausesClock)).toEqual(['deficient']);
  });

  it('recognises state names', () => {
    expect(isCaseState('deciding')).toBe(true);
    expect(isCaseState('archived')).toBe(false);
  });

  it('labels match the renderer (status list and ja/en i18n)', () => {
    expect([...CASE_STATES]).toEqual([...caseStatuses]);
    for (const s of CASE_STATES) {
      expect(CASE_STATE_LABELS[s].ja).toBe(ja.cases.statuses[s]);
      expect(CASE_STATE_LABELS[s].en).toBe(en.cases.statuses[s]);
    }
    expect(CASE_STATE_LABELS.deficient.ja).toBe('不備（再提出待ち）');
  });
});
