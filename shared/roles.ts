/**
 * Staff roles (S1: least privilege).
 * - administrator: decides requests, manages staff and settings
 * - clerk: intake and preparation
 * - auditor: read-only, including the audit trail
 */
export const roles = ['administrator', 'clerk', 'auditor'] as const;
export type Role = (typeof roles)[number];

/** Who may call a channel: anyone (the vault may be locked), any unlocked user, or named roles. */
export type Access = 'public' | 'session' | readonly Role[];

export function allows(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  if (!role) return false;
  if (access === 'session') return true;
  return access.includes(role);
}
