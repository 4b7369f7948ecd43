import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { AuditLog } from '../electron/services/audit/audit-log';
import { CaseService, type NewCase } from '../electron/services/cases/case-service';
import { KaijiCore } from '../electron/services/core/kaiji-core';
import { demoPeople } from '../electron/services/demo/demo-people';
import { openSqlCipher, toKysely } from '../electron/services/vault/database';
import { migrate } from '../electron/services/vault/migrator';
import { median, percentile, result, type BenchResult } from './report';

const ACTOR = { id: 'bench', name: 'bench' };

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kaiji-bench-'));
}

/** Unlock as a user feels it: key derivation, opening SQLCipher, checking migrations. */
export async function benchUnlock(): Promise<BenchResult> {
  const dir = tempDir();
  const core = new KaijiCore({ dataDir: dir, mode: 'web' });
  const passphrase = 'benchmark passphrase';
  await core.setup({ companyName: 'Bench', adminName: 'Bench', adminLogin: 'bench', passphrase });
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    await core.lock();
    const t = performance.now();
    await core.unlock('bench', passphrase);
    samples.push(performance.now() - t);
  }
  await core.dispose();
  rmSync(dir, { recursive: true, force: true });
  return result('unlock (KDF + open + migrate), median of 5', median(samples), 'ms', 1000);
}

function workload(n: number): NewCase[] {
  const start = Date.UTC(2020, 0, 1);
  return demoPeople(n, 42).map((p, i) => ({
    // Spread over years so case numbers stay in their four digits.
    receivedOn: new Date(start + Math.floor((i / n) * 6 * 365) * 86_400_000).toISOString().slice(0, 10),
    subjectName: p.name,
    subjectKana: p.kana,
    subjectBirthDate: p.birthDate,
    subjectAddress: p.address,
  }));
}

async function openServices(path: string, encrypted: boolean) {
  const handle = encrypted ? openSqlCipher(path, randomBytes(32)) : new BetterSqlite3(path);
  if (!encrypted) {
    // The same pragmas as the vault, minus the key.
    for (const p of ['journal_mode = WAL', 'synchronous = NORMAL', 'temp_store = MEMORY', 'secure_delete = ON', 'foreign_keys = ON']) handle.pragma(p);
  }
  const db = toKysely(handle);
  await migrate(db);
  const cases = new CaseService(db, new AuditLog(db, () => new Date()), () => new Date());
  return { db, cases };
}

/**
 * 100k audited case inserts and name searches on an encrypted and a plain database. The two
 * are interleaved chunk by chunk (and query by query), so load from anything else on the
 * machine weighs on both sides of the ratio alike.
 */
export async function benchCases(n = 100_000, searches = 1_000): Promise<BenchResult[]> {
  const inputs = workload(n);
  const queries = demoPeople(searches, 7).map((p, i) => (i % 2 ? p.name.split(' ')[0]! + p.name.split(' ')[1]! : p.kana.split(' ')[0]!));
  const dir = tempDir();
  const sides = {
    plain: { ...(await openServices(join(dir, 'plain.db'), false)), insert: 0, search: [] as number[] },
    encrypted: { ...(await openServices(join(dir, 'encrypted.db'), true)), insert: 0, search: [] as number[] },
  };
  // Warm the JIT on throwaway rows first, so neither side pays for it.
  {
    const warm = await openServices(join(dir, 'warm.db'), true);
    await warm.cases.createMany(ACTOR, inputs.slice(0, Math.min(5_000, n)));
    await warm.db.destroy();
  }
  const chunk = 5_000;
  for (let i = 0; i < n; i += chunk) {
    const slice = inputs.slice(i, i + chunk);
    for (const side of [sides.plain, sides.encrypted]) {
      const t = performance.now();
      await side.cases.createMany(ACTOR, slice);
      side.insert += performance.now() - t;
    }
  }
  for (const q of queries) {
    for (const side of [sides.plain, sides.encrypted]) {
      const t = performance.now();
      await side.cases.list(ACTOR, { query: q, limit: 50, offset: 0 });
      side.search.push(performance.now() - t);
    }
  }
  for (const side of Object.values(sides)) await side.db.destroy();
  rmSync(dir, { recursive: true, force: true });
  const { encrypted: enc, plain } = sides;
  const workloadTime = (x: typeof enc) => x.insert + x.search.reduce((a, b) => a + b, 0);
  return [
    result(`insert ${n / 1000}k cases (audited), encrypted`, enc.insert / 1000, 's', 120),
    result(`insert ${n / 1000}k cases (audited), plain SQLite`, plain.insert / 1000, 's', null),
    result('encrypted / plain, same workload, interleaved', workloadTime(enc) / workloadTime(plain), 'ratio', 1.3),
    result(`name search p95 on ${n / 1000}k cases, encrypted`, percentile(enc.search, 95), 'ms', 10),
    result(`name search median on ${n / 1000}k cases, encrypted`, median(enc.search), 'ms', null),
  ];
}
