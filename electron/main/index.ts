import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { errorInfo } from '@shared/errors';
import { formatNotice } from '@shared/contract/change-notice';
import { createDispatch } from '../services/core/dispatch';
import { KaijiCore } from '../services/core/kaiji-core';
import { officeAtStart } from '../services/office/desk-connection';
import { OfficeDeskError } from '../services/office/office-desk';
import { resolveDataDir } from '../services/vault/data-dir';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { registerPrintHandler } from './print';
import { applySecurityBaseline, isTrustedSender } from './security';

// Thin glue: the services live in electron/services and never import electron.
// Crash reports are never started: a minidump holds memory, and memory holds personal data.
registerAppScheme();
app.enableSandbox();

function dataDirFromArgs(): string | undefined {
  const i = process.argv.indexOf('--data-dir');
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const here = dirname(fileURLToPath(import.meta.url));
let core: KaijiCore | null = null;

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Kaiji',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // Middle-click must not open links in new windows (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    applySecurityBaseline();
    serveRenderer(join(here, '../renderer'));
    // #16: KAIJI_OFFICE=office.json, else office.json saved in the data folder by the connection
    // screen, puts this desk on the office database (README); the screen switches it while locked.
    const dataDir = resolveDataDir(dataDirFromArgs());
    let office: ReturnType<typeof officeAtStart>;
    try {
      office = officeAtStart(dataDir);
    } catch (error) {
      // An office.json that cannot be used (not private, no CA for a remote host): say so, as web mode does.
      if (!(error instanceof OfficeDeskError)) throw error;
      dialog.showErrorBox('Kaiji', `${error.ja}\n${error.en}`);
      app.quit();
      return;
    }
    core = new KaijiCore({ dataDir, mode: 'electron', office: office.connection, officeSource: office.source });
    const dispatch = createDispatch(core);
    ipcMain.handle('kaiji:invoke', (event, channel: unknown, input: unknown) => {
      if (!isTrustedSender(event.senderFrame) || typeof channel !== 'string') {
        return { ok: false, error: errorInfo('FORBIDDEN') };
      }
      return dispatch(channel, input);
    });
    registerPrintHandler();
    // #16 item 3: change notices to every window (the renderer refetches what they touch).
    core.changes.subscribe((notice) => {
      const payload = formatNotice(notice);
      for (const win of BrowserWindow.getAllWindows()) win.webContents.send('kaiji:change', payload);
    });
    createWindow();
  });
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const c = core;
    core = null;
    void c.dispose().finally(() => app.quit());
  });
}
