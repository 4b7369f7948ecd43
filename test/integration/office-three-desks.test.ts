// Issue 16 "What it must show", bullet 2, as npm test runs it (a fixed number of operations; the
// two-minute run is `KAIJI_DESK_SECONDS=120 npx vitest run --project postgres office-three-desks`): three
// desks, each its own process and core, on one office database at once — intake creating and
// filling cases, verification and decisions editing and moving the same cases. No lost update
// (every case holds the value of its last applied edit), every stale edit reported as CONFLICT in
// Japanese, the audit trail one verifying chain, case numbers unique and gap-free.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { officeKysely } from '../../electron/services/office/office-database';
import { ADMIN, officeOfTest, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();
const OPS = Number(process.env.KAIJI_DESK_OPS ?? 6);
/** Cheap key derivation for the test's slots (unlocks at three desks; the real cost is tested elsewhere). */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

interface DeskReport {
  job: string;
  created: number;
  applied: { caseId: string; value: string; version: number }[];
  conflicts: { channel: string; ja: string }[];
  refusedMoves: string[];
  other: string[];
}

function runDesk(job: 'intake' | 'verify' | 'decide'): Promise<DeskReport> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../fixtures/desk-worker.ts'), tempDir(), job, String(OPS)], {
    env: { ...process.env, KAIJI_DESK_OFFICE: JSON.stringify(officeOfTest()), KAIJI_DESK_LOGIN: JSON.stringify({ login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`desk ${job} exited ${code}: ${err.slice(-2000)}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as DeskReport);
    });
  });
}

describe.skipIf(process.env.KAIJI_TEST_BACKEND !== 'postgres')('three desks at once on one office database (#16)', () => {
  it('intake, verification and decisions together: no lost update, every conflict reported, one chain, unique numbers', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 1, scannerPollMs: 3_600_000, scrypt: CHEAP });
    value(await call('vault.setup', ADMIN));
    // Some cases before the desks start, so verification and decisions have work at once.
    for (let i = 0; i < 4; i++) value(await call('envelopes.log', { arrivedOn: '2026-11-19', delivery: 'futsu', redMarking: true }));

    const reports = await Promise.all([runDesk('intake'), runDesk('verify'), runDesk('decide')]);
    const all = reports.flatMap((r) => r.applied);
    for (const r of reports) expect(r.other, r.job).toEqual([]);
    // Every refusal was the conflict, in Japanese (none silently lost).
    for (const c of reports.flatMap((r) => r.conflicts)) expect(c.ja).toBe('他の端末でこの案件が変更されました。再読み込みしてください。');
    for (const m of reports.flatMap((r) => r.refusedMoves)) expect(['CONFLICT', 'ILLEGAL_TRANSITION']).toContain(m);
    const created = reports[0]!.created;
    if (!process.env.KAIJI_DESK_SECONDS) expect(created).toBe(OPS);
    expect(all.length).toBeGreaterThanOrEqual(created);
    // What the run met (contention varies with scheduling; the checks below hold for any mix).
    console.info(`three desks: ${all.length} edits applied, ${reports.flatMap((r) => r.conflicts).length} conflicts reported, ${reports.flatMap((r) => r.refusedMoves).length} moves refused`);

    const db = officeKysely(officeOfTest()!, 1);
    try {
      // No lost update: per case, versions made by applied edits are distinct, and the case holds
      // the value of the edit that made its highest version.
      const byCase = new Map<string, { value: string; version: number }[]>();
      for (const a of all) byCase.set(a.caseId, [...(byCase.get(a.caseId) ?? []), a]);
      for (const [caseId, edits] of byCase) {
        expect(new Set(edits.map((e) => e.version)).size).toBe(edits.length);
        const last = edits.reduce((x, y) => (y.version > x.version ? y : x));
        const stored = await db.selectFrom('cases').select('version').where('id', '=', caseId).executeTakeFirstOrThrow();
        expect(stored.version).toBe(last.version);
        // The value itself is sealed on the server: read it back through a desk.
        expect(value(await call('cases.detail', { id: caseId })).fields.find((f) => f.field === 'subject.name')?.value).toBe(last.value);
      }
      const numbers = (await sql<{ case_no: string }>`select case_no from cases order by case_no`.execute(db)).rows.map((r) => r.case_no);
      expect(numbers).toEqual(numbers.map((_, i) => `2026-${String(i + 1).padStart(4, '0')}`));
      expect(numbers).toHaveLength(4 + created);
      const seqs = (await sql<{ seq: number }>`select seq from audit_log order by seq`.execute(db)).rows.map((r) => Number(r.seq));
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    } finally {
      await db.destroy();
    }
    expect(value(await call('audit.verify', {}))).toMatchObject({ ok: true, problems: [] });
  }, 180_000 + Number(process.env.KAIJI_DESK_SECONDS ?? 0) * 1000);
});
