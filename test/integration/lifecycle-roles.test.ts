/**
 * Roles as rules (issue #10 item 5), generated from the state machine and the role table:
 * - every role × from-state × to-state through `cases.transition` on a real vault: exactly the
 *   cells the tables allow succeed; the others are typed bilingual errors, and every refusal for
 *   the role is audited (access.denied);
 * - fast-check: random event sequences by random roles (decide, draft, edit, issue, mail,
 *   deliver, return, refuse, withdraw, close, transition) never reach `closed` while something is
 *   owed unless an administrator waived it with a reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayTransition, transitionAction } from '../../shared/domain/case-permissions';
import { CASE_STATES, canTransition, type CaseState } from '../../shared/domain/case-state';
import { caseObligations } from '../../shared/domain/obligations';
import { errorMessages } from '../../shared/errors';
import { roles, type Role } from '../../shared/roles';
import type { Result } from '../../shared/result';
import { caseSnapshot } from '../../electron/services/lifecycle/case-snapshot';
import { ADMIN, useCores, value, type Call, addStaffSignedInOnce } from '../helpers/core';
import { COMPANY_SETTINGS } from '../helpers/letters-case';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

const USERS: Record<Role, { login: string; passphrase: string; displayName: string }> = {
  administrator: { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase, displayName: ADMIN.adminName },
  clerk: { login: 'jiro', passphrase: 'another long passphrase 42', displayName: '事務 次郎' },
  auditor: { login: 'saburo', passphrase: 'a third long passphrase 7', displayName: '監査 三郎' },
};

async function setUp(call: Call) {
  value(await call('vault.setup', ADMIN));
  value(await call('settings.update', COMPANY_SETTINGS));
  for (const role of ['clerk', 'auditor'] as const) await addStaffSignedInOnce(call, { ...USERS[role], role });
}

const as = async (call: Call, role: Role) => value(await call('vault.unlock', { login: USERS[role].login, passphrase: USERS[role].passphrase }));

/** A typed, bilingual refusal (never INTERNAL). */
function expectTypedError(r: Result<unknown>) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(Object.keys(errorMessages)).toContain(r.error.code);
  expect(r.error.code).not.toBe('INTERNAL');
  expect(r.error.message.ja.length).toBeGreaterThan(0);
  expect(r.error.message.en.length).toBeGreaterThan(0);
}

describe('role × from × to through cases.transition (generated from the state machine)', () => {
  it('exactly the allowed cells succeed; refusals for the role are typed and audited', async () => {
    const { core, call } = makeCore({ dataDir: tempDir() });
    await setUp(call);
    const ws = () => core.current!.ws;
    const cells = roles.flatMap((role) => CASE_STATES.flatMap((from) => CASE_STATES.map((to) => ({ role, from, to }))));
    // One fresh case per cell, put in its from-state directly (the fixture, not the rule under test).
    const ids: string[] = [];
    while (ids.length < cells.length) {
      const logged = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true, applications: Math.min(20, cells.length - ids.length) }));
      ids.push(...logged.cases.map((c) => c.id));
    }
    for (const [i, cell] of cells.entries()) await ws().db.updateTable('cases').set({ status: cell.from }).where('id', '=', ids[i]!).execute();

    let expectedDenials = 0;
    for (const role of roles) {
      await as(call, role);
      const deniedCount = async () => Number((await ws().db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'access.denied').executeTakeFirstOrThrow()).n);
      const before = await deniedCount();
      const denials = { n: 0 };
      for (const [i, cell] of cells.entries()) {
        if (cell.role !== role) continue;
        const id = ids[i]!;
        const input = { id, to: cell.to, reason: '理由を記載', ...(cell.to === 'withdrawn' ? { ground: 'phone' as const } : cell.to === 'refused' ? { ground: 'not_liable' as const } : {}) };
        const r = await call('cases.transition', input);
        const allowed = canTransition(cell.from, cell.to) && mayTransition(role, cell.from, cell.to);
        expect({ ...cell, ok: r.ok }).toEqual({ ...cell, ok: allowed });
        if (allowed) continue;
        expectTypedError(r);
        if (r.ok) continue;
        if (role === 'auditor') expect(r.error.code).toBe('FORBIDDEN');
        else if (!canTransition(cell.from, cell.to)) expect(r.error.code).toBe('ILLEGAL_TRANSITION');
        else if (transitionAction(cell.from, cell.to) === null) expect(r.error.code).toBe('MOVE_FOLLOWS_ACTION');
        else expect(r.error.code).toBe('ROLE_FORBIDS');
        if (r.error.code === 'FORBIDDEN' || r.error.code === 'ROLE_FORBIDS') denials.n += 1;
        // Nothing moved.
        const row = await core.current!.ws.db.selectFrom('cases').select('status').where('id', '=', id).executeTakeFirstOrThrow();
        expect(row.status).toBe(cell.from);
      }
      expect((await deniedCount()) - before).toBe(denials.n);
      expectedDenials += denials.n;
    }
    // Clerks lack close, accept, refuse, withdraw, deficiency; auditors may call nothing.
    expect(expectedDenials).toBeGreaterThan(CASE_STATES.length);
  }, 120_000);
});

type Event =
  | { t: 'decide'; role: Role; kind: 'K1' | 'K2'; outcome: 'done' | 'no_data' | 'not_done' }
  | { t: 'draft'; role: Role; template: 'disclosure' | 'purpose_of_use' | 'no_data' | 'partial_or_refusal' | 'combined_reply' | 'refusal_notice' | 'withdrawal_ack' }
  | { t: 'edit'; role: Role; pick: number }
  | { t: 'issue'; role: Role; pick: number }
  | { t: 'mail'; role: Role; pick: number }
  | { t: 'deliver'; role: Role; pick: number }
  | { t: 'return'; role: Role; pick: number }
  | { t: 'refuse'; role: Role }
  | { t: 'withdraw'; role: Role }
  | { t: 'close'; role: Role; reason: boolean }
  | { t: 'transition'; role: Role; to: CaseState };

const roleArb = fc.constantFrom<Role>('administrator', 'clerk', 'auditor');
const eventArb: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ t: fc.constant('decide' as const), role: roleArb, kind: fc.constantFrom('K1' as const, 'K2' as const), outcome: fc.constantFrom('done' as const, 'no_data' as const, 'not_done' as const) }),
  fc.record({ t: fc.constant('draft' as const), role: roleArb, template: fc.constantFrom('disclosure' as const, 'purpose_of_use' as const, 'no_data' as const, 'partial_or_refusal' as const, 'combined_reply' as const, 'refusal_notice' as const, 'withdrawal_ack' as const) }),
  fc.record({ t: fc.constant('edit' as const), role: roleArb, pick: fc.nat(5) }),
  fc.record({ t: fc.constant('issue' as const), role: roleArb, pick: fc.nat(5) }),
  fc.record({ t: fc.constant('mail' as const), role: roleArb, pick: fc.nat(5) }),
  fc.record({ t: fc.constant('deliver' as const), role: roleArb, pick: fc.nat(5) }),
  fc.record({ t: fc.constant('return' as const), role: roleArb, pick: fc.nat(5) }),
  fc.record({ t: fc.constant('refuse' as const), role: roleArb }),
  fc.record({ t: fc.constant('withdraw' as const), role: roleArb }),
  fc.record({ t: fc.constant('close' as const), role: roleArb, reason: fc.boolean() }),
  fc.record({ t: fc.constant('transition' as const), role: roleArb, to: fc.constantFrom(...CASE_STATES) }),
);

describe('property: random event sequences by random roles (R1, S1)', () => {
  it('never closed while something is owed unless an administrator waived it with a reason; every refused step is typed and audited', async () => {
    const { core, call } = makeCore({ dataDir: tempDir() });
    await setUp(call);
    let current: Role = 'administrator';
    const seen = { closed: 0, waived: 0, denied: 0 };
    const switchTo = async (role: Role) => {
      if (role !== current) await as(call, role);
      current = role;
    };
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { minLength: 4, maxLength: 10 }), async (events) => {
        await switchTo('administrator');
        // A fresh case asking K1 and K2 (staff-typed, so confirmed), accepted.
        const logged = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true }));
        const caseId = logged.cases[0]!.id;
        value(await call('cases.setFields', { id: caseId, fields: [{ field: 'request.k1', value: 'true' }, { field: 'request.k2', value: 'true' }, { field: 'subject.name', value: '山田 太郎' }, { field: 'subject.address', value: '東京都世田谷区桜新町1-2-3' }, { field: 'subject.postalCode', value: '154-0015' }] }));
        value(await call('cases.transition', { id: caseId, to: 'checking' }));
        value(await call('cases.transition', { id: caseId, to: 'accepted' }));
        const letters: string[] = [];
        const items: string[] = [];
        for (const e of events) {
          await switchTo(e.role);
          const deniedBefore = await core.current!.ws.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'access.denied').executeTakeFirstOrThrow();
          let r: Result<unknown>;
          switch (e.t) {
            case 'decide':
              r = await call('decisions.record', { caseId, kind: e.kind, outcome: e.outcome, grounds: e.outcome === 'not_done' ? ['business'] : [], enclosures: ['写し 1通'], reasonText: '理由' });
              break;
            case 'draft':
              r = await call('letters.create', { caseId, template: e.template });
              if (r.ok) letters.push((r.value as { id: string }).id);
              break;
            case 'edit': {
              const id = letters[e.pick % Math.max(letters.length, 1)];
              if (!id) continue;
              const got = await call('letters.get', { id });
              if (!got.ok) continue;
              const { templateId: _t, lang: _l, ...text } = got.value.draft;
              r = await call('letters.update', { id, draft: { ...text, body: [...text.body, '追記'] } });
              break;
            }
            case 'issue': {
              const id = letters[e.pick % Math.max(letters.length, 1)];
              if (!id) continue;
              r = await call('letters.issue', { id });
              break;
            }
            case 'mail': {
              const id = letters[e.pick % Math.max(letters.length, 1)];
              if (!id) continue;
              r = await call('mail.logOutbound', { caseId, letterId: id, method: 'ippan_kakitome', trackingNumber: '123456789013', proofRequested: true, sentOn: today() });
              if (r.ok) items.push((r.value as { id: string }).id);
              break;
            }
            case 'deliver': {
              const id = items[e.pick % Math.max(items.length, 1)];
              if (!id) continue;
              r = await call('mail.recordDelivery', { id, deliveredOn: today(), proofReceivedOn: today() });
              break;
            }
            case 'return': {
              const id = items[e.pick % Math.max(items.length, 1)];
              if (!id) continue;
              r = await call('mail.markReturned', { id, returnedOn: today() });
              break;
            }
            case 'refuse':
              r = await call('cases.transition', { id: caseId, to: 'refused', reason: '拒否の理由', ground: 'repeated' });
              break;
            case 'withdraw':
              r = await call('cases.transition', { id: caseId, to: 'withdrawn', ground: 'phone' });
              break;
            case 'close':
              r = await call('cases.transition', { id: caseId, to: 'closed', ...(e.reason ? { reason: '転居先不明' } : {}) });
              break;
            case 'transition':
              r = await call('cases.transition', { id: caseId, to: e.to, reason: '理由', ...(e.to === 'withdrawn' ? { ground: 'letter' as const } : {}) });
              break;
          }
          if (!r.ok) {
            expectTypedError(r);
            if (r.error.code === 'FORBIDDEN' || r.error.code === 'ROLE_FORBIDS' || r.error.code === 'LETTER_NEEDS_APPROVAL') {
              const deniedAfter = await core.current!.ws.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'access.denied').executeTakeFirstOrThrow();
              expect(Number(deniedAfter.n)).toBe(Number(deniedBefore.n) + 1);
              seen.denied += 1;
            }
          }
          // The invariant, after every step: closed ⇒ nothing owed (waivers counted).
          const db = core.current!.ws.db;
          const row = await db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow();
          if (row.status === 'closed') {
            seen.closed += 1;
            expect(caseObligations(await caseSnapshot(db, caseId))).toEqual([]);
            const waivers = await db.selectFrom('case_waivers').innerJoin('staff', 'staff.id', 'case_waivers.waived_by').select(['staff.role', 'case_waivers.reason']).where('case_id', '=', caseId).execute();
            if (waivers.length > 0) seen.waived += 1;
            for (const w of waivers) {
              expect(w.role).toBe('administrator');
              expect(w.reason.trim().length).toBeGreaterThan(0);
            }
          }
        }
      }),
      {
        numRuns: 6,
        // Designed sequences first, so the invariant is seen on both ways to close: a clerk's
        // close refused, then an administrator's waiver; and the full answer delivered.
        examples: [
          [
            [
              { t: 'withdraw', role: 'clerk' },
              { t: 'withdraw', role: 'administrator' },
              { t: 'close', role: 'clerk', reason: true },
              { t: 'close', role: 'administrator', reason: false },
              { t: 'close', role: 'administrator', reason: true },
            ],
          ],
          [
            [
              { t: 'decide', role: 'administrator', kind: 'K1', outcome: 'no_data' },
              { t: 'decide', role: 'administrator', kind: 'K2', outcome: 'done' },
              { t: 'draft', role: 'clerk', template: 'combined_reply' },
              { t: 'edit', role: 'clerk', pick: 0 },
              { t: 'issue', role: 'clerk', pick: 0 },
              { t: 'issue', role: 'administrator', pick: 0 },
              { t: 'mail', role: 'clerk', pick: 0 },
              { t: 'deliver', role: 'clerk', pick: 0 },
            ],
          ],
        ],
      },
    );
    expect(seen.closed).toBeGreaterThan(0);
    expect(seen.waived).toBeGreaterThan(0);
    expect(seen.denied).toBeGreaterThan(0);
  }, 300_000);
});
