import { useEffect, useState } from 'react';
import { HOME_ROUTE, hrefOf, parseCaseId, parseRoute, type RouteName } from './routes';

export interface HashLocation {
  route: RouteName;
  /** `#/cases/<id>`: the case file to open. */
  caseId: string | null;
}

const read = (): HashLocation | null => {
  const route = parseRoute(window.location.hash);
  return route ? { route, caseId: parseCaseId(window.location.hash) } : null;
};

/** Hash routing (#/cases, #/cases/<id> ...) without a router library; unknown hashes go to the home route (Today). */
export function useHashRoute(): HashLocation {
  const [location, setLocation] = useState<HashLocation>(() => read() ?? { route: HOME_ROUTE, caseId: null });

  useEffect(() => {
    const sync = () => {
      const parsed = read();
      if (parsed) setLocation((prev) => (prev.route === parsed.route && prev.caseId === parsed.caseId ? prev : parsed));
      else window.location.replace(hrefOf(HOME_ROUTE));
    };
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);

  return location;
}
