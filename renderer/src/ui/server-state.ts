import { QueryClient } from '@tanstack/react-query';
import type { KaijiApi } from '@shared/contract';
import type { Result } from '@shared/result';
import { idsOfInput, noticeMatches, type ChangeNotice } from '@shared/contract/change-notice';
import { channelEffect } from '@shared/contract/channel-effect';

/**
 * Server state (#13 item 11a): every read the UI shows is a TanStack Query (ui/useLoad.ts), and
 * every successful call that changes data invalidates them all, so no panel stays stale after a
 * change made elsewhere. Queries are fetched only when shown or invalidated (each read of
 * personal data is audited by the services, so no refetch on focus or reconnect).
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: 0, gcTime: 5 * 60_000 },
  },
});

// Which channels only read: one rule for the renderer and the services (#16 item 3 moved it to shared/).
export { channelEffect, type ChannelEffect } from '@shared/contract/channel-effect';

/**
 * #16 item 3: the reads each query made (their inputs' record ids), collected while its query
 * function starts the calls (ui/useLoad.ts#collectReads), so a change notice refetches only the
 * queries that show its record (shared/contract/change-notice.ts#noticeMatches).
 */
let collecting: string[][] | null = null;
const readsOfQuery = new Map<string, string[][]>();
queryClient.getQueryCache().subscribe((event) => {
  if (event.type === 'removed') readsOfQuery.delete(JSON.stringify(event.query.queryKey));
});

export function collectReads<T>(queryKey: readonly unknown[], start: () => T): T {
  const reads: string[][] = [];
  collecting = reads;
  try {
    return start();
  } finally {
    collecting = null;
    readsOfQuery.set(JSON.stringify(queryKey), reads);
  }
}

/**
 * Refetches what a batch of notices (another desk's or another window's changes) makes stale:
 * a query whose reads match one of them, or whose reads are unknown.
 */
export function invalidateForNotices(notices: readonly ChangeNotice[], client: QueryClient = queryClient): Promise<void> {
  return client.invalidateQueries({
    predicate: (q) => {
      const reads = readsOfQuery.get(JSON.stringify(q.queryKey));
      return !reads || reads.length === 0 || notices.some((n) => noticeMatches(n, reads));
    },
  });
}

/**
 * The API the UI uses: the transport's, with each successful change followed by invalidation
 * (refetch of the queries on screen) and each session change by dropping the cache, so one
 * person's data never shows under another's session.
 */
export function withServerState(api: KaijiApi, client: QueryClient = queryClient): KaijiApi {
  const out: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const [ns, methods] of Object.entries(api as unknown as Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>>)) {
    out[ns] = {};
    for (const [method, fn] of Object.entries(methods)) {
      const channel = `${ns}.${method}`;
      const effect = channelEffect(channel);
      out[ns][method] =
        effect === 'read'
          ? (input: unknown) => {
              collecting?.push(idsOfInput(input));
              return fn(input);
            }
          : async (input: unknown) => {
              const result = await fn(input);
              if (result.ok) {
                if (effect === 'session') client.clear();
                else void client.invalidateQueries();
              } else if (result.error.code === 'CONFLICT') {
                // #16 item 3: what the screen showed is stale (another desk changed it): reload it.
                void client.invalidateQueries();
              }
              return result;
            };
    }
  }
  return out as unknown as KaijiApi;
}
