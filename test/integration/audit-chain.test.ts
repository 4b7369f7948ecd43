import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ADMIN, firstSignIn, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

/** A vault with a few dozen audit entries, and raw SQL access to tamper with them. */
async function withTrail() {
  const { core, call } = makeCore({ dataDir: tempDir() });
  value(await call('vault.setup', ADMIN));
  for (let i = 0; i < 10; i++) {
    await core.current!.ws.cases.create(core.current!.actor, { subjectName: `山田 太郎${i}`, subjectKana: 'やまだ たろう' });
  }
  const db = core.current!.ws.db;
  const verify = async () => value(await call('audit.verify', {}));
  return { core, call, db, verify };
}

describe('audit trail hash chain (S3)', () => {
  it('verifies an untouched chain and records that it was verified', async () => {
    const { verify, call } = await withTrail();
    const result = await verify();
    expect(result).toMatchObject({ ok: true, problems: [] });
    expect(result.checked).toBeGreaterThan(10);
    expect(value(await call('audit.list', { action: 'audit.verified' })).total).toBe(1);
  });

  it('keeps the chain whole when entries are appended in parallel outside a transaction', async () => {
    const { verify, core } = await withTrail();
    const { ws, actor } = core.current!;
    // Audited reads append on the plain handle; the renderer makes several at once.
    const entries = await Promise.all(Array.from({ length: 20 }, (_, i) => ws.audit.append(ws.db, actor, { action: 'case.viewed', summary: { i } })));
    expect(new Set(entries.map((e) => e.seq)).size).toBe(20);
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
  });

  it('finds an altered entry and says which', async () => {
    const { db, verify } = await withTrail();
    await sql`update audit_log set summary = '{"caseNo":"2026-9999"}' where seq = 5`.execute(db);
    expect(await verify()).toMatchObject({ ok: false, problems: [{ seq: 5, kind: 'altered' }] });
  });

  it('finds a deleted entry in the middle', async () => {
    const { db, verify } = await withTrail();
    await sql`delete from audit_log where seq = 4`.execute(db);
    expect((await verify()).problems).toEqual([{ seq: 4, kind: 'deleted' }]);
  });

  it('finds entries cut from the end', async () => {
    const { db, verify } = await withTrail();
    const { rows } = await sql<{ m: number }>`select max(seq) as m from audit_log`.execute(db);
    await sql`delete from audit_log where seq >= ${rows[0]!.m - 1}`.execute(db);
    expect((await verify()).problems).toEqual([{ seq: rows[0]!.m - 1, kind: 'deleted' }]);
  });

  it('finds an inserted entry, even one whose own hash is right', async () => {
    const { db, verify } = await withTrail();
    // Shift entries up and forge seq 3 with a self-consistent hash but a broken link.
    const { rows } = await sql<{ seq: number }>`select seq from audit_log where seq >= 3 order by seq desc`.execute(db);
    for (const r of rows) await sql`update audit_log set seq = ${r.seq + 1} where seq = ${r.seq}`.execute(db);
    const { entryHash } = await import('../../electron/services/audit/hash-chain');
    const forged = {
      seq: 3,
      at: '2026-01-01T00:00:00.000Z',
      actor_id: null,
      actor_name: 'x',
      action: 'case.viewed',
      record_type: null,
      record_id: null,
      summary: '{}',
      prev_hash: 'f'.repeat(64),
    };
    await sql`insert into audit_log (seq, at, actor_id, actor_name, action, record_type, record_id, summary, prev_hash, hash)
      values (${forged.seq}, ${forged.at}, null, ${forged.actor_name}, ${forged.action}, null, null, ${forged.summary}, ${forged.prev_hash}, ${entryHash(forged)})`.execute(db);
    const problems = (await verify()).problems;
    expect(problems[0]).toEqual({ seq: 3, kind: 'inserted' });
    expect(problems.some((p) => p.kind === 'altered' && p.seq === 4)).toBe(true);
  });

  it('lets auditors and administrators read the trail, but not clerks', async () => {
    const { call } = await withTrail();
    value(await call('staff.add', { displayName: '監査 三郎', login: 'saburo', role: 'auditor', passphrase: 'auditor passphrase' }));
    value(await call('staff.add', { displayName: '担当 一郎', login: 'ichiro', role: 'clerk', passphrase: 'clerk passphrase 1' }));
    await firstSignIn(call, 'saburo', 'auditor passphrase'); // #13 item 8: an administrator set it
    const page = value(await call('audit.list', { text: '担当 一郎' }));
    expect(page.entries.some((e) => e.action === 'staff.added')).toBe(true);
    expect(await call('staff.list', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    await firstSignIn(call, 'ichiro', 'clerk passphrase 1'); // #13 item 8: an administrator set it
    expect(await call('audit.list', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    value(await call('vault.unlock', { login: 'hanako', passphrase: ADMIN.passphrase }));
    const denied = value(await call('audit.list', { action: 'access.denied' }));
    expect(denied.entries.map((e) => [e.actorName, e.summary.channel])).toEqual(
      expect.arrayContaining([
        ['監査 三郎', 'staff.list'],
        ['担当 一郎', 'audit.list'],
      ]),
    );
  });
});
