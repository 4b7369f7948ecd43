import { contract, type ChannelName } from '@shared/contract';
import { errorInfo, KaijiError } from '@shared/errors';
import type { Result } from '@shared/result';
import { allows } from '@shared/roles';
import { handlers, type HandlerMap } from './handlers';
import type { KaijiCore } from './kaiji-core';

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

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
      if (name !== 'vault.lock') core.touch();
    }
    try {
      const handler = map[name] as (i: unknown, ctx: { core: KaijiCore; session: typeof session }) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, { core, session }) };
    } catch (error) {
      if (error instanceof KaijiError) return { ok: false, error: error.toInfo() };
      // Messages of unexpected errors can quote data; only their kind is reported.
      process.stderr.write(`kaiji: ${name} failed: ${(error as Error)?.name ?? 'Error'}\n`);
      if (process.env.KAIJI_DEBUG === '1') console.error(error);
      return { ok: false, error: errorInfo('INTERNAL') };
    }
  };
}
