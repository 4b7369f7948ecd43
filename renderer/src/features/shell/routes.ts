import { contract, type ChannelName } from '@shared/contract';
import { allows, type Role } from '@shared/roles';

export const routeNames = ['today', 'cases', 'intake', 'moneyOrders', 'mail', 'letters', 'provisions', 'reports', 'staff', 'audit', 'settings'] as const;
export type RouteName = (typeof routeNames)[number];

/**
 * Each page is gated by the channel it is built on, so the menu and the server
 * can never disagree about who may see what.
 */
const gate: Record<RouteName, ChannelName> = {
  today: 'today.overview',
  cases: 'cases.list',
  intake: 'envelopes.list',
  staff: 'staff.list',
  audit: 'audit.list',
  settings: 'settings.update',
  moneyOrders: 'moneyOrders.ledger',
  mail: 'mail.list',
  letters: 'letters.overview',
  provisions: 'provisions.list',
  reports: 'reports.year',
};

export function canOpen(route: RouteName, role: Role | undefined): boolean {
  return allows(contract[gate[route]].access, role);
}

/** Navigation order: clerks spend their day at the mail desk, so intake comes first for them. */
export function navOrder(role: Role | undefined): RouteName[] {
  const open = routeNames.filter((route) => canOpen(route, role));
  return role === 'clerk' ? [...open.filter((r) => r === 'intake'), ...open.filter((r) => r !== 'intake')] : open;
}

export function parseRoute(hash: string): RouteName | null {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (routeNames as readonly string[]).includes(name) ? (name as RouteName) : null;
}

export const hrefOf = (route: RouteName) => `#/${route}`;

/** Where an unknown or empty hash goes: the Today view (#5), open to every role that sees cases. */
export const HOME_ROUTE: RouteName = 'today';

/** `#/cases/<id>` opens one case file; the id is opaque (URL-encoded in the hash). */
export function parseCaseId(hash: string): string | null {
  const m = /^#\/?cases\/([^/?]+)/.exec(hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

export const caseHref = (id: string) => `#/cases/${encodeURIComponent(id)}`;
