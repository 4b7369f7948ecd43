import { BrowserWindow, ipcMain } from 'electron';
import { rasterizePdf } from '../services/imaging/pdf-raster';
import { isTrustedSender } from './security';

/** Base64 characters accepted for one letter (a few pages; the contract caps files at 60 M). */
const MAX_BASE64 = 40_000_000;

/**
 * Letters to the system print dialog. The PDF (already fetched by the renderer through the
 * access-checked `letters.pdf` / `letters.reprint` channels) is drawn to 300 dpi page images in
 * memory and printed from a hidden, script-less window: no PDF plugin, no temp file on disk.
 */
export function registerPrintHandler(): void {
  ipcMain.handle('kaiji:print-pdf', async (event, dataBase64: unknown): Promise<{ ok: boolean }> => {
    if (!isTrustedSender(event.senderFrame) || typeof dataBase64 !== 'string' || dataBase64.length > MAX_BASE64) return { ok: false };
    const images: string[] = [];
    try {
      for await (const page of rasterizePdf(Buffer.from(dataBase64, 'base64'), { dpi: 300, maxPages: 50 })) {
        images.push(`<img src="data:image/png;base64,${page.png.toString('base64')}">`);
      }
    } catch {
      return { ok: false };
    }
    const html = `<!doctype html><meta charset="utf-8"><style>@page{size:A4;margin:0}html,body{margin:0}img{display:block;width:210mm;height:297mm;break-after:page}</style>${images.join('')}`;
    const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, disableBlinkFeatures: 'Auxclick' } });
    try {
      await win.loadURL(`data:text/html;base64,${Buffer.from(html).toString('base64')}`);
      const ok = await new Promise<boolean>((resolve) => win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success)));
      return { ok };
    } finally {
      win.destroy();
    }
  });
}
