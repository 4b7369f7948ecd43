import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KaijiCore } from '../../electron/services/core/kaiji-core';
import { createDispatch } from '../../electron/services/core/dispatch';
import type { CaseSummary, ChannelInput } from '../../shared/contract';
import { CASE_SORTS, DEFAULT_DIRECTION, type CaseListFilter } from '../../shared/domain/case-list';
import { CASE_STATES, type CaseState } from '../../shared/domain/case-state';
import { REQUEST_KINDS, type RequestKind } from '../../shared/domain/page-kind';
import { ADMIN, addStaffSignedInOnce, value, type Call } from '../helpers/core';

/**
 * #13 item 1: the case list pages through any number of cases on the server. One vault of 126
 * cases (seven envelopes of 18 applications, so many cases share an arrival day) in every state
 * the filters care about, with kinds and persons in charge spread over them; every check goes
 * through the real dispatcher over the real encrypted vault.
 */

const TODAY = '2026-12-07';
const ARRIVALS = ['2026-10-05', '2026-10-26', '2026-11-09', '2026-11-16', '2026-11-24', '2026-12-01', '2026-12-07'];
const PER_ENVELOPE = 18;
const CLERK_A = { displayName: '事務 一郎', login: 'ichiro', role: 'clerk' as const, passphrase: 'clerk a passphrase long enough' };
const CLERK_B = { displayName: '事務 二郎', login: 'jiro', role: 'clerk' as const, passphrase: 'clerk b passphrase long enough' };
const AUDITOR = { displayName: '監査 三子', login: 'mitsuko', role: 'auditor' as const, passphrase: 'auditor passphrase long enough' };

interface Made {
  id: string;
  caseNo: string;
  state: CaseState;
  kinds: RequestKind[];
  assignee: string | null;
}

let dir: string;
let core: KaijiCore;
let call: Call;
const made: Made[] = [];
const staff: Record<'admin' | 'a' | 'b' | 'auditor', string> = { admin: '', a: '', b: '', auditor: '' };

async function signIn(who: 'admin' | 'a' | 'b' | 'auditor') {
  const creds = { admin: { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }, a: CLERK_A, b: CLERK_B, auditor: AUDITOR }[who];
  value(await call('vault.unlock', { login: creds.login, passphrase: creds.passphrase }));
}

/** Every page of a listing, one call per page; also checks each page's size and total. */
async function allPages(input: ChannelInput<'cases.list'>, limit: number): Promise<{ rows: CaseSummary[]; total: number }> {
  const rows: CaseSummary[] = [];
  let total = -1;
  for (let offset = 0; ; offset += limit) {
    const page = value(await call('cases.list', { ...input, limit, offset }));
    if (total === -1) total = page.total;
    expect(page.total).toBe(total);
    expect(page.cases.length).toBe(Math.max(0, Math.min(limit, total - offset)));
    rows.push(...page.cases);
    if (offset + limit >= total) break;
  }
  return { rows, total };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kaiji-lists-'));
  core = new KaijiCore({ mode: 'web', dataDir: dir, now: () => Date.parse(`${TODAY}T01:00:00Z`) });
  call = createDispatch(core) as Call;
  value(await call('vault.setup', ADMIN));
  // Withdrawals owe no acknowledgement here, so withdrawn cases owe nothing (R1) and can close.
  value(await call('settings.update', { withdrawalAcknowledgement: 'never' }));
  for (const m of [CLERK_A, CLERK_B, AUDITOR]) await addStaffSignedInOnce(call, m);
  for (const s of value(await call('staff.list', {}))) {
    if (s.login === ADMIN.adminLogin) staff.admin = s.id;
    if (s.login === CLERK_A.login) staff.a = s.id;
    if (s.login === CLERK_B.login) staff.b = s.id;
    if (s.login === AUDITOR.login) staff.auditor = s.id;
  }
  const plan: CaseState[] = ['received', 'checking', 'accepted', 'deficient', 'withdrawn', 'closed', 'accepted'];
  const assignees = [null, staff.a, staff.b, staff.admin, staff.a];
  let i = 0;
  for (const arrivedOn of ARRIVALS) {
    const logged = value(await call('envelopes.log', { arrivedOn, delivery: 'ippan_kakitome', redMarking: true, applications: PER_ENVELOPE }));
    for (const c of logged.cases) {
      const state = plan[i % plan.length]!;
      // Kinds ticked by a person (confirmed): none on every eleventh case, so it owes 'record_kinds'.
      const kinds = i % 11 === 0 ? [] : REQUEST_KINDS.filter((_, k) => (i + k) % 4 === 0);
      if (kinds.length) value(await call('cases.setFields', { id: c.id, fields: kinds.map((k) => ({ field: `request.k${k.slice(1)}`, value: 'true' })) }));
      const path: Record<CaseState, CaseState[]> = {
        received: [],
        checking: ['checking'],
        accepted: ['checking', 'accepted'],
        deficient: ['checking', 'deficient'],
        withdrawn: ['withdrawn'],
        closed: ['withdrawn', 'closed'],
        deciding: [],
        responding: [],
        refused: [],
      };
      for (const to of path[state]) value(await call('cases.transition', { id: c.id, to, ...(to === 'deficient' ? { reason: '本人確認書類がありません' } : {}), ...(to === 'withdrawn' ? { ground: 'letter' } : {}) }));
      const assignee = state === 'closed' ? null : assignees[i % assignees.length]!;
      if (assignee) value(await call('cases.assign', { caseId: c.id, assigneeId: assignee }));
      made.push({ id: c.id, caseNo: c.caseNo, state, kinds, assignee });
      i++;
    }
  }
}, 240_000);

afterAll(async () => {
  await core?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

describe('the case list pages through every case (#13 item 1)', () => {
  it('pages past 50 rows: the header count is the whole filtered set, pages neither overlap nor skip', async () => {
    await signIn('admin');
    const first = value(await call('cases.list', {}));
    expect(first.cases).toHaveLength(50);
    expect(first.total).toBe(made.length);
    expect(made.length).toBeGreaterThanOrEqual(120);
    const { rows, total } = await allPages({}, 50);
    expect(total).toBe(made.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(made.length);
    expect(ids(rows)).toEqual(ids(made));
    // Newest arrival first; within a day the case number decides (a stable, total order).
    for (let k = 1; k < rows.length; k++) {
      const [a, b] = [rows[k - 1]!, rows[k]!];
      expect(a.receivedOn > b.receivedOn || (a.receivedOn === b.receivedOn && a.caseNo > b.caseNo)).toBe(true);
    }
  });

  it('each filter gives exactly the matching cases, counted as shown', async () => {
    await signIn('admin');
    const check = async (filter: CaseListFilter, expected: Made[]) => {
      const { rows, total } = await allPages({ filter }, 50);
      expect(total).toBe(expected.length);
      expect(ids(rows)).toEqual(ids(expected));
    };
    await check({ states: ['accepted'] }, made.filter((m) => m.state === 'accepted'));
    await check({ states: ['received', 'deficient'] }, made.filter((m) => m.state === 'received' || m.state === 'deficient'));
    await check({ kinds: ['K1'] }, made.filter((m) => m.kinds.includes('K1')));
    await check({ kinds: ['K2', 'K6'] }, made.filter((m) => m.kinds.includes('K2') || m.kinds.includes('K6')));
    await check({ assignee: staff.a }, made.filter((m) => m.assignee === staff.a));
    await check({ assignee: 'none' }, made.filter((m) => m.assignee === null));
    await check({ assignee: 'me' }, made.filter((m) => m.assignee === staff.admin));
    await check({ open: true }, made.filter((m) => m.state !== 'closed'));
    await check({ states: ['accepted'], kinds: ['K3'], assignee: staff.a }, made.filter((m) => m.state === 'accepted' && m.kinds.includes('K3') && m.assignee === staff.a));
    expect(made.filter((m) => m.state === 'accepted' && m.kinds.includes('K3') && m.assignee === staff.a).length).toBeGreaterThan(0);
  });

  it('overdue: past the target while the clock runs (I5), as the row itself shows it', async () => {
    await signIn('admin');
    const all = (await allPages({}, 100)).rows;
    const overdue = await allPages({ filter: { overdue: true } }, 30);
    const expected = all.filter((r) => r.deadline?.daysLeft !== null && r.deadline!.daysLeft! < 0);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(overdue.rows)).toEqual(ids(expected));
    // A case whose clock is paused (deficient) or stopped (closed) is never overdue, however old.
    expect(overdue.rows.some((r) => r.status === 'deficient' || r.status === 'closed')).toBe(false);
    expect(made.some((m) => m.state === 'deficient' && m.caseNo.endsWith('0004'))).toBe(true);
  });

  it("answers owed: exactly the cases whose obligations are not empty (R1), the same set as Today's list", async () => {
    await signIn('admin');
    const owed = await allPages({ filter: { answersOwed: true } }, 25);
    const today = value(await call('cases.owed', { limit: 500 }));
    expect(ids(owed.rows)).toEqual(today.map((c) => c.caseId).sort());
    // Accepted (owes decisions or kinds) and deficient (owes the notice) cases; no withdrawn one (policy 'never').
    expect(ids(owed.rows)).toEqual(ids(made.filter((m) => m.state === 'accepted' || m.state === 'deficient')));
  });

  it("needs my action: in my charge, and its next step is my role's", async () => {
    // Clerk A: reading (received/checking) and the deficiency notice to draft; deciding is the administrator's.
    await signIn('a');
    const clerk = await allPages({ filter: { needsMyAction: true } }, 10);
    const clerkExpected = made.filter(
      (m) => m.assignee === staff.a && (m.state === 'received' || m.state === 'checking' || m.state === 'deficient' || (m.state === 'accepted' && m.kinds.length === 0)),
    );
    expect(clerkExpected.length).toBeGreaterThan(0);
    expect(ids(clerk.rows)).toEqual(ids(clerkExpected));
    await signIn('admin');
    const admin = await allPages({ filter: { needsMyAction: true } }, 10);
    expect(ids(admin.rows)).toEqual(ids(made.filter((m) => m.assignee === staff.admin && ['received', 'checking', 'accepted', 'deficient'].includes(m.state))));
    // Auditors take no case steps: nothing needs their action.
    await signIn('auditor');
    expect(value(await call('cases.list', { filter: { needsMyAction: true } })).total).toBe(0);
  });

  it('property: for random filters, sorts and page sizes, the pages concatenate to the whole filtered list', async () => {
    await signIn('b');
    const filterArb = fc.record(
      {
        states: fc.subarray([...CASE_STATES]),
        open: fc.boolean(),
        kinds: fc.subarray([...REQUEST_KINDS]),
        assignee: fc.constantFrom('me', 'none', 'a', 'b', 'admin'),
        overdue: fc.boolean(),
        answersOwed: fc.boolean(),
        needsMyAction: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(filterArb, fc.constantFrom(...CASE_SORTS), fc.constantFrom('asc' as const, 'desc' as const, undefined), fc.integer({ min: 3, max: 60 }), async (f, sort, dir, limit) => {
        const filter: CaseListFilter = { ...f, ...(f.assignee && f.assignee !== 'me' && f.assignee !== 'none' ? { assignee: staff[f.assignee as 'a' | 'b' | 'admin'] } : {}) };
        const input = { filter, sort, ...(dir ? { dir } : {}) };
        const whole = value(await call('cases.list', { ...input, limit: 500 }));
        const { rows, total } = await allPages(input, limit);
        expect(total).toBe(whole.total);
        expect(rows.map((r) => r.id)).toEqual(whole.cases.map((r) => r.id));
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
        // By person in charge: names in code-point order (the way asked), nobody in charge last, on
        // both back ends (the office database cannot order the sealed names itself).
        if (sort === 'assignee') {
          const names = rows.map((r) => r.assigneeName ?? null);
          const named = names.filter((n): n is string => n !== null);
          const up = [...named].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          expect(named).toEqual((dir ?? DEFAULT_DIRECTION.assignee) === 'asc' ? up : up.reverse());
          expect(names.slice(named.length).every((n) => n === null)).toBe(true);
        }
        // Every row shown satisfies the filter it was asked for.
        for (const r of rows) {
          const m = made.find((x) => x.id === r.id)!;
          if (filter.states?.length) expect(filter.states).toContain(m.state);
          if (filter.open) expect(m.state).not.toBe('closed');
          if (filter.kinds?.length) expect(filter.kinds.some((k) => m.kinds.includes(k))).toBe(true);
          if (filter.assignee === 'none') expect(r.assigneeId).toBeNull();
          else if (filter.assignee === 'me' || filter.needsMyAction) expect(r.assigneeId).toBe(staff.b);
          else if (filter.assignee) expect(r.assigneeId).toBe(filter.assignee);
        }
      }),
      { numRuns: 25 },
    );
  }, 180_000);

  it('a search narrows the same paged list and keeps the filter', async () => {
    await signIn('admin');
    const year = await allPages({ query: '2026-00', filter: { states: ['checking'] } }, 7);
    expect(ids(year.rows)).toEqual(ids(made.filter((m) => m.caseNo.startsWith('2026-00') && m.state === 'checking')));
    expect(year.total).toBeGreaterThan(7);
  });
});

describe('the person in charge (#13 item 2a)', () => {
  it('rows and the case file show the person in charge', async () => {
    await signIn('admin');
    const m = made.find((x) => x.assignee === staff.a)!;
    const detail = value(await call('cases.detail', { id: m.id }));
    expect(detail.case).toMatchObject({ assigneeId: staff.a, assigneeName: CLERK_A.displayName });
    const row = value(await call('cases.list', { query: m.caseNo })).cases.find((c) => c.id === m.id)!;
    expect(row).toMatchObject({ assigneeId: staff.a, assigneeName: CLERK_A.displayName });
    const assignees = value(await call('cases.assignees', {}));
    // Auditors only read (S1): never offered as the person in charge.
    expect(assignees.map((s) => s.id).sort()).toEqual([staff.admin, staff.a, staff.b].sort());
  });

  it('every role × who has it now × who is asked for: only the rule in case-permissions.ts passes, and it is audited in words', async () => {
    const roles = { admin: 'administrator', a: 'clerk', auditor: 'auditor' } as const;
    const pool = made.filter((m) => m.state === 'received' || m.state === 'checking');
    let checked = 0;
    for (const [w, who] of (['admin', 'a', 'auditor'] as const).entries()) {
      const selfId = staff[who];
      const otherId = who === 'admin' ? staff.a : staff.admin;
      const resolve = (x: null | 'self' | 'other') => (x === null ? null : x === 'self' ? selfId : otherId);
      const combos = ([null, 'self', 'other'] as const).flatMap((current) => ([null, 'self', 'other'] as const).map((next) => ({ current, next })));
      // An auditor is never in charge, so "the auditor has it now" cannot be set up.
      const cases = combos.filter((c) => !(who === 'auditor' && c.current === 'self')).map((c, k) => ({ ...c, target: pool[w * 9 + k]! }));
      // The starting position, set by the administrator; then the role under test asks.
      await signIn('admin');
      for (const c of cases) value(await call('cases.assign', { caseId: c.target.id, assigneeId: resolve(c.current) }));
      await signIn(who);
      for (const { current, next, target } of cases) {
        const asked = resolve(next);
        const r = await call('cases.assign', { caseId: target.id, assigneeId: asked });
        const allowed = roles[who] === 'administrator' ? true : roles[who] === 'clerk' ? current === null && next === 'self' : false;
        checked++;
        if (allowed) {
          expect(r.ok, `${who} ${current}->${next}`).toBe(true);
          if (r.ok) expect(r.value.assigneeId).toBe(asked);
        } else {
          expect(r.ok, `${who} ${current}->${next}`).toBe(false);
          const expectedCode = roles[who] === 'auditor' ? 'FORBIDDEN' : current !== null && next === 'self' ? 'CASE_ALREADY_ASSIGNED' : 'ROLE_FORBIDS';
          if (!r.ok) expect(r.error.code, `${who} ${current}->${next}`).toBe(expectedCode);
        }
      }
    }
    expect(checked).toBe(24);
    // A clerk took a case: audited as taken, with the names in words (staff, not data subjects).
    await signIn('admin');
    const trail = value(await call('audit.list', { action: 'case.taken', limit: 5 }));
    expect(trail.entries[0]?.summary).toMatchObject({ assignee: CLERK_A.displayName, previousAssignee: null });
    const changed = value(await call('audit.list', { action: 'case.assigned', limit: 200 }));
    expect(changed.entries.some((e) => e.summary.previousAssignee === CLERK_A.displayName && e.summary.assignee === ADMIN.adminName)).toBe(true);
  });

  it('only active administrators and clerks can be in charge; closed cases cannot be taken', async () => {
    await signIn('admin');
    const open = made.find((m) => m.state === 'checking')!;
    const refused = await call('cases.assign', { caseId: open.id, assigneeId: staff.auditor });
    expect(!refused.ok && refused.error.code).toBe('ASSIGNEE_NOT_ELIGIBLE');
    const closed = made.find((m) => m.state === 'closed')!;
    await signIn('b');
    const take = await call('cases.assign', { caseId: closed.id, assigneeId: staff.b });
    expect(!take.ok && take.error.code).toBe('ROLE_FORBIDS');
    // The refused step is itself audited (S3).
    await signIn('admin');
    const denied = value(await call('audit.list', { action: 'access.denied', limit: 5 }));
    expect(denied.entries.some((e) => e.recordId === closed.id)).toBe(true);
  });
});

describe('saved filters (#13 item 1)', () => {
  it('are named, saved, picked and deleted per person; a name saved again replaces the filter', async () => {
    await signIn('a');
    const mine = value(await call('savedFilters.save', { list: 'cases', name: '至急', filter: { overdue: true, assignee: 'me' } }));
    value(await call('savedFilters.save', { list: 'cases', name: '受理済み', filter: { states: ['accepted'] } }));
    const again = value(await call('savedFilters.save', { list: 'cases', name: '至急', filter: { overdue: true } }));
    expect(again.id).toBe(mine.id);
    let list = value(await call('savedFilters.list', { list: 'cases' }));
    expect(list.map((f) => [f.name, f.filter])).toEqual([
      ['受理済み', { states: ['accepted'] }],
      ['至急', { overdue: true }],
    ]);
    // Picking a saved filter is listing with it: same rows as typing it in.
    const picked = value(await call('cases.list', { filter: list[0]!.filter, limit: 500 }));
    expect(ids(picked.cases)).toEqual(ids(made.filter((m) => m.state === 'accepted')));
    // Another person neither sees nor deletes them.
    await signIn('b');
    expect(value(await call('savedFilters.list', { list: 'cases' }))).toEqual([]);
    const foreign = await call('savedFilters.delete', { id: mine.id });
    expect(!foreign.ok && foreign.error.code).toBe('NOT_FOUND');
    await signIn('a');
    value(await call('savedFilters.delete', { id: mine.id }));
    list = value(await call('savedFilters.list', { list: 'cases' }));
    expect(list.map((f) => f.name)).toEqual(['受理済み']);
    // A filter that is not one (unknown key) is refused at the edge.
    const bad = await call('savedFilters.save', { list: 'cases', name: 'x', filter: { colour: 'red' } as never });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });
});
