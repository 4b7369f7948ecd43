import { contract, type ChannelName } from '@shared/contract';
import { allows, type Role } from '@shared/roles';

export const routeNames = ['cases', 'staff', 'audit', 'settings'] as const;
export type RouteName = (typeof routeNames)[number];

/**
 * Each page is gated by the channel it is built on, so the menu and the server
 * can never disagree about who may see what.
 */
const gate: Record<RouteName, ChannelName> = {
  cases: 'cases.list',
  staff: 'staff.list',
  audit: 'audit.list',
  settings: 'settings.update',
};

export function canOpen(route: RouteName, role: Role | undefined): boolean {
  return allows(contract[gate[route]].access, role);
}

export function parseRoute(hash: string): RouteName | null {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (routeNames as readonly string[]).includes(name) ? (name as RouteName) : null;
}

export const hrefOf = (route: RouteName) => `#/${route}`;
