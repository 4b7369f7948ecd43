import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DemoResult } from '../../electron/services/demo/demo-vault';
import { VERIFICATION_DEMO_CASES, VERIFICATION_DEMO_ENVELOPES } from '../../electron/services/demo/demo-verification';
import { CASE_STATES } from '../../shared/domain/case-state';
import { nameKey } from '../../shared/domain/names';
import { useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

describe('npm run demo', () => {
  it('creates a training vault and prints one JSON line that opens it', async () => {
    const dataDir = join(tempDir(), 'demo');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--data-dir', dataDir, '--cases', '12', '--scans', '1'], {
      cwd: join(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const demo = JSON.parse(lines[0]!) as DemoResult;
    expect(demo).toMatchObject({ dataDir, cases: 12, administrator: { login: 'admin' } });
    expect(demo.applicants).toHaveLength(5);
    for (const name of demo.applicants) expect(name).toMatch(/^\S+ \S+$/u);

    const { call, core } = makeCore({ dataDir });
    for (const member of demo.staff) value(await call('vault.unlock', { login: member.login, passphrase: member.passphrase }));
    value(await call('vault.unlock', { login: 'admin', passphrase: demo.administrator.passphrase }));
    const cases = value(await call('cases.list', { limit: 500 }));
    // The other capabilities' demo seeds add their own cases too.
    expect(cases.total).toBeGreaterThanOrEqual(12 + VERIFICATION_DEMO_CASES);
    expect(cases.cases.every((c) => c.subjectName && c.subjectKana)).toBe(true);
    // Found by name however the spacing was read.
    for (const applicant of demo.applicants) {
      const found = value(await call('cases.list', { query: applicant }));
      expect(found.cases.map((c) => nameKey(c.subjectName))).toContain(nameKey(applicant));
    }
    const envelopes = value(await call('envelopes.list', { limit: 500 }));
    expect(envelopes.length).toBeGreaterThanOrEqual(12 + VERIFICATION_DEMO_ENVELOPES);
    expect(envelopes.filter((e) => e.trackingStatus === 'valid').length).toBeGreaterThan(6);
    // One application came with its scans: form read into fields, ID copy, money order.
    const withPages = await Promise.all(cases.cases.map(async (c) => value(await call('pages.list', { caseId: c.id })).length));
    expect(withPages.filter((n) => n === 3)).toHaveLength(1);
    // #4: every state, a deficient case waiting with its stored list, a repeat requester (R3).
    expect(new Set(cases.cases.map((c) => c.status))).toEqual(new Set(CASE_STATES));
    const waiting = value(await call('cases.awaitingResubmission', {}));
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    const stored = [];
    for (const w of waiting) stored.push(value(await call('cases.deficiency', { id: w.caseId })));
    expect(stored).toContainEqual(expect.objectContaining({ resolvedAt: null, notice: expect.objectContaining({ problems: expect.arrayContaining([expect.objectContaining({ ja: expect.stringContaining('有効期限') })]) }) }));
    const repeats = [];
    for (const c of cases.cases.filter((x) => x.status === 'checking')) repeats.push(value(await call('cases.checklist', { id: c.id })).results.find((r) => r.ruleId === 'R3')!);
    expect(repeats.some((r) => r.status === 'needs_review' && (r.findings?.length ?? 0) >= 2)).toBe(true);
    // #10 item 10, through the same rule as the close guard: no closed case owes anything; a
    // refused case closed with its refusal notice delivered; a withdrawn case; a combined reply.
    const closed = cases.cases.filter((c) => c.status === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    for (const c of closed) expect(value(await call('cases.obligations', { caseId: c.id })).owed).toEqual([]);
    const templatesOf = async (id: string) => value(await call('letters.list', { caseId: id })).map((l) => [l.template, l.mail?.proofReceivedOn ? 'delivered' : l.mail ? 'mailed' : 'issued']);
    const closedLetters = await Promise.all(closed.map((c) => templatesOf(c.id)));
    expect(closedLetters).toContainEqual(expect.arrayContaining([['refusal_notice', 'delivered']]));
    expect(closedLetters).toContainEqual(expect.arrayContaining([['combined_reply', 'delivered']]));
    expect(cases.cases.some((c) => c.status === 'withdrawn')).toBe(true);
    // Today is never empty in the demo: an order lapses within the warning horizon (F2) and
    // outbound mail waits for its proof of delivery (M2).
    const today = value(await call('today.overview', {}));
    expect(today.ordersLapsing.count).toBeGreaterThanOrEqual(1);
    expect(today.awaitingProof.count).toBeGreaterThanOrEqual(1);
    expect(value(await call('audit.verify', {})).ok).toBe(true);
    // #15: a verified backup beside the data folder, a disposal record, a legal hold, and more
    // closed cases' ID copies due (this demo office disposes of them at close).
    expect(today.backup).toMatchObject({ folderSet: true, stale: false });
    expect(readdirSync(demo.backupFolder).filter((f) => f.endsWith('.kaijibak'))).toHaveLength(1);
    const register = value(await call('retention.register', {}));
    expect(register.entries).toEqual([expect.objectContaining({ classes: ['id_documents'], pagesErased: 1 })]);
    expect(value(await call('retention.holds', {}))).toHaveLength(1);
    // The backup is a verified generation with its page files in the folder's piece store (#15 item 6).
    const backupOverview = value(await call('backup.overview', {}));
    expect(backupOverview.runs.filter((r) => r.status === 'verified')).toHaveLength(1);
    const storeDirs = readdirSync(demo.backupFolder).filter((f) => /^kaiji-[0-9a-f-]{8}-pages$/.test(f));
    expect(storeDirs).toHaveLength(1);
    // Page files ("KJPF"); the store also holds the database image's chunks ("KJDB", backup format 3).
    const piecesStored = readdirSync(join(demo.backupFolder, storeDirs[0]!), { recursive: true })
      .filter((f) => /[0-9a-f]{64}$/.test(String(f)))
      .filter((f) => readFileSync(join(demo.backupFolder, storeDirs[0]!, String(f))).subarray(0, 4).toString('latin1') === 'KJPF');
    // The backup was the demo's last step: every page of the vault has its file there, no more.
    const pageRows = await core.requireSession().ws.db.selectFrom('pages').select('image_file').execute();
    expect(pageRows.length).toBeGreaterThan(3);
    expect(new Set(piecesStored.map((f) => String(f).split('/').pop()))).toEqual(new Set(pageRows.map((r) => r.image_file)));
    // The provision register (T1) has entries; a K6 case was answered from it with a confirmed
    // match; a K5 decision put its person on the do-not-provide list (T2), which refuses a provision.
    expect(value(await call('provisions.list', { limit: 500 })).total).toBeGreaterThanOrEqual(18);
    const answered = value(await call('letters.overview', { filter: 'issued', limit: 500 })).filter((l) => l.template === 'provision_records');
    expect(answered.length).toBeGreaterThanOrEqual(1);
    const match = value(await call('provisions.match', { caseId: answered[0]!.caseId }));
    expect(match.confirmed?.recordIds.length).toBeGreaterThanOrEqual(1);
    expect(match.confirmed!.recordIds.sort()).toEqual(match.candidates.map((c) => c.id).sort());
    const blocked = value(await call('provisions.blockList', {}));
    expect(blocked.filter((b) => b.caseNo !== null).length).toBeGreaterThanOrEqual(1);
    const optOut = blocked.find((b) => b.caseNo !== null)!;
    const check = value(await call('provisions.check', { name: optOut.name, kana: optOut.kana, address: optOut.address, recipient: '東都保険株式会社', date: '2027-01-15' }));
    expect(check.allowed).toBe(false);

    // #15 item 4 on the demo vault: the yearly report's cases received per month equal a hand
    // count of the case list (every case, every state, by the month it arrived).
    const years = [...new Set(cases.cases.map((c) => Number(c.receivedOn.slice(0, 4))))];
    for (const year of years) {
      const report = value(await call('reports.year', { year }));
      const inYear = cases.cases.filter((c) => c.receivedOn.startsWith(`${year}-`));
      expect(report.total.received).toBe(inYear.length);
      for (const month of report.months) expect(month.received, month.period).toBe(inYear.filter((c) => c.receivedOn.startsWith(month.period)).length);
    }

    // Never over an existing vault.
    await core.dispose();
    const again = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--data-dir', dataDir], {
      cwd: join(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('すでに初期設定済み');
    // Every capability seeds its own demo records (and OCRs its scans): allow for a busy machine.
  }, 240_000);
});
