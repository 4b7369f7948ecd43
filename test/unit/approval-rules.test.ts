/**
 * The approval rules (決裁, issue #13 item 2b) as pure functions: who may approve what, for every
 * role and every relation to the letter, and what the obligations say while a draft waits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalAllowsIssue, approvalRefusal, approvalState, preparersOf } from '../../shared/domain/approval';
import { caseObligations, type CaseSnapshot } from '../../shared/domain/obligations';
import { roles } from '../../shared/roles';

describe('approvalRefusal: only another administrator, only a draft', () => {
  it('every role × (preparer, decider, neither) × (draft, issued)', () => {
    for (const role of roles) {
      for (const relation of ['preparer', 'decider', 'neither'] as const) {
        for (const status of ['draft', 'issued'] as const) {
          const subject = { status, preparers: relation === 'preparer' ? ['me', 'x'] : ['x'], deciders: relation === 'decider' ? ['me'] : ['y'] };
          const expected = role !== 'administrator' ? 'role' : status === 'issued' ? 'issued' : relation === 'neither' ? null : 'self';
          expect(approvalRefusal({ id: 'me', role }, subject), `${role} ${relation} ${status}`).toBe(expected);
        }
      }
    }
  });

  it('property: approval is allowed exactly when an administrator is outside preparers and deciders of a draft', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(ids, fc.constantFrom(...roles), fc.array(ids), fc.array(ids), fc.constantFrom('draft' as const, 'issued' as const), (me, role, preparers, deciders, status) => {
        const ok = approvalRefusal({ id: me, role }, { status, preparers, deciders }) === null;
        expect(ok).toBe(role === 'administrator' && status === 'draft' && !preparers.includes(me) && !deciders.includes(me));
      }),
    );
  });

  it('an actor without an id (Kaiji itself) never approves', () => {
    expect(approvalRefusal({ id: null, role: 'administrator' }, { status: 'draft', preparers: [], deciders: [] })).toBe('self');
  });
});

describe('approvalState and issue', () => {
  it('off: never required; on: only an approval lets the letter out', () => {
    for (const act of ['approved', 'sent_back', null] as const) expect(approvalAllowsIssue(approvalState(false, act))).toBe(true);
    expect(approvalState(true, null)).toBe('awaiting');
    expect(approvalState(true, 'sent_back')).toBe('sent_back');
    expect(approvalAllowsIssue(approvalState(true, null))).toBe(false);
    expect(approvalAllowsIssue(approvalState(true, 'sent_back'))).toBe(false);
    expect(approvalAllowsIssue(approvalState(true, 'approved'))).toBe(true);
  });

  it('preparers: author, last editor and recorded ones, once each', () => {
    expect(preparersOf({ createdBy: 'a', updatedBy: 'b', preparedBy: ['a', 'c'] }).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('obligations: a draft waiting for approval is owed as "approve", a sent-back one as "revise"', () => {
  const base: CaseSnapshot = {
    state: 'deciding',
    requested: [{ kind: 'K1', confirmed: true }],
    decisions: [{ kind: 'K1', outcome: 'no_data', grounds: [], reasonText: '' }],
    letters: [],
    openMoneyOrders: 0,
    waived: [],
  };
  const draft = (approval?: 'awaiting' | 'approved' | 'sent_back') => ({ id: 'l', template: 'no_data' as const, status: 'draft' as const, mailed: false, delivered: false, inTransit: false, returned: false, ...(approval ? { approval } : {}) });
  const codes = (letters: CaseSnapshot['letters']) => caseObligations({ ...base, letters }).map((o) => o.code);
  it('per approval state', () => {
    expect(codes([draft()])).toEqual(['issue']);
    expect(codes([draft('awaiting')])).toEqual(['approve']);
    expect(codes([draft('approved')])).toEqual(['issue']);
    expect(codes([draft('sent_back')])).toEqual(['revise']);
    expect(codes([draft('sent_back'), draft('awaiting')])).toEqual(['approve']);
    const label = caseObligations({ ...base, letters: [draft('awaiting')] })[0]!.label;
    expect(label.ja).toContain('決裁待ち');
    expect(label.en).toContain('approval');
  });
});
