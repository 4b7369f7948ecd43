/**
 * Every channel, on both back ends (#16 item 1: "the services run unchanged"): an administrator
 * with a little of everything in the vault calls each channel of the contract with an empty
 * input. Whatever the channel makes of it (an answer, INVALID_INPUT, NOT_FOUND...), it must
 * never be INTERNAL: on the office database a query the sealing layer refuses (an ORDER BY on a
 * sealed staff name, a range on a sealed column) surfaced exactly so, on lists nobody had
 * written a PostgreSQL test for. Inputs nobody designed, for every channel at once.
 */
import { describe, expect, it } from 'vitest';
import { channelNames, type ChannelName } from '@shared/contract';
import { CASE_SORTS, SORT_DIRECTIONS } from '@shared/domain/case-list';
import { ADMIN, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();
// Channels that end or replace the session, or start long background work: called elsewhere.
const SKIP = new Set<ChannelName>(['vault.lock', 'vault.setup', 'vault.unlock', 'vault.recover', 'vault.rekey', 'vault.rotateRecoveryKey', 'backup.run', 'backup.restore']);

describe('every channel on this back end', () => {
  it('answers or refuses with a named error, never INTERNAL, and staff, assignees and saved filters list alike', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    value(await call('vault.setup', ADMIN));
    // Names whose code-point order differs from insertion order and from any locale's order.
    for (const [displayName, login] of [['渡邉 一', 'watanabe'], ['あべ 花', 'abe'], ['Ｚ社 担当', 'zsha'], ['髙橋 二', 'takahashi']] as const) {
      value(await call('staff.add', { displayName, login, role: 'clerk', passphrase: `set by the admin ${login}` }));
    }
    for (const name of ['未回答', 'A 今月', '期限切れ']) value(await call('savedFilters.save', { list: 'cases', name, filter: {} }));
    const internal: string[] = [];
    for (const name of channelNames) {
      if (SKIP.has(name) || !name.includes('.')) continue;
      const r = await call(name, {} as never);
      if (!r.ok && r.error.code === 'INTERNAL') internal.push(name);
    }
    // Every sort of the case list, both ways, with a search too: a sort by a sealed column (the
    // person in charge's name) is refused on the office database.
    for (const sort of CASE_SORTS) {
      for (const dir of SORT_DIRECTIONS) {
        for (const query of [undefined, 'わたなべ']) {
          const r = await call('cases.list', { sort, dir, query, limit: 50, offset: 0 });
          if (!r.ok) internal.push(`cases.list ${sort} ${dir} ${query ?? ''}: ${r.error.code}`);
        }
      }
    }
    expect(internal).toEqual([]);
    const codePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const staff = value(await call('staff.list', {})).map((s) => s.displayName);
    expect(staff).toEqual([...staff].sort(codePoint));
    expect(staff).toHaveLength(5);
    const filters = value(await call('savedFilters.list', { list: 'cases' })).map((f) => f.name);
    expect(filters).toEqual(['A 今月', '未回答', '期限切れ'].sort(codePoint));
  });
});
