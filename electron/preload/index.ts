import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, channelNames } from '@shared/contract';
import type { Result } from '@shared/result';

// Named functions only: the renderer never gets ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'kaiji',
  buildApi(channelNames, (channel, input) => ipcRenderer.invoke('kaiji:invoke', channel, input) as Promise<Result<unknown>>),
);

// #16 item 3: change notices from the main process (ui/change-notices.ts); a listener, never ipcRenderer.
contextBridge.exposeInMainWorld('kaijiChanges', {
  onNotice: (listener: (payload: string) => void) => {
    const forward = (_event: unknown, payload: unknown) => {
      if (typeof payload === 'string') listener(payload);
    };
    ipcRenderer.on('kaiji:change', forward);
    return () => void ipcRenderer.off('kaiji:change', forward);
  },
});

// Letters to the system print dialog (electron/main/print.ts); web mode uses the browser's print.
contextBridge.exposeInMainWorld('kaijiPrint', {
  printPdf: (dataBase64: string) => ipcRenderer.invoke('kaiji:print-pdf', dataBase64) as Promise<{ ok: boolean }>,
});
