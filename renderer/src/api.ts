import type { KaijiApi } from '@shared/contract';
import { createWebApi } from './transport/web';

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in web mode. */
    kaiji?: KaijiApi;
  }
}

/** The one way the UI talks to the services, in Electron and in web mode alike. */
export const kaiji: KaijiApi = window.kaiji ?? createWebApi();
