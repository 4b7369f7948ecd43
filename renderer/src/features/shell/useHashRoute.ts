import { useEffect, useState } from 'react';
import { parseRoute, type RouteName } from './routes';

/** Hash routing (#/cases ...) without a router library; unknown hashes go to cases. */
export function useHashRoute(): RouteName {
  const [route, setRoute] = useState<RouteName>(() => parseRoute(window.location.hash) ?? 'cases');

  useEffect(() => {
    const sync = () => {
      const parsed = parseRoute(window.location.hash);
      if (parsed) setRoute(parsed);
      else window.location.replace('#/cases');
    };
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);

  return route;
}
