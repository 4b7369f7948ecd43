import { useHashLocation } from 'wouter/use-hash-location';

/**
 * The location hook the shell's wouter Router runs on (#13 item 11b): hash URLs (`#/cases/<id>`),
 * which the app:// protocol and web mode both serve from one index.html. A link may carry a query
 * inside the hash (`#/records?retention`); routes match the path before it.
 */
export function useKaijiLocation(): ReturnType<typeof useHashLocation> {
  const [path, navigate] = useHashLocation();
  return [path.split('?')[0] || '/', navigate];
}

/**
 * Go to an href made by routes.ts (`#/…`), keeping any query inside the hash. Setting the hash
 * fires `hashchange`, which wouter's hash location follows; back and forward work as for links.
 */
export function goTo(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}
