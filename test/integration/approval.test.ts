/**
 * The second administrator's approval (決裁, issue #13 item 2b) through the real dispatcher over
 * real encrypted vaults: off by default (nothing changes), on (a letter prepared by A waits for
 * an administrator other than A; self-approval refused; send-back with a reason; a later change
 * or decision takes the approval away; Today's obligations say "awaiting approval"), every role,
 * and a fast-check property: random sequences of prepare / edit / decide / approve / send back /
 * issue by random people never issue a letter that was not approved by someone who neither
 * prepared it nor decided what it carries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import type { Result } from '../../shared/result';
import { ADMIN, addStaffSignedInOnce, useCores, value, type Call } from '../helpers/core';
import { acceptedCase } from '../helpers/letters-case';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();
// Cheap scrypt: these tests switch people often and are about approval, not the KDF's cost.
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

type Who = 'hanako' | 'taro' | 'jiro' | 'saburo';
const PEOPLE: Record<Who, { login: string; passphrase: string; displayName: string; role: Role }> = {
  hanako: { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase, displayName: ADMIN.adminName, role: 'administrator' },
  taro: { login: 'taro', passphrase: 'second administrator passphrase 9', displayName: '管理 太郎', role: 'administrator' },
  jiro: { login: 'jiro', passphrase: 'another long passphrase 42', displayName: '事務 次郎', role: 'clerk' },
  saburo: { login: 'saburo', passphrase: 'a third long passphrase 7', displayName: '監査 三郎', role: 'auditor' },
};

async function setUp(call: Call, opts: { kinds?: Record<string, boolean> } = {}) {
  const c = await acceptedCase(call, opts.kinds ?? { 'request.k2': false, 'request.k6': false });
  for (const who of ['taro', 'jiro', 'saburo'] as const) await addStaffSignedInOnce(call, PEOPLE[who]);
  return c;
}

function signIn(call: Call) {
  let current: Who = 'hanako';
  return async (who: Who) => {
    if (who !== current) value(await call('vault.unlock', { login: PEOPLE[who].login, passphrase: PEOPLE[who].passphrase }));
    current = who;
  };
}

const errorCode = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
const owed = async (call: Call, caseId: string) => value(await call('cases.obligations', { caseId })).owed;

describe('approval off (the default): nothing waits', () => {
  it('the administrator who decided drafts and issues at once; the letter says no approval is needed', async () => {
    const { call } = makeCore({ dataDir: tempDir(), scrypt: CHEAP });
    const { caseId } = await acceptedCase(call, { 'request.k2': false, 'request.k6': false });
    expect(value(await call('settings.get', {})).approvalRequired).toBe(false);
    value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'no_data' }));
    const letter = value(await call('letters.create', { caseId, template: 'no_data' }));
    expect(letter.approval.state).toBe('not_required');
    expect((await owed(call, caseId)).map((o) => o.code)).toEqual(['issue']);
    expect(value(await call('letters.issue', { id: letter.id })).status).toBe('issued');
  });
});

describe('approval on: a letter prepared by A goes out only after another administrator approves it', () => {
  it('self-approval refused, send-back with a reason, re-approval after the change, then issue; audited in words without the reason', async () => {
    const { call } = makeCore({ dataDir: tempDir(), scrypt: CHEAP });
    const { caseId } = await setUp(call);
    const as = signIn(call);
    value(await call('settings.update', { approvalRequired: true }));
    // hanako decides and drafts: she prepared both, so she may neither approve nor issue yet.
    value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'no_data' }));
    const letter = value(await call('letters.create', { caseId, template: 'no_data' }));
    expect(letter.approval).toMatchObject({ state: 'awaiting', byName: null });
    const awaiting = await owed(call, caseId);
    expect(awaiting.map((o) => `${o.code}:${o.kind}`)).toEqual(['approve:K1']);
    expect(awaiting[0]!.label.ja).toContain('決裁待ち');
    expect(errorCode(await call('letters.issue', { id: letter.id }))).toBe('LETTER_AWAITING_APPROVAL');
    expect(errorCode(await call('letters.approve', { id: letter.id }))).toBe('APPROVAL_SELF');
    expect(errorCode(await call('letters.sendBack', { id: letter.id, reason: '自分で差し戻し' }))).toBe('APPROVAL_SELF');

    // Clerk and auditor: the channel is the administrators'.
    for (const who of ['jiro', 'saburo'] as const) {
      await as(who);
      expect(errorCode(await call('letters.approve', { id: letter.id }))).toBe('FORBIDDEN');
      expect(errorCode(await call('letters.sendBack', { id: letter.id, reason: '理由' }))).toBe('FORBIDDEN');
    }
    // The clerk may not issue it either while it waits.
    await as('jiro');
    expect(errorCode(await call('letters.issue', { id: letter.id }))).toBe('LETTER_AWAITING_APPROVAL');

    // taro sends it back with a reason: shown on the letter, "revise" owed.
    await as('taro');
    expect(errorCode(await call('letters.sendBack', { id: letter.id, reason: '' }))).toBe('INVALID_INPUT');
    value(await call('letters.sendBack', { id: letter.id, reason: '宛名の敬称を確認してください（山田様）' }));
    const sentBack = value(await call('letters.get', { id: letter.id }));
    expect(sentBack.approval).toMatchObject({ state: 'sent_back', byName: PEOPLE.taro.displayName, reason: '宛名の敬称を確認してください（山田様）' });
    expect((await owed(call, caseId)).map((o) => o.code)).toEqual(['revise']);
    expect(errorCode(await call('letters.issue', { id: letter.id }))).toBe('LETTER_AWAITING_APPROVAL');

    // The clerk revises it: awaiting again, and the clerk is now one who may not approve it.
    await as('jiro');
    const { templateId: _t, lang: _l, ...text } = sentBack.draft;
    const revised = value(await call('letters.update', { id: letter.id, draft: { ...text, closing: `${text.closing}` }, recipient: { ...sentBack.recipient, honorific: '様' } }));
    expect(revised.approval.state).toBe('awaiting');
    expect(revised.approval.excluded).toEqual(expect.arrayContaining([expect.any(String)]));

    // taro approves; anyone who may issue then issues.
    await as('taro');
    value(await call('letters.approve', { id: letter.id }));
    expect(value(await call('letters.get', { id: letter.id })).approval).toMatchObject({ state: 'approved', byName: PEOPLE.taro.displayName });
    expect((await owed(call, caseId)).map((o) => o.code)).toEqual(['issue']);
    await as('jiro');
    expect(value(await call('letters.issue', { id: letter.id })).status).toBe('issued');

    // The trail, in words: approved and sent back by taro; the reason (it may name people) is not there.
    await as('hanako');
    const trail = value(await call('audit.list', { limit: 500 })).entries;
    const acts = trail.filter((e) => e.action === 'letter.approved' || e.action === 'letter.sent_back');
    expect(acts.map((e) => [e.action, e.actorName])).toEqual(expect.arrayContaining([['letter.sent_back', PEOPLE.taro.displayName], ['letter.approved', PEOPLE.taro.displayName]]));
    expect(JSON.stringify(trail)).not.toContain('山田様');
    const denied = value(await call('audit.list', { action: 'access.denied' })).entries.map((e) => e.summary.code);
    expect(denied).toEqual(expect.arrayContaining(['APPROVAL_SELF', 'LETTER_AWAITING_APPROVAL']));
  });

  it('the decider may not approve a letter carrying her decision even if a clerk drafted it; a new decision takes an approval away', async () => {
    const { call } = makeCore({ dataDir: tempDir(), scrypt: CHEAP });
    const { caseId } = await setUp(call);
    const as = signIn(call);
    value(await call('settings.update', { approvalRequired: true }));
    value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'no_data' }));
    await as('jiro');
    const letter = value(await call('letters.create', { caseId, template: 'no_data' }));
    await as('hanako');
    expect(errorCode(await call('letters.approve', { id: letter.id }))).toBe('APPROVAL_SELF');
    await as('taro');
    value(await call('letters.approve', { id: letter.id }));
    expect(value(await call('letters.get', { id: letter.id })).approval.state).toBe('approved');
    // taro now decides K1 again: the approval he gave no longer covers what the letter carries,
    // and as the new decider he may not give it again; hanako (no longer the decider) may.
    value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'no_data', reasonText: '再確認の結果' }));
    expect(value(await call('letters.get', { id: letter.id })).approval.state).toBe('awaiting');
    expect(errorCode(await call('letters.approve', { id: letter.id }))).toBe('APPROVAL_SELF');
    await as('hanako');
    value(await call('letters.approve', { id: letter.id }));
    expect(value(await call('letters.issue', { id: letter.id })).status).toBe('issued');
    // An issued letter is frozen: nothing to approve or send back.
    await as('taro');
    expect(errorCode(await call('letters.sendBack', { id: letter.id, reason: '遅すぎる差戻し' }))).toBe('LETTER_ISSUED');
  });
});

describe('property: random sequences never issue an unapproved letter while the setting is on', () => {
  it('every issued letter was approved, after its last change, by an administrator who neither prepared it nor decided it', async () => {
    const { core, call } = makeCore({ dataDir: tempDir(), scrypt: CHEAP });
    const { caseId } = await setUp(call, { kinds: { 'request.k2': false, 'request.k6': false } });
    const as = signIn(call);
    value(await call('settings.update', { approvalRequired: true }));
    value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'no_data' }));
    const who = fc.constantFrom<Who>('hanako', 'taro', 'jiro', 'saburo');
    // Approve and issue weigh more, so that sequences reach an issued letter often.
    const step = fc.oneof(
      { weight: 1, arbitrary: fc.record({ t: fc.constant('edit' as const), who }) },
      { weight: 1, arbitrary: fc.record({ t: fc.constant('decide' as const), who }) },
      { weight: 3, arbitrary: fc.record({ t: fc.constant('approve' as const), who }) },
      { weight: 1, arbitrary: fc.record({ t: fc.constant('sendBack' as const), who }) },
      { weight: 3, arbitrary: fc.record({ t: fc.constant('issue' as const), who }) },
    );
    let issued = 0;
    await fc.assert(
      fc.asyncProperty(who, fc.array(step, { minLength: 3, maxLength: 10 }), async (author, steps) => {
        await as(author);
        const created = await call('letters.create', { caseId, template: 'no_data' });
        if (!created.ok) {
          expect(PEOPLE[author].role).toBe('auditor');
          return;
        }
        const id = created.value.id;
        // The model: who prepared, who decided, and whether a valid approval stands.
        const prepared = new Set<Who>([author]);
        let decider: Who = await deciderOf(core, caseId);
        let approved = false;
        let done = false;
        for (const s of steps) {
          if (done) break;
          await as(s.who);
          const role = PEOPLE[s.who].role;
          switch (s.t) {
            case 'edit': {
              const got = value(await call('letters.get', { id }));
              const { templateId: _t, lang: _l, ...text } = got.draft;
              const r = await call('letters.update', { id, draft: { ...text, body: [...text.body, `追記 ${s.who}`] } });
              expect(r.ok).toBe(role !== 'auditor');
              if (r.ok) {
                prepared.add(s.who);
                approved = false;
              }
              break;
            }
            case 'decide': {
              const r = await call('decisions.record', { caseId, kind: 'K1', outcome: 'no_data', reasonText: `確認 ${s.who}` });
              // Once an answer went out the case is responding: no one decides again.
              expect(errorCode(r)).toBe(role !== 'administrator' ? 'FORBIDDEN' : issued > 0 ? 'DECISION_NOT_ALLOWED' : 'ok');
              if (r.ok) {
                decider = s.who;
                approved = false;
              }
              break;
            }
            case 'approve':
            case 'sendBack': {
              const r = s.t === 'approve' ? await call('letters.approve', { id }) : await call('letters.sendBack', { id, reason: '確認してください' });
              const allowed = role === 'administrator' && !prepared.has(s.who) && decider !== s.who;
              expect(errorCode(r)).toBe(allowed ? 'ok' : role === 'administrator' ? 'APPROVAL_SELF' : 'FORBIDDEN');
              if (r.ok) approved = s.t === 'approve';
              break;
            }
            case 'issue': {
              const r = await call('letters.issue', { id });
              const allowed = role !== 'auditor' && approved;
              expect(errorCode(r)).toBe(allowed ? 'ok' : role === 'auditor' ? 'FORBIDDEN' : 'LETTER_AWAITING_APPROVAL');
              if (r.ok) {
                issued += 1;
                done = true;
              }
              break;
            }
          }
        }
        // Whatever happened, a letter still in draft is trashed so the next run starts clean.
        if (!done) {
          await as('hanako');
          value(await call('letters.discard', { id }));
        }
      }),
      { numRuns: 25, seed: 1307 },
    );
    // The trail agrees with the model for every issued letter: the last approval before the
    // issue came after the last change and from someone outside the preparers and deciders.
    const ws = core.current!.ws;
    const rows = await ws.db.selectFrom('audit_log').select(['seq', 'action', 'actor_id', 'summary']).orderBy('seq').execute();
    let checked = 0;
    for (const issue of rows.filter((r) => r.action === 'letter.issued')) {
      const letterId = (JSON.parse(issue.summary) as { letterId: string }).letterId;
      const before = rows.filter((r) => r.seq < issue.seq && (JSON.parse(r.summary) as { letterId?: string }).letterId === letterId);
      const lastApproval = before.filter((r) => r.action === 'letter.approved').at(-1);
      expect(lastApproval).toBeDefined();
      const changes = before.filter((r) => r.action === 'letter.drafted' || r.action === 'letter.edited');
      const decisions = rows.filter((r) => r.seq < issue.seq && (r.action === 'decision.recorded' || r.action === 'decision.replaced'));
      expect(lastApproval!.seq).toBeGreaterThan(Math.max(...changes.map((r) => r.seq), ...decisions.map((r) => r.seq)));
      const excluded = new Set([...changes.map((r) => r.actor_id), decisions.at(-1)!.actor_id]);
      expect(excluded.has(lastApproval!.actor_id)).toBe(false);
      checked += 1;
    }
    expect(checked).toBe(issued);
    // The seed reaches issued letters, so the check above is not vacuous.
    expect(issued).toBeGreaterThan(0);
  });
});

async function deciderOf(core: { current: { ws: { db: import('kysely').Kysely<import('../../electron/services/vault/schema').Database> } } | null }, caseId: string): Promise<Who> {
  const row = await core.current!.ws.db.selectFrom('case_decisions').innerJoin('staff', 'staff.id', 'case_decisions.decided_by').select('staff.login').where('case_decisions.case_id', '=', caseId).executeTakeFirstOrThrow();
  return (Object.keys(PEOPLE) as Who[]).find((w) => PEOPLE[w].login === row.login)!;
}
