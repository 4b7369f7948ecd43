import { isoDateInJapan } from '@shared/domain/dates';
import type { KaijiCore } from '../core/kaiji-core';
import { answerAndCloseDemoCase } from './demo-lifecycle';

/** Applications older than this were answered in the demo's past. */
const ANSWERED_AFTER_DAYS = 45;

/**
 * Deadlines in the demo vault (#5, I5): the demo's plain applications that arrived more than
 * 45 days ago were answered and closed, so the Today view shows a workable list (the recent
 * ones past, near or within their target and the Art. 39 day 14) instead of months of
 * untouched mail, and its monthly chart has closed requests as well as received ones. Runs
 * after the other seeds: cases they put in a particular state are not touched.
 */
export async function seedDeadlineDemo(core: KaijiCore, today: Date): Promise<number> {
  const { ws, actor } = core.requireSession();
  const cutoff = isoDateInJapan(new Date(today.getTime() - ANSWERED_AFTER_DAYS * 86_400_000));
  const old = await ws.db.selectFrom('cases').select('id').where('status', '=', 'received').where('received_on', '<', cutoff).orderBy('received_on').execute();
  // Each answered through the real path (#10): decisions, a combined reply delivered, fee settled.
  for (const { id } of old) await answerAndCloseDemoCase(ws, actor, id, today);
  return old.length;
}
