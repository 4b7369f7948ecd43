import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '@shared/result';
import { useCall } from './useCall';

/**
 * Loads data from a channel when `key` changes; a late answer for an older key
 * is dropped so fast typing in a search box never shows stale rows.
 */
export function useLoad<T>(call: () => Promise<Result<T>>, key: string) {
  const { run, loading } = useCall();
  const [data, setData] = useState<T | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);
  const callRef = useRef(call);
  callRef.current = call;

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    const result = await run(() => callRef.current());
    if (ticket !== latest.current) return;
    setFailed(!result.ok);
    if (result.ok) setData(result.value);
  }, [run]);

  useEffect(() => {
    void reload();
  }, [key, reload]);

  return { data, loading, failed, reload };
}
