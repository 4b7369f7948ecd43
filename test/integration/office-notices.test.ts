// #16 item 3 with two real cores (desks) on one office database (the "postgres" project): each
// desk's one LISTEN connection hears what the other changed, as table names and ids, through the
// triggers of migration 053; its own pool's notices are left to its dispatcher.
import { describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../../shared/contract/change-notice';
import { ADMIN, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

function desk() {
  const d = makeCore({ dataDir: tempDir(), ocrWorkers: 1, scannerPollMs: 3_600_000 });
  const heard: ChangeNotice[] = [];
  d.core.changes.subscribe((n) => heard.push(n));
  return { ...d, heard };
}

async function until(heard: ChangeNotice[], match: (n: ChangeNotice) => boolean): Promise<void> {
  // Bounded by the test's timeout; no clock in the assertion.
  while (!heard.some(match)) await new Promise((r) => setTimeout(r, 10));
}

describe.skipIf(process.env.KAIJI_TEST_BACKEND !== 'postgres')('change notices between desks (#16 item 3)', () => {
  it('a desk hears another desk`s case edit and status change by id; never a value; its own only from its dispatcher', async () => {
    const a = desk();
    const b = desk();
    value(await a.call('vault.setup', ADMIN));
    value(await b.call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    const { id } = value(await a.call('envelopes.log', { arrivedOn: '2026-11-20', delivery: 'futsu', redMarking: true, senderName: '山田 太郎' })).cases[0]!;
    await until(b.heard, (n) => n.table === 'cases' && n.ids.includes(id));
    const shown = value(await b.call('cases.detail', { id })).case.version;
    value(await a.call('cases.setFields', { id, version: shown, fields: [{ field: 'subject.name', value: '山田 花子' }] }));
    await until(b.heard, (n) => n.table === 'case_fields' && n.ids.includes(id));
    // B's view is now stale: its save from it is refused, and after a reload it applies.
    expect(await b.call('cases.setFields', { id, version: shown, fields: [{ field: 'subject.name', value: '佐藤 次郎' }] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: { ja: '他の端末でこの案件が変更されました。再読み込みしてください。' } },
    });
    const fresh = value(await b.call('cases.detail', { id })).case.version;
    value(await b.call('cases.setFields', { id, version: fresh, fields: [{ field: 'subject.name', value: '佐藤 次郎' }] }));
    await until(a.heard, (n) => n.table === 'case_fields' && n.ids.includes(id));
    value(await a.call('cases.transition', { id, to: 'checking' }));
    await until(b.heard, (n) => n.table === 'case_status_changes' && n.ids.includes(id));
    // A's own trigger notices were skipped (its pool's backends): it heard case_fields only from B.
    expect(a.heard.filter((n) => n.table === 'case_status_changes')).toEqual([]);
    expect(a.heard.filter((n) => n.table === 'case_fields')).toHaveLength(1);
    for (const n of [...a.heard, ...b.heard]) expect(JSON.stringify(n)).not.toMatch(/山田|佐藤|花子|次郎/);
  }, 120_000);
});
