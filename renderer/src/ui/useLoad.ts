import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useId, useRef } from 'react';
import type { KaijiErrorInfo, Result } from '@shared/result';
import { collectReads } from './server-state';
import { useCall } from './useCall';

class LoadFailed extends Error {
  constructor(readonly info: KaijiErrorInfo) {
    super(info.code);
  }
}

/**
 * Loads data from a channel when `key` changes (#13 item 11a: a TanStack Query under the same
 * call-site API). `key` must change whenever the call would ask for something else. The
 * previous data stays on screen while the next key loads (paged lists keep their rows), a late
 * answer for an older key never replaces a newer one, and any successful change anywhere
 * refetches it (ui/server-state.ts). Failures are shown as before, through useCall.
 */
export function useLoad<T>(call: () => Promise<Result<T>>, key: string) {
  const { run } = useCall();
  // One query per mounted call site: two panels with the same key string never share data.
  const site = useId();
  const callRef = useRef(call);
  callRef.current = call;
  const query = useQuery({
    queryKey: ['load', site, key],
    queryFn: async ({ queryKey }) => {
      // Which records this query shows, so change notices refetch it only when they concern it (#16 item 3).
      const result = await collectReads(queryKey, () => run(() => callRef.current()));
      if (!result.ok) throw new LoadFailed(result.error);
      // Wrapped: a channel may answer null, which a query's data cannot be left undefined for.
      return { value: result.value };
    },
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);
  return { data: query.data?.value, loading: query.isFetching, failed: query.isError, reload };
}
