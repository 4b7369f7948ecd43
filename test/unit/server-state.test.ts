import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { buildApi, channelNames } from '@shared/contract';
import { channelEffect, collectReads, invalidateForNotices, withServerState } from '../../renderer/src/ui/server-state';

const RENDERER = join(__dirname, '../../renderer/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('server state (#13 item 11a)', () => {
  it('every channel a query calls is a read: a change there would refetch every query in a loop', () => {
    const queried = new Set<string>();
    for (const file of sources(RENDERER)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/useLoad\(\s*(?:\(\)\s*=>\s*)?[^;]*?kaiji\.(\w+)\.(\w+)\(/g)) queried.add(`${m[1]}.${m[2]}`);
    }
    expect(queried.size).toBeGreaterThan(30);
    for (const c of queried) {
      expect(channelNames, c).toContain(c);
      expect(channelEffect(c), c).toBe('read');
    }
  });

  it('changes, reads and session changes are told apart', () => {
    for (const c of ['cases.assign', 'savedFilters.save', 'savedFilters.delete', 'cases.transition', 'pages.delete', 'scanner.poll', 'moneyOrders.cash', 'settings.update', 'staff.add']) expect(channelEffect(c), c).toBe('change');
    for (const c of ['cases.list', 'audit.list', 'mail.list', 'moneyOrders.ledger', 'savedFilters.list', 'session.touch', 'vault.status']) expect(channelEffect(c), c).toBe('read');
    for (const c of ['vault.unlock', 'vault.lock', 'vault.recover']) expect(channelEffect(c), c).toBe('session');
  });

  it('a successful change marks every query stale and refetches those on screen; a failed one does not; a session change drops the cache', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    let fetches = 0;
    const observer = new QueryObserver(client, { queryKey: ['load', 'x'], queryFn: async () => ++fetches });
    const unsubscribe = observer.subscribe(() => undefined);
    await client.fetchQuery({ queryKey: ['other'], queryFn: async () => 1 });
    await vi_waitFor(() => fetches === 1);
    let fail = false;
    const api = withServerState(
      buildApi(channelNames, async (channel) => (fail && channel === 'cases.assign' ? { ok: false, error: { code: 'ROLE_FORBIDS', message: { ja: '', en: '' } } } : { ok: true, value: null })),
      client,
    );
    await api.cases.list({});
    expect(client.getQueryState(['other'])?.isInvalidated).toBe(false);
    fail = true;
    await api.cases.assign({ caseId: 'c', assigneeId: null });
    expect(client.getQueryState(['other'])?.isInvalidated).toBe(false);
    fail = false;
    await api.cases.assign({ caseId: 'c', assigneeId: null });
    expect(client.getQueryState(['other'])?.isInvalidated).toBe(true);
    await vi_waitFor(() => fetches === 2);
    await api.vault.lock({});
    expect(client.getQueryCache().getAll()).toHaveLength(0);
    unsubscribe();
  });
});

async function vi_waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(done()).toBe(true);
}

describe('change notices in the renderer (#16 item 3)', () => {
  it('refetch the queries showing the notice`s records and every list, not the other records` queries', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const api = withServerState(buildApi(channelNames, async () => ({ ok: true, value: null })), client);
    // Three queries as useLoad makes them: one case's detail, another case's detail, the list.
    const fetches = { a: 0, b: 0, list: 0 };
    const observe = (name: keyof typeof fetches, read: () => Promise<unknown>) => {
      const queryKey = ['load', name];
      const observer = new QueryObserver(client, {
        queryKey,
        queryFn: async () => {
          fetches[name]++;
          return collectReads(queryKey, read);
        },
      });
      return observer.subscribe(() => undefined);
    };
    const stop = [observe('a', () => api.cases.detail({ id: 'case-a' })), observe('b', () => api.cases.detail({ id: 'case-b' })), observe('list', () => api.cases.list({}))];
    // Settled first: a notice arriving mid-fetch is covered by TanStack's own refetch rules, not here.
    const idle = () => client.getQueryCache().getAll().every((q) => q.state.fetchStatus === 'idle');
    await vi_waitFor(() => fetches.a === 1 && fetches.b === 1 && fetches.list === 1 && idle());
    await invalidateForNotices([{ table: 'case_fields', ids: ['case-a'] }], client);
    await vi_waitFor(() => fetches.a === 2 && fetches.list === 2 && idle());
    expect(fetches.b).toBe(1);
    // A row of case b by its own id and its case's: b's queries match through the case id.
    await invalidateForNotices([{ table: 'letters', ids: ['letter-1', 'case-b'] }], client);
    await vi_waitFor(() => fetches.b === 2 && fetches.list === 3 && idle());
    expect(fetches.a).toBe(2);
    // After a reconnect anything may have changed.
    await invalidateForNotices([{ table: '*', ids: [] }], client);
    await vi_waitFor(() => fetches.a === 3 && fetches.b === 3 && fetches.list === 4);
    for (const s of stop) s();
  });
});
