import { parseNotice, type ChangeNotice } from '@shared/contract/change-notice';
import { invalidateForNotices } from './server-state';

declare global {
  interface Window {
    /** Electron preload: change notices pushed by the main process (#16 item 3). */
    kaijiChanges?: { onNotice(listener: (payload: string) => void): () => void };
  }
}

/** Notices arriving together (one transaction touches several rows) are handled as one batch. */
const BATCH_MS = 150;

/**
 * #16 item 3: what other desks (office database) or other windows of this desk change reaches
 * this window as change notices, and the queries showing those records refetch, well within
 * 2 s and without polling. Electron: the preload's `kaijiChanges`; web mode: server-sent events
 * on the same loopback host and cookie (`/events`). Returns the stop function.
 */
export function startChangeNotices(apply: (notices: ChangeNotice[]) => unknown = invalidateForNotices): () => void {
  let pending: ChangeNotice[] = [];
  let timer: number | null = null;
  const receive = (payload: string) => {
    const notice = parseNotice(payload);
    if (!notice) return;
    pending.push(notice);
    timer ??= window.setTimeout(() => {
      const batch = pending;
      pending = [];
      timer = null;
      void apply(batch);
    }, BATCH_MS);
  };
  if (window.kaijiChanges) return window.kaijiChanges.onNotice(receive);
  if (typeof EventSource === 'undefined') return () => undefined;
  // EventSource reconnects by itself; after a reconnect, anything may have changed meanwhile.
  const source = new EventSource('/events');
  let opened = false;
  source.addEventListener('open', () => {
    if (opened) receive('*');
    opened = true;
  });
  source.addEventListener('change', (e) => receive((e as MessageEvent<string>).data));
  return () => source.close();
}
