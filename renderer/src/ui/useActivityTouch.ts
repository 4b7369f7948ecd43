import { useEffect } from 'react';
import { kaiji } from '../api';

const EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
const INTERVAL_MS = 30_000;

/**
 * Tells the services the user is still here, at most every 30 s. The server owns
 * the idle lock; we only follow the status it reports.
 */
export function useActivityTouch(enabled: boolean, onLocked: () => void) {
  useEffect(() => {
    if (!enabled) return;
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < INTERVAL_MS) return;
      last = now;
      void kaiji.session.touch({}).then((result) => {
        if (!result.ok && result.error.code === 'LOCKED') onLocked();
      });
    };
    for (const name of EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    return () => {
      for (const name of EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [enabled, onLocked]);
}
