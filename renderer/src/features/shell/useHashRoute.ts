import { useEffect, useState } from 'react';
import { parseCaseId, parseRoute, type RouteName } from './routes';

export interface HashLocation {
  route: RouteName;
  /** `#/cases/<id>`: the case file to open. */
  caseId: string | null;
}

const read = (): HashLocation | null => {
  const route = parseRoute(window.location.hash);
  return route ? { route, caseId: parseCaseId(window.location.hash) } : null;
};

/** Hash routing (#/cases, #/cases/<id> ...) without a router library; unknown hashes go to cases. */
export function useHashRoute(): HashLocation {
  const [location, setLocation] = useState<HashLocation>(() => read() ?? { route: 'cases', caseId: null });

  useEffect(() => {
    const sync = () => {
      const parsed = read();
      if (parsed) setLocation((prev) => (prev.route === parsed.route && prev.caseId === parsed.caseId ? prev : parsed));
      else window.location.replace('#/cases');
    };
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);

  return location;
}
