import { buildApi, channelNames, type KaijiApi } from '@shared/contract';
import { errorInfo } from '@shared/errors';
import type { Result } from '@shared/result';

/**
 * Web mode's stand-in for the Electron preload: the same `window.kaiji` API over
 * loopback HTTP. The per-run secret travels in an HttpOnly cookie the host set when
 * the start URL was opened, so page scripts never see it.
 */
export function createWebApi(): KaijiApi {
  return buildApi(channelNames, async (channel, input): Promise<Result<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
    } catch {
      return { ok: false, error: errorInfo('INTERNAL', { transport: 'unreachable' }) };
    }
    if (response.status === 403) return { ok: false, error: errorInfo('FORBIDDEN') };
    return (await response.json()) as Result<unknown>;
  });
}
