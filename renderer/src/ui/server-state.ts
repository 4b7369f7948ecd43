import { QueryClient } from '@tanstack/react-query';
import type { ChannelName, KaijiApi } from '@shared/contract';
import type { Result } from '@shared/result';

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

/**
 * Methods that only read (or export what is there): the channels queries call. A channel not
 * matched here counts as a change and invalidates every query after it succeeds; a read must
 * never be missing here, or each of its fetches would invalidate the others in a loop
 * (test/unit/server-state.test.ts checks every useLoad call site).
 */
const READ_METHOD =
  /^(list|get|detail|status|info|overview|image|text|importStatus|checklist|deficiency|awaitingResubmission|maskSuggestions|maskState|masks|ledger|monthlyTotals|suggest|preview|previewGuidance|previewImport|pdf|guidancePdf|recordPdf|labels|toSendCount|caseDeadline|obligations|owed|schedule|due|holds|register|actors|lookup|check|blockList|match|year|export|exportXlsx|exportPdf|exportRegister|applicationForm|verify|assignees)$/;

/** Calls that change no data the UI lists (activity pings). */
const NO_DATA: ReadonlySet<string> = new Set(['session.touch']);

/** Who is signed in changes: everything cached belongs to the previous session. */
const SESSION_CHANGES: ReadonlySet<string> = new Set(['vault.unlock', 'vault.recover', 'vault.lock', 'vault.setup', 'backup.restore']);

export type ChannelEffect = 'read' | 'change' | 'session';

export function channelEffect(channel: ChannelName | string): ChannelEffect {
  if (SESSION_CHANGES.has(channel)) return 'session';
  if (NO_DATA.has(channel)) return 'read';
  const method = channel.slice(channel.indexOf('.') + 1);
  return READ_METHOD.test(method) ? 'read' : 'change';
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
          ? fn
          : async (input: unknown) => {
              const result = await fn(input);
              if (result.ok) {
                if (effect === 'session') client.clear();
                else void client.invalidateQueries();
              }
              return result;
            };
    }
  }
  return out as unknown as KaijiApi;
}
