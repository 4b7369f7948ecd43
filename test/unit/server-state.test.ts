import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { buildApi, channelNames } from '@shared/contract';
import { channelEffect, withServerState } from '../../renderer/src/ui/server-state';

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
