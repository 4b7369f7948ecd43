import { contract, type ChannelName } from '@shared/contract';
import { allows, type Role } from '@shared/roles';

export const routeNames = ['today', 'cases', 'intake', 'moneyOrders', 'mail', 'letters', 'contacts', 'provisions', 'reports', 'staff', 'audit', 'settings', 'records', 'trash'] as const;
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
  contacts: 'contacts.list',
  records: 'backup.overview',
  provisions: 'provisions.list',
  reports: 'reports.year',
  trash: 'trash.list',
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

/** "My cases" (#13 item 2a): the case list filtered to the person's own open cases. */
export const MY_CASES_HASH = '#/cases?mine';

/**
 * Where a person starts (#13 item 8): their own work, never the page the previous person left
 * open. Administrators: Today; clerks: "my cases" (item 2a); auditors: the audit trail. Falls
 * back to the first page the role may open.
 */
export function homeRoute(role: Role | undefined): RouteName {
  const preferred: RouteName = role === 'administrator' ? 'today' : role === 'clerk' ? 'cases' : 'audit';
  return canOpen(preferred, role) ? preferred : (navOrder(role)[0] ?? HOME_ROUTE);
}

/** The hash of a person's home: for clerks the "my cases" view of the case list. */
export function homeHash(role: Role | undefined): string {
  const route = homeRoute(role);
  return role === 'clerk' && route === 'cases' ? MY_CASES_HASH : hrefOf(route);
}

/**
 * At sign-in: the hash to start from. The same person coming back (unlock after an idle lock)
 * keeps the page they were on, and so does a link opened in a fresh window (no one signed in
 * there before), if the role may open it; after someone else, a person starts at their home.
 */
export function startHash(hash: string, previousUserId: string | null, user: { id: string; role: Role }): string {
  const route = parseRoute(hash);
  const ownPage = previousUserId === null || previousUserId === user.id;
  if (ownPage && route && canOpen(route, user.role)) return hash;
  return homeHash(user.role);
}
