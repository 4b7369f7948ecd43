import { useCallback, useEffect, useState } from 'react';

/** Seconds left before the server accepts another attempt; ticks down to 0. */
export function useRetryCountdown(initialMs = 0) {
  const [until, setUntil] = useState(() => (initialMs > 0 ? Date.now() + initialMs : 0));
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until <= Date.now()) return;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [until]);

  const start = useCallback((ms: number) => {
    const current = Date.now();
    setNow(current);
    setUntil(ms > 0 ? current + ms : 0);
  }, []);

  const seconds = until > now ? Math.ceil((until - now) / 1000) : 0;
  return { seconds, waiting: seconds > 0, start };
}
