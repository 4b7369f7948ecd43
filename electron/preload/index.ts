import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, channelNames } from '@shared/contract';
import type { Result } from '@shared/result';

// Named functions only: the renderer never gets ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'kaiji',
  buildApi(channelNames, (channel, input) => ipcRenderer.invoke('kaiji:invoke', channel, input) as Promise<Result<unknown>>),
);

// Letters to the system print dialog (electron/main/print.ts); web mode uses the browser's print.
contextBridge.exposeInMainWorld('kaijiPrint', {
  printPdf: (dataBase64: string) => ipcRenderer.invoke('kaiji:print-pdf', dataBase64) as Promise<{ ok: boolean }>,
});
