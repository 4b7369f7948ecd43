/**
 * Stored per-case facts (issue 13 item 10, migration 024): after random sequences of real
 * service calls through the real dispatcher (intake, kinds, transitions, decisions, letters,
 * mail, money orders, settings, waivers), the stored facts equal facts computed from scratch,
 * and "answers owed" equals the obligations rule (R1, F4) run on each case's live snapshot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseObligations } from '../../shared/domain/obligations';
import { REQUEST_KINDS } from '../../shared/domain/page-kind';
import { DECISION_OUTCOMES } from '../../shared/domain/decisions';
import { LETTER_TEMPLATES } from '../../shared/domain/letters/types';
import { computeCaseFacts, rebuildCaseFacts, refreshCaseFacts } from '../../electron/services/facts/case-facts';
import { caseSnapshot } from '../../electron/services/lifecycle/case-snapshot';
import { ADMIN, useCores, value, type Call } from '../helpers/core';
import { COMPANY_SETTINGS } from '../helpers/letters-case';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

const NO_KINDS = Object.fromEntries(REQUEST_KINDS.map((k) => [`request.k${k.slice(1)}`, false]));
const kindsArb = fc.subarray([...REQUEST_KINDS], { minLength: 0, maxLength: 3 });
const STATES = ['checking', 'accepted', 'deficient', 'refused', 'withdrawn', 'closed'] as const;

type Op =
  | { op: 'newCase'; kinds: string[] }
  | { op: 'setKinds'; c: number; kinds: string[]; ocr: boolean }
  | { op: 'confirmKinds'; c: number }
  | { op: 'transition'; c: number; to: (typeof STATES)[number] }
  | { op: 'decide'; c: number; kind: string; outcome: (typeof DECISION_OUTCOMES)[number] }
  | { op: 'letter'; c: number; template: (typeof LETTER_TEMPLATES)[number]; issue: boolean }
  | { op: 'mail'; c: number; then: 'deliver' | 'return' | 'none' }
  | { op: 'order'; c: number; then: 'cash' | 'return' | 'none' }
  | { op: 'settings'; days: number; ack: 'always' | 'unless_letter' | 'never' }
  | { op: 'closeWaiving'; c: number }
  | { op: 'nextDay'; days: number }
  | { op: 'advance'; c: number }
  | { op: 'answer'; c: number; then: 'deliver' | 'return' | 'none' };

const c = fc.nat(6);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('newCase' as const), kinds: kindsArb }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('transition' as const), c, to: fc.constantFrom(...STATES, 'checking' as const, 'accepted' as const) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('advance' as const), c }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('answer' as const), c, then: fc.constantFrom('deliver' as const, 'return' as const, 'none' as const) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('decide' as const), c, kind: fc.constantFrom(...REQUEST_KINDS), outcome: fc.constantFrom(...DECISION_OUTCOMES) }), weight: 3 },
  fc.record({ op: fc.constant('setKinds' as const), c, kinds: kindsArb, ocr: fc.boolean() }),
  fc.record({ op: fc.constant('confirmKinds' as const), c }),
  fc.record({ op: fc.constant('transition' as const), c, to: fc.constantFrom(...STATES) }),
  fc.record({ op: fc.constant('decide' as const), c, kind: fc.constantFrom(...REQUEST_KINDS), outcome: fc.constantFrom(...DECISION_OUTCOMES) }),
  fc.record({ op: fc.constant('letter' as const), c, template: fc.constantFrom(...LETTER_TEMPLATES), issue: fc.boolean() }),
  fc.record({ op: fc.constant('mail' as const), c, then: fc.constantFrom('deliver' as const, 'return' as const, 'none' as const) }),
  fc.record({ op: fc.constant('order' as const), c, then: fc.constantFrom('cash' as const, 'return' as const, 'none' as const) }),
  fc.record({ op: fc.constant('settings' as const), days: fc.integer({ min: 5, max: 30 }), ack: fc.constantFrom('always' as const, 'unless_letter' as const, 'never' as const) }),
  fc.record({ op: fc.constant('closeWaiving' as const), c }),
  fc.record({ op: fc.constant('nextDay' as const), days: fc.integer({ min: 1, max: 6 }) }),
);

describe('stored per-case facts (migration 024)', () => {
  it('after random sequences of service calls, stored facts equal facts computed from scratch', async () => {
    let clock = Date.parse('2026-09-01T01:00:00Z');
    const { core, call } = makeCore({ dataDir: tempDir(), now: () => clock });
    value(await call('vault.setup', ADMIN));
    value(await call('settings.update', { ...COMPANY_SETTINGS, responseTargetDays: 14, responseDayCount: 'calendar' }));
    const db = () => core.requireSession().ws.db;
    const day = () => new Date(clock + 9 * 3_600_000).toISOString().slice(0, 10);
    const cases: string[] = [];
    const orders = new Map<string, string[]>();
    let certificate = 1;
    let effective = 0;
    const done = new Map<string, number>();

    const run = async (o: Op, call: Call) => {
      // The newest cases most often: the ones a sequence has walked furthest.
      const id = cases.length ? cases[cases.length - 1 - (('c' in o ? o.c : 0) % Math.min(cases.length, 4))]! : undefined;
      const kindFields = (kinds: string[]) => fieldsOf({ ...FILLED, ...NO_KINDS, ...Object.fromEntries(kinds.map((k) => [`request.k${k.slice(1)}`, true])) });
      let r: { ok: boolean } | undefined;
      switch (o.op) {
        case 'newCase': {
          const logged = value(await call('envelopes.log', { arrivedOn: day(), delivery: 'futsu', redMarking: true }));
          cases.push(logged.cases[0]!.id);
          r = await call('cases.setFields', { id: logged.cases[0]!.id, fields: kindFields(o.kinds) });
          break;
        }
        case 'setKinds':
          if (!id) return;
          // As OCR would write them (confidence, review flag) or as staff type them.
          if (o.ocr) {
            const ws = core.requireSession().ws;
            await ws.db
              .updateTable('case_fields')
              .set({ confidence: 80, needs_review: 1 })
              .where('case_id', '=', id)
              .where('field', 'like', 'request.k%')
              .execute();
            r = { ok: true };
          } else r = await call('cases.setFields', { id, fields: kindFields(o.kinds) });
          break;
        case 'confirmKinds':
          if (id) r = await call('cases.confirmKinds', { caseId: id });
          break;
        case 'transition':
          if (id)
            r = await call('cases.transition', {
              id,
              to: o.to,
              ...(o.to === 'refused' || o.to === 'deficient' || o.to === 'closed' ? { reason: '理由' } : {}),
              ...(o.to === 'withdrawn' ? { ground: 'letter' } : {}),
            });
          break;
        case 'decide': {
          if (!id) return;
          // One of the kinds the case asks for (a random kind would nearly always be refused).
          const asked = await db().selectFrom('case_fields').select('field').where('case_id', '=', id).where('field', 'like', 'request.k%').where('value', '=', 'true').execute();
          const kind = asked.length ? `K${asked[REQUEST_KINDS.indexOf(o.kind as never) % asked.length]!.field.slice(-1)}` : o.kind;
          r = await call('decisions.record', { caseId: id, kind: kind as never, outcome: o.outcome, reasonText: '理由', grounds: o.outcome === 'not_done' || o.outcome === 'partial' ? ['business'] : [] });
          break;
        }
        case 'letter': {
          if (!id) return;
          // Mostly what the case is owed (letters.suggest), sometimes any template.
          const suggested = value(await call('letters.suggest', { caseId: id })).map((x) => x.template);
          const pick = LETTER_TEMPLATES.indexOf(o.template);
          const template = suggested.length && pick % 4 !== 0 ? suggested[pick % suggested.length]! : o.template;
          const created = await call('letters.create', { caseId: id, template });
          r = created;
          if (created.ok && o.issue) r = await call('letters.issue', { id: created.value.id });
          break;
        }
        case 'mail': {
          if (!id) return;
          const letters = value(await call('letters.list', { caseId: id })).filter((l) => l.status === 'issued');
          const letter = letters.at(-1);
          if (!letter) return;
          const item = await call('mail.logOutbound', { caseId: id, letterId: letter.id, method: 'futsu', sentOn: day() });
          r = item;
          if (item.ok && o.then === 'deliver') r = await call('mail.recordDelivery', { id: item.value.id, deliveredOn: day() });
          if (item.ok && o.then === 'return') r = await call('mail.markReturned', { id: item.value.id, returnedOn: day() });
          break;
        }
        case 'order': {
          if (!id) return;
          const mine = orders.get(id) ?? [];
          if (o.then === 'none' || mine.length === 0) {
            const rec = await call('moneyOrders.record', { caseId: id, certificateNo: `12-${String(certificate++).padStart(6, '0')}`, faceValue: 1000, issuedOn: '2026-08-20', issuingOffice: '新宿', receivedOn: day() });
            r = rec;
            if (rec.ok) orders.set(id, [...mine, rec.value.id]);
          } else if (o.then === 'cash') r = await call('moneyOrders.cash', { id: mine[0]!, cashedOn: day(), depositRef: 'D-1' });
          else r = await call('moneyOrders.return', { id: mine[0]!, returnedOn: day() });
          break;
        }
        case 'settings':
          r = await call('settings.update', { responseTargetDays: o.days, withdrawalAcknowledgement: o.ack });
          break;
        case 'closeWaiving':
          if (id) r = await call('letters.closeCase', { caseId: id, reason: '再送先なし' });
          break;
        case 'advance':
          // Received -> checking -> accepted with the kinds confirmed: where decisions and answers start.
          if (!id) return;
          await call('cases.transition', { id, to: 'checking' });
          await call('cases.confirmKinds', { caseId: id });
          r = await call('cases.transition', { id, to: 'accepted' });
          break;
        case 'answer': {
          // Every asked kind decided, one combined reply issued and mailed: the answer route to its end.
          if (!id) return;
          const asked = await db().selectFrom('case_fields').select('field').where('case_id', '=', id).where('field', 'like', 'request.k%').where('value', '=', 'true').execute();
          for (const f of asked) await call('decisions.record', { caseId: id, kind: `K${f.field.slice(-1)}` as never, outcome: 'done', reasonText: '理由', enclosures: ['写し 1通'] });
          const draft = await call('letters.create', { caseId: id, template: 'combined_reply' });
          if (!draft.ok) return;
          r = await call('letters.issue', { id: draft.value.id });
          if (!r.ok) return;
          const item = await call('mail.logOutbound', { caseId: id, letterId: draft.value.id, method: 'futsu', sentOn: day() });
          r = item;
          if (item.ok && o.then === 'deliver') r = await call('mail.recordDelivery', { id: item.value.id, deliveredOn: day() });
          if (item.ok && o.then === 'return') r = await call('mail.markReturned', { id: item.value.id, returnedOn: day() });
          break;
        }
        case 'nextDay':
          clock += o.days * 86_400_000;
          return;
      }
      if (r?.ok) {
        effective++;
        done.set(o.op, (done.get(o.op) ?? 0) + 1);
      }
    };

    const check = async () => {
      await refreshCaseFacts(db());
      const stored = await db().selectFrom('case_facts').selectAll().execute();
      const ids = (await db().selectFrom('cases').select('id').execute()).map((x) => x.id);
      // Every case has exactly one row, and nothing is left dirty.
      expect(stored.map((s) => s.case_id).sort()).toEqual([...ids].sort());
      expect(stored.filter((s) => s.dirty !== 0)).toEqual([]);
      const fresh = await computeCaseFacts(db(), ids);
      for (const s of stored) {
        const { case_id, dirty: _dirty, ...facts } = s;
        expect(facts, case_id).toEqual(fresh.get(case_id));
      }
      // Independent of the facts module: the rule itself over each case's live snapshot.
      const owed = value(await call('cases.owed', { limit: 500 }));
      for (const caseId of ids) {
        const status = (await db().selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow()).status;
        const expected = ['accepted', 'deciding', 'responding', 'deficient', 'refused', 'withdrawn'].includes(status) ? caseObligations(await caseSnapshot(db(), caseId)) : [];
        expect(owed.find((x) => x.caseId === caseId)?.owed ?? [], caseId).toEqual(expected);
      }
    };

    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 15, maxLength: 40 }), async (ops) => {
        // Checked after every call that changed something: a write that left its case's row
        // clean (a missing trigger) shows at once, not hidden by a later status change.
        for (const o of ops) {
          const before = effective;
          await run(o, call);
          if (effective > before) await check();
        }
        await check();
      }),
      { numRuns: 15, seed: Number(process.env.KAIJI_SEED ?? 1307), endOnFailure: true },
    );
    // The sequences did things: a property over refused calls only would prove little.
    expect(effective).toBeGreaterThan(60);
    expect(cases.length).toBeGreaterThan(5);
    for (const op of ['advance', 'decide', 'answer', 'order', 'settings', 'setKinds']) expect(done.get(op) ?? 0, op).toBeGreaterThan(0);
    const owing = await db().selectFrom('case_facts').select('case_id').where('owes', '>', 0).execute();
    expect(owing.length).toBeGreaterThan(0);
    const states = new Set((await db().selectFrom('cases').select('status').execute()).map((x) => x.status));
    expect(states.size).toBeGreaterThanOrEqual(4);
    const answered = await db().selectFrom('case_facts').select('case_id').where('answered_on', 'is not', null).execute();
    expect(answered.length).toBeGreaterThan(0);

    // The rebuild (new rules in a later version, or by hand) gives the same rows.
    const before = await db().selectFrom('case_facts').selectAll().orderBy('case_id').execute();
    expect(await rebuildCaseFacts(db())).toBe(cases.length);
    expect(await db().selectFrom('case_facts').selectAll().orderBy('case_id').execute()).toEqual(before);
  }, 240_000);
});
