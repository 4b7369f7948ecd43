import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { channelEffect } from '@shared/contract/channel-effect';
import { idsOfInput, parseNotice, type ChangeNotice } from '@shared/contract/change-notice';

/**
 * Change notices (#16 item 3): how a desk learns that something it shows has changed, without
 * polling every table. On the office database the triggers of migration 053 send
 * `pg_notify('kaiji', '<table>:<id>[:<case id>]')` and the desk's one LISTEN connection
 * (`listenForChanges`) feeds them into the core's `ChangeBus`; on the single-desk vault the
 * dispatcher publishes each successful change itself (`noticeOfCall`), so another window or tab
 * of the same desk hears it the same way. The bus goes to the renderer (Electron: webContents;
 * web mode: server-sent events), which refetches the queries that show the record. A notice
 * holds table names and random ids only: never a personal value.
 */
export const NOTICE_CHANNEL = 'kaiji';

/**
 * The tables a desk shows, with the column whose value a notice carries (the row's id or key)
 * and, for rows that belong to a case, the case column. `versioned`: updates notify only when
 * the version moved (see migration 053).
 */
export const NOTIFIED_TABLES: readonly { table: string; key: string; caseKey?: string; versioned?: boolean }[] = [
  { table: 'cases', key: 'id', versioned: true },
  { table: 'case_fields', key: 'case_id', versioned: true },
  { table: 'case_notes', key: 'id', caseKey: 'case_id' },
  { table: 'case_documents', key: 'id', caseKey: 'case_id' },
  { table: 'case_status_changes', key: 'id', caseKey: 'case_id' },
  { table: 'case_decisions', key: 'id', caseKey: 'case_id' },
  { table: 'case_deficiencies', key: 'id', caseKey: 'case_id' },
  { table: 'case_waivers', key: 'id', caseKey: 'case_id' },
  { table: 'case_envelopes', key: 'envelope_id', caseKey: 'case_id' },
  { table: 'letters', key: 'id', caseKey: 'case_id', versioned: true },
  { table: 'money_orders', key: 'id', caseKey: 'case_id', versioned: true },
  { table: 'mail_items', key: 'id', caseKey: 'case_id' },
  { table: 'envelopes', key: 'id' },
  { table: 'pages', key: 'id', caseKey: 'case_id' },
  { table: 'page_masks', key: 'page_id', caseKey: 'case_id' },
  { table: 'legal_holds', key: 'case_id' },
  { table: 'contacts', key: 'id' },
  { table: 'contact_letters', key: 'id', caseKey: 'contact_id' },
  { table: 'staff', key: 'id', versioned: true },
  { table: 'settings', key: 'key', versioned: true },
  { table: 'saved_filters', key: 'id', versioned: true },
];

/** One desk's stream of notices: from the database (other desks) or from its own dispatcher. */
export class ChangeBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open window or event stream; more than 10 is normal, not a leak.
    this.emitter.setMaxListeners(0);
  }

  publish(notice: ChangeNotice): void {
    this.emitter.emit('notice', notice);
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: (notice: ChangeNotice) => void): () => void {
    this.emitter.on('notice', listener);
    return () => this.emitter.off('notice', listener);
  }
}

/**
 * The single-desk vault's notice of one successful call (no triggers there): the channel's
 * group stands for the table, the ids of its input for the rows. Reads publish nothing.
 */
export function noticeOfCall(channel: string, input: unknown): ChangeNotice | null {
  if (channelEffect(channel) !== 'change') return null;
  return { table: channel.slice(0, channel.indexOf('.')), ids: idsOfInput(input) };
}

export interface ChangeListener {
  close(): Promise<void>;
}

/**
 * The desk's one LISTEN connection to the office database. `ownBackends` are the process ids of
 * this desk's own pool connections: their notices are this desk's own changes, which its
 * renderer has already refetched after the call. A dropped connection is opened again (the
 * desks' changes made meanwhile are caught by a refetch of everything: `publish({ table: '*' })`).
 */
export async function listenForChanges(
  connect: () => Promise<pg.Client>,
  bus: ChangeBus,
  options: { ownBackends?: ReadonlySet<number>; retryMs?: number } = {},
): Promise<ChangeListener> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  const open = async (): Promise<void> => {
    const c = await connect();
    c.on('notification', (msg) => {
      if (msg.channel !== NOTICE_CHANNEL || !msg.payload) return;
      if (options.ownBackends?.has(msg.processId)) return;
      const notice = parseNotice(msg.payload);
      if (notice) bus.publish(notice);
    });
    c.on('error', () => reconnect());
    c.on('end', () => reconnect());
    await c.query(`LISTEN ${NOTICE_CHANNEL}`);
    client = c;
  };
  const reconnect = () => {
    if (closed || retry) return;
    client = null;
    retry = setTimeout(() => {
      retry = null;
      open()
        .then(() => bus.publish({ table: '*', ids: [] }))
        .catch(() => reconnect());
    }, options.retryMs ?? 1_000);
    retry.unref();
  };
  // A server not reachable yet: keep trying in the background, as after a dropped connection.
  await open().catch(() => reconnect());
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
