import { contract, type ChannelName } from '@shared/contract';
import { errorInfo, KaijiError } from '@shared/errors';
import type { Result } from '@shared/result';
import { allows } from '@shared/roles';
import { handlers, type HandlerMap } from './handlers';
import { auditedCall } from '../audit/audit-log';
import { noticeOfCall } from '../concurrency/change-notices';
import type { KaijiCore, Session } from './kaiji-core';

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

/** What a session may call while it must replace a passphrase an administrator set (#13 item 8). */
const BEFORE_PASSPHRASE_CHANGE: ReadonlySet<ChannelName> = new Set(['session.changePassphrase', 'session.touch', 'vault.lock']);

/**
 * The single entry for both transports: find the channel, validate its input, check
 * the caller's role, run the handler, and turn any failure into a typed result.
 */
export function createDispatch(core: KaijiCore, map: HandlerMap = handlers): Dispatch {
  return async (channel, input) => {
    if (!Object.hasOwn(contract, channel)) return { ok: false, error: errorInfo('UNKNOWN_CHANNEL') };
    const name = channel as ChannelName;
    const spec = contract[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      // Paths and codes only: the rejected values may be personal.
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
      // A date that does not read or lies outside its plausible range: named by field only (finding 7).
      const date = parsed.error.issues.find((i) => i.message === 'date');
      if (date) return { ok: false, error: errorInfo('INVALID_DATE', { field: date.path.join('.'), issues }) };
      // A new passphrase under the length rule: the staff service's own code (#13 item 11c).
      if (parsed.error.issues.some((i) => i.message === 'weak_passphrase')) return { ok: false, error: errorInfo('WEAK_PASSPHRASE') };
      return { ok: false, error: errorInfo('INVALID_INPUT', { issues }) };
    }
    const session = core.current;
    if (spec.access !== 'public') {
      if (!session) return { ok: false, error: errorInfo('LOCKED') };
      if (!allows(spec.access, session.user.role)) {
        await session.ws.audit
          .append(session.ws.db, session.actor, { action: 'access.denied', summary: { channel: name } })
          .catch(() => undefined);
        return { ok: false, error: errorInfo('FORBIDDEN') };
      }
      if (session.user.mustChangePassphrase && !BEFORE_PASSPHRASE_CHANGE.has(name)) {
        return { ok: false, error: errorInfo('PASSPHRASE_CHANGE_REQUIRED') };
      }
      if (name !== 'vault.lock') core.touch();
    }
    try {
      const handler = map[name] as (i: unknown, ctx: { core: KaijiCore; session: typeof session }) => Promise<unknown>;
      const call = { entries: 0 };
      const value = await auditedCall.run(call, () => handler(parsed.data, { core, session }));
      if (name === 'session.changePassphrase' && session?.user.mustChangePassphrase) {
        session.user = { ...session.user, mustChangePassphrase: false };
      }
      // Finding 4: personal data never leaves without an audit entry, whether or not the service wrote one.
      if (spec.personal && call.entries === 0 && session) await auditView(session, name, parsed.data, value);
      // #16 item 3: the desk's other windows (and tabs) refetch what this change touched.
      const notice = noticeOfCall(name, parsed.data);
      if (notice) core.changes.publish(notice);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof KaijiError) return { ok: false, error: error.toInfo() };
      // Messages of unexpected errors can quote data; only their kind is reported.
      process.stderr.write(`kaiji: ${name} failed: ${(error as Error)?.name ?? 'Error'}\n`);
      if (process.env.KAIJI_DEBUG === '1') console.error(error);
      return { ok: false, error: errorInfo('INTERNAL') };
    }
  };
}

/** Record types of channel groups, as the services name them in their own entries. */
const RECORD_TYPES: Record<string, string> = { cases: 'case', pages: 'page', letters: 'letter', documents: 'case', decisions: 'case', moneyOrders: 'money_order', envelopes: 'envelope', mail: 'mail' };

/** `record.viewed`: which channel, which record (random ids only), how many rows; never the data. */
async function auditView(session: Session, channel: string, input: unknown, value: unknown): Promise<void> {
  const i = (input ?? {}) as Record<string, unknown>;
  const byCase = typeof i.caseId === 'string';
  const recordId = typeof i.id === 'string' ? i.id : byCase ? (i.caseId as string) : undefined;
  const recordType = recordId === undefined ? undefined : byCase && typeof i.id !== 'string' ? 'case' : (RECORD_TYPES[channel.split('.')[0]!] ?? channel.split('.')[0]);
  await session.ws.audit.append(session.ws.db, session.actor, {
    action: 'record.viewed',
    recordType,
    recordId,
    summary: { channel, ...(Array.isArray(value) ? { count: value.length } : {}) },
  });
}
