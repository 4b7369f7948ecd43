import type { Result } from '../result';
import type { ChannelInput, ChannelName, ChannelOutput } from './channels';

type Namespace<C> = C extends `${infer N}.${string}` ? N : never;
type Method<C, N extends string> = C extends `${N}.${infer M}` ? M : never;

/**
 * `window.kaiji`: one named async function per channel, grouped by namespace
 * (`kaiji.vault.unlock({...})`). The preload builds it over Electron IPC, the
 * web transport over loopback HTTP; both from `channelNames`.
 */
export type KaijiApi = {
  [N in Namespace<ChannelName>]: {
    [M in Method<ChannelName, N>]: `${N}.${M}` extends infer C extends ChannelName
      ? (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
      : never;
  };
};

/** Builds the namespaced API from one generic `invoke`; shared by both transports. */
export function buildApi(
  names: readonly ChannelName[],
  invoke: (channel: ChannelName, input: unknown) => Promise<Result<unknown>>,
): KaijiApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of names) {
    const [ns, method] = name.split('.') as [string, string];
    (api[ns] ??= {})[method] = (input: unknown) => invoke(name, input ?? {});
  }
  return api as unknown as KaijiApi;
}
