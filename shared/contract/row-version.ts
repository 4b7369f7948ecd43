import { z } from 'zod';

/**
 * #16 item 3: the optimistic version of the row the desk showed, sent back with an edit of it
 * (services/concurrency/versions.ts). The desk's screens always send it; it stays optional for
 * scripts and background work, whose edits still move the version so that desks holding an
 * older view are refused.
 */
export const rowVersion = z.number().int().min(1).max(2_147_483_647).optional();
