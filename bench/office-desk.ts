// One desk of the office bench's "5 desks at once" (bench/office-bench.ts): its own process and
// KaijiCore on the office database, unlocked with a staff passphrase, calling the mix
// (bench/office-mix.ts) through the real dispatcher. Protocol on stdio: prints `ready` once
// unlocked and warmed up, waits for `go` on stdin (so every desk starts together), runs its
// rounds, prints one line `report {"samples", "seconds"}` (per mix key, per round, each call's
// wall ms; the rounds' wall time).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createDispatch } from '../electron/services/core/dispatch';
import { KaijiCore } from '../electron/services/core/kaiji-core';
import type { OfficeConnection } from '../electron/services/office/office-database';
import { officeMix, type DeskSamples } from './office-mix';

export interface DeskOrder {
  office: OfficeConnection;
  login: { login: string; passphrase: string };
  /** The bench's fixed clock (ms), the same as the vault's, so Today means the same day. */
  now: number;
  nPages: number;
  /** This desk's number: its inputs start elsewhere in each list than the other desks'. */
  desk: number;
  rounds: number;
  /** Passes of the whole mix per round. */
  passes: number;
}

const order = JSON.parse(process.env.KAIJI_OFFICE_DESK ?? 'null') as DeskOrder | null;
if (!order) throw new Error('bench/office-desk.ts is started by bench/office-bench.ts (KAIJI_OFFICE_DESK)');

const dataDir = mkdtempSync(join(tmpdir(), 'kaiji-bench-desk-'));
const core = new KaijiCore({ dataDir, mode: 'web', office: order.office, now: () => order.now, ocrWorkers: 1, scannerPollMs: 3_600_000 });
const call = createDispatch(core) as (channel: string, input: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string } }>;
// Each desk starts the mix elsewhere, so at any moment the desks are at different channels, as staff are.
const all = officeMix(order.nPages);
const mix = [...all.slice(order.desk % all.length), ...all.slice(0, order.desk % all.length)];

async function once(channel: string, input: unknown): Promise<number> {
  const t = performance.now();
  const r = await call(channel, input);
  const ms = performance.now() - t;
  if (!r.ok) throw new Error(`desk ${order!.desk}: ${channel} ${r.error.code}`);
  return ms;
}

try {
  const unlocked = await call('vault.unlock', order.login);
  if (!unlocked.ok) throw new Error(`desk ${order.desk}: unlock ${unlocked.error.code}`);
  let step = order.desk * 1_000;
  for (const item of mix) await once(item.channel, item.input(step++)); // warm: pool, plans, JIT
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.on('line', (l) => l.trim() === 'go' && resolve()));
  lines.close();
  const samples: DeskSamples = Object.fromEntries(mix.map((m) => [m.key, [] as number[][]]));
  const t0 = performance.now();
  for (let r = 0; r < order.rounds; r++) {
    for (const m of mix) samples[m.key]!.push([]);
    for (let p = 0; p < order.passes; p++) {
      for (const m of mix) samples[m.key]![r]!.push(await once(m.channel, m.input(step++)));
    }
  }
  process.stdout.write(`report ${JSON.stringify({ samples, seconds: (performance.now() - t0) / 1000 })}\n`);
} finally {
  await core.dispose();
  rmSync(dataDir, { recursive: true, force: true });
}
