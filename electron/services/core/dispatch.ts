import { contract, type ChannelName } from '@shared/contract';
import { errorInfo, KaijiError } from '@shared/errors';
import type { Result } from '@shared/result';
import { allows } from '@shared/roles';
import { handlers, type HandlerMap } from './handlers';
import type { KaijiCore } from './kaiji-core';

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
      const value = await handler(parsed.data, { core, session });
      if (name === 'session.changePassphrase' && session?.user.mustChangePassphrase) {
        session.user = { ...session.user, mustChangePassphrase: false };
      }
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
