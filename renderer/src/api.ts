import type { KaijiApi } from '@shared/contract';
import { createWebApi } from './transport/web';
import { withServerState } from './ui/server-state';

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in web mode. */
    kaiji?: KaijiApi;
  }
}

/**
 * The one way the UI talks to the services, in Electron and in web mode alike; a successful
 * change refetches the queries on screen (ui/server-state.ts, #13 item 11a).
 */
export const kaiji: KaijiApi = withServerState(window.kaiji ?? createWebApi());
