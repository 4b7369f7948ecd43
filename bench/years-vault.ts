// The vault of years (bench/fill.ts) that the Today and reports groups both read: filled ONCE
// per run and shared (#14: the whole bench three times in a row must fit an evening). A 100k-case
// fill and its first computation of the stored facts took a few minutes per group before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KaijiCore, type Session } from '../electron/services/core/kaiji-core';
import { refreshCaseFacts } from '../electron/services/facts/case-facts';
import { japanDay } from '../electron/services/today/deadline-store';
import { fill } from './fill';

export interface YearsVault {
  nCases: number;
  nOrders: number;
  session: Session;
  /** The vault's data folder and its core (the office group moves it into PostgreSQL and calls its channels). */
  dir: string;
  core: KaijiCore;
  /** Who set it up (bench/office-bench.ts unlocks the moved copy with the same slot). */
  login: { login: string; passphrase: string };
  /** The bench's fixed "now" (the vault's clock) and its day in Japan. */
  now: Date;
  today: string;
  fillMs: number;
  /** The stored case facts' first computation (migration 024's fill), made once: how many and how long. */
  facts(): Promise<{ count: number; ms: number }>;
  dispose(): Promise<void>;
}

const open = new Map<string, Promise<YearsVault>>();
const BENCH_LOGIN = { login: 'bench', passphrase: 'benchmark passphrase' } as const;

async function create(nCases: number, nOrders: number): Promise<YearsVault> {
  const dir = mkdtempSync(join(tmpdir(), 'kaiji-bench-years-'));
  const now = new Date();
  const core = new KaijiCore({ dataDir: dir, mode: 'web', now: () => now.getTime() });
  try {
    await core.setup({ companyName: 'Bench', adminName: 'Bench', adminLogin: BENCH_LOGIN.login, passphrase: BENCH_LOGIN.passphrase });
    const session = core.requireSession();
    const today = japanDay(now.toISOString());
    const t0 = performance.now();
    await fill(session.ws.db, nCases, nOrders, today, now);
    const fillMs = performance.now() - t0;
    let facts: Promise<{ count: number; ms: number }> | undefined;
    return {
      nCases,
      nOrders,
      session,
      dir,
      core,
      login: BENCH_LOGIN,
      now,
      today,
      fillMs,
      facts: () =>
        (facts ??= (async () => {
          const t = performance.now();
          const count = await refreshCaseFacts(session.ws.db);
          return { count, ms: performance.now() - t };
        })()),
      dispose: async () => {
        await core.dispose();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await core.dispose();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The shared vault of `nCases` cases and `nOrders` money orders, filled on first use. */
export function yearsVault(nCases: number, nOrders: number): Promise<YearsVault> {
  const key = `${nCases}/${nOrders}`;
  let v = open.get(key);
  if (!v) {
    v = create(nCases, nOrders);
    v.catch(() => open.delete(key));
    open.set(key, v);
  }
  return v;
}

/** Closes and deletes every shared vault (end of the run). */
export async function closeYearsVaults(): Promise<void> {
  const all = [...open.values()];
  open.clear();
  for (const v of await Promise.allSettled(all)) if (v.status === 'fulfilled') await v.value.dispose();
}
