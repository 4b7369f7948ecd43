import { useCallback, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { Result } from '@shared/result';
import { useLang } from '../i18n';
import { errorText } from './errors';
import { useVault } from './vault';

export interface CallOptions {
  /** Show a failure as a notification (default). Forms that show errors inline pass false. */
  notify?: boolean;
}

/**
 * Runs one channel call: tracks loading, shows failures in the current language,
 * and re-reads the vault status on LOCKED so the unlock screen takes over.
 */
export function useCall() {
  const lang = useLang();
  const { refresh } = useVault();
  const [loading, setLoading] = useState(false);
  const pending = useRef(0);

  const run = useCallback(
    async <T>(call: () => Promise<Result<T>>, options: CallOptions = {}): Promise<Result<T>> => {
      pending.current += 1;
      setLoading(true);
      try {
        const result = await call();
        if (!result.ok) {
          if (result.error.code === 'LOCKED') void refresh();
          else if (options.notify !== false) {
            notifications.show({ color: 'red', message: errorText(result.error, lang) });
          }
        }
        return result;
      } finally {
        pending.current -= 1;
        if (pending.current === 0) setLoading(false);
      }
    },
    [lang, refresh],
  );

  return { run, loading };
}
