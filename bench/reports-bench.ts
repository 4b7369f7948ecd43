import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KaijiCore } from '../electron/services/core/kaiji-core';
import { japanDay } from '../electron/services/today/deadline-store';
import { median, percentile, result, type BenchResult } from './report';
import { fill } from './fill';
import { refreshCaseFacts } from '../electron/services/facts/case-facts';

/**
 * Yearly report (#15 item 4) over the Today bench's vault (`nCases` over six years, money orders
 * in every state): the last full year's figures, target 200 ms.
 */
export async function benchReports(nCases = 100_000, nOrders = 150_000, runs = 10): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kaiji-bench-reports-'));
  const now = new Date();
  const core = new KaijiCore({ dataDir: dir, mode: 'web', now: () => now.getTime() });
  try {
    await core.setup({ companyName: 'Bench', adminName: 'Bench', adminLogin: 'bench', passphrase: 'benchmark passphrase' });
    const s = core.requireSession();
    const today = japanDay(now.toISOString());
    await fill(s.ws.db, nCases, nOrders, today, now);
    // The stored facts' first computation (what migration 024 leaves for the first read).
    const t0 = performance.now();
    await refreshCaseFacts(s.ws.db);
    const factsMs = performance.now() - t0;
    const year = Number(today.slice(0, 4)) - 1;
    const samples: number[] = [];
    let received = 0;
    for (let i = 0; i < runs + 2; i++) {
      const t = performance.now();
      received = (await s.ws.reports.year(s.actor, year)).total.received;
      if (i >= 2) samples.push(performance.now() - t);
    }
    if (received === 0) throw new Error('the bench vault should have requests in the last full year');
    const label = `${nCases / 1000}k cases, year ${year}: ${received} requests`;
    return [
      result(`reports.year p50 (${label})`, median(samples), 'ms', 200),
      result(`reports.year p95 (${label})`, percentile(samples, 95), 'ms', 200),
      result(`stored case facts, first computation of ${nCases / 1000}k cases`, factsMs, 'ms', null),
    ];
  } finally {
    await core.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
