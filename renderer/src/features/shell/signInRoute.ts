import type { SessionUser } from '@shared/contract';
import { startHash } from './routes';

/** Whose page the window's hash is (per window; survives locks, not restarts). */
const OWNER_KEY = 'kaiji.routeOwner';

function read(): string | null {
  try {
    return sessionStorage.getItem(OWNER_KEY);
  } catch {
    return null;
  }
}

/**
 * Called once as a person's shell mounts, before the hash is read: moves the window to their
 * start page without a history entry (no hashchange, so the previous person's page never
 * loads and no refused call is logged in the new person's name).
 */
export function claimRoute(user: Pick<SessionUser, 'id' | 'role'>): void {
  const next = startHash(window.location.hash, read(), user);
  if (next !== window.location.hash) window.history.replaceState(null, '', next);
  try {
    sessionStorage.setItem(OWNER_KEY, user.id);
  } catch {
    // Without storage every sign-in starts at home, which is still right.
  }
}
