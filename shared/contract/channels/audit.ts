import { OVERSIGHT, channel, none } from '../channel';
import type { AuditActor } from '../types';

/** Channels of the audit trail beyond list/verify (#13 item 7). */
export const auditChannels = {
  /** Everyone who appears in the trail, for the "person" filter (staff removed since included). */
  'audit.actors': channel<AuditActor[]>()({ access: OVERSIGHT, input: none }),
} as const;
