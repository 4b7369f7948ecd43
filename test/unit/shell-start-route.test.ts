/** #13 item 8: each person starts on their own home, not the previous person's last page. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MY_CASES_HASH, canOpen, homeHash, homeRoute, hrefOf, parseRoute, routeNames, startHash } from '../../renderer/src/features/shell/routes';
import type { Role } from '../../shared/roles';

const ROLES: Role[] = ['administrator', 'clerk', 'auditor'];

describe('start page at sign-in', () => {
  it('administrators start on Today, clerks on "my cases" (#13 item 2a), auditors on the audit trail', () => {
    expect(homeRoute('administrator')).toBe('today');
    expect(homeRoute('clerk')).toBe('cases');
    expect(homeHash('clerk')).toBe('#/cases?mine');
    expect(parseRoute(MY_CASES_HASH)).toBe('cases');
    expect(homeRoute('auditor')).toBe('audit');
  });

  it("a clerk signing in after an administrator does not land on the administrator's settings page", () => {
    expect(startHash('#/settings', 'admin-id', { id: 'clerk-id', role: 'clerk' })).toBe(MY_CASES_HASH);
    // Nor on a case the administrator had open.
    expect(startHash('#/cases/abc', 'admin-id', { id: 'clerk-id', role: 'clerk' })).toBe(MY_CASES_HASH);
  });

  it('the same person unlocking again keeps their page (idle lock), even a case file; so does a link in a fresh window', () => {
    expect(startHash('#/cases/abc', 'clerk-id', { id: 'clerk-id', role: 'clerk' })).toBe('#/cases/abc');
    expect(startHash('#/cases/abc', null, { id: 'clerk-id', role: 'clerk' })).toBe('#/cases/abc');
    // …unless the role may not open it.
    expect(startHash('#/settings', null, { id: 'clerk-id', role: 'clerk' })).toBe(MY_CASES_HASH);
  });

  it('for any previous page and person: a page the role may open, home unless it is the same person', () => {
    const hash = fc.oneof(fc.constantFrom(...routeNames).map(hrefOf), fc.string({ maxLength: 12 }).map((s) => `#/${s}`), fc.constant(''));
    fc.assert(
      fc.property(hash, fc.constantFrom('a', 'b', null), fc.constantFrom('a', 'b'), fc.constantFrom(...ROLES), (h, previous, id, role) => {
        const next = startHash(h, previous, { id, role });
        const route = parseRoute(next);
        expect(route).not.toBeNull();
        expect(canOpen(route!, role)).toBe(true);
        if (previous !== null && previous !== id) expect(next).toBe(homeHash(role));
      }),
    );
  });
});
